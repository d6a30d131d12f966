import { afterAll, describe, expect, it } from 'vitest';
import { buildTransfer, type ModuleFile } from '../../src/transfer/index.ts';
import { repeatedPairs } from '../../src/transfer/shape.ts';
import { ConsoleModel, type CertutilLayout } from './console-model.ts';
import { buildShims, Console, explainDamaged, reports, wineReady } from './wine.ts';

/** A small seeded generator, so a failure names a payload that can be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

/** A module of 1 to 3 files: random bytes, runs of one byte (base64 runs), or text. */
function randomModule(seed: number, maxBytes: number): ModuleFile[] {
  const next = generator(seed);
  const paths = ['RdpRescue.psm1', 'RdpRescue.psd1', 'en-US/about_RdpRescue.help.txt'];
  return paths.slice(0, 1 + Math.floor(next() * 3)).map((path) => {
    const size = Math.floor(next() * maxBytes);
    const kind = Math.floor(next() * 3);
    const content = Buffer.alloc(size);
    for (let i = 0; i < size; i++)
      content[i] =
        kind === 0
          ? Math.floor(next() * 256)
          : kind === 1
            ? next() < 0.9 && i > 0
              ? content[i - 1]!
              : Math.floor(next() * 256)
            : 32 + Math.floor(next() * 95);
    return { path, content };
  });
}

function blocksOf(files: readonly ModuleFile[]): string[] {
  return buildTransfer(files, '0.1.0')
    .artifacts.filter((a) => a.meta?.['block'] !== undefined)
    .map((a) => a.content.toString('latin1'));
}

const VERDICT = /^block (\d+) of (\d+) (OK|DAMAGED - paste it again)$/;

function pasteAll(blocks: readonly string[], layout: CertutilLayout): string[] {
  const console = new ConsoleModel(layout);
  for (const block of blocks) console.paste(block);
  return console.printed;
}

describe("the transfer block's self-check", () => {
  it('never calls an intact block DAMAGED: 1,000 random payloads through a model of Windows cmd, both certutil layouts, nothing the console can double', () => {
    let blocks = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const pasted = blocksOf(randomModule(seed, 2500));
      const layout: CertutilLayout = seed % 2 === 0 ? 'compact' : 'spaced';
      // The console doubles or drops a character that repeats the one before it: a repeated
      // pair anywhere in a block (its hash check included) can fail an intact block.
      pasted.forEach((block, i) =>
        expect(repeatedPairs(block), `payload seed ${seed}, block ${i + 1}`).toBe(0),
      );
      const printed = pasteAll(pasted, layout);
      const verdicts = printed.filter((l) => VERDICT.test(l));
      const expected = pasted.map((_, i) => `block ${i + 1} of ${pasted.length} OK`);
      expect(verdicts, `payload seed ${seed}, ${layout} certutil`).toEqual(expected);
      expect(
        printed.some((l) => l.startsWith('RdpRescue 0.1.0 is now in ')),
        `seed ${seed}`,
      ).toBe(true);
      blocks += pasted.length;
    }
    expect(blocks).toBeGreaterThan(1500);
  }, 120_000);

  it('calls a block DAMAGED when a character of its data, or of its hash check, is doubled or dropped (the model can fail)', () => {
    const damage = (text: string, at: number) => [
      text.slice(0, at) + text[at] + text.slice(at),
      text.slice(0, at) + text.slice(at + 1),
    ];
    for (let seed = 1; seed <= 20; seed++) {
      const [first] = blocksOf(randomModule(seed, 2500));
      const data = /\r\n>c1 echo ([^\r]*)\r\n/.exec(first!)!;
      const inData = data.index + data[0].indexOf(' echo ') + 6 + (seed % data[1]!.length);
      for (const damaged of damage(first!, inData))
        for (const layout of ['compact', 'spaced'] as const)
          expect(pasteAll([damaged], layout)[0], `seed ${seed}`).toMatch(/^block 1 of \d+ DAMAGED/);
      // The first /c: string is the hash as Windows 10 and later print it: damaged inside
      // (not at an end, which leaves a shorter string that still matches), it fails the block
      // although its data is intact. Hence no block may hold a character the console doubles.
      const inCheck = first!.indexOf('/c:"') + 6 + (seed % 5);
      for (const damaged of damage(first!, inCheck))
        expect(pasteAll([damaged], 'compact')[0], `seed ${seed}`).toMatch(
          /^block 1 of \d+ DAMAGED/,
        );
    }
  });
});

const consoles: Console[] = [];

describe.skipIf(!wineReady())("the transfer block's self-check in Wine's cmd", () => {
  afterAll(() => consoles.forEach((c) => c.dispose()));

  it('calls no block of 20 random payloads DAMAGED (one or two blocks each)', async () => {
    const shims = buildShims();
    const payloads = Array.from({ length: 20 }, (_, i) => blocksOf(randomModule(5000 + i, 1500)));
    const run = async (part: string[][]) => {
      const c = new Console(shims);
      consoles.push(c);
      const out = reports(await c.paste(part.flat()));
      // Each payload pastes into its own folder; explain any DAMAGED against its own blocks.
      const why = part.map((p) =>
        explainDamaged(
          c,
          p,
          out.filter((l) => l.endsWith(`of ${p.length} DAMAGED - paste it again`)),
        ),
      );
      return { out, why: why.filter((w) => !w.startsWith('no block')).join('; ') };
    };
    const runs = await Promise.all([run(payloads.slice(0, 10)), run(payloads.slice(10))]);
    const out = runs.flatMap((r) => r.out);
    const expected = payloads.flatMap((p) => p.map((_, i) => `block ${i + 1} of ${p.length} OK`));
    expect(
      out.filter((l) => VERDICT.test(l)),
      runs.map((r) => r.why).join('; '),
    ).toEqual(expected);
    expect(out.filter((l) => /is now in/.test(l))).toHaveLength(20);
  }, 300_000);
});
