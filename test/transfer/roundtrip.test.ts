import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTransfer, type ModuleFile, type Transfer } from '../../src/transfer/index.ts';
import { moduleUnderTest, readTree, signatureVerifies } from './fixture.ts';
import { buildShims, Console, explainDamaged, reports, wineReady, windowsPath } from './wine.ts';

const VERSION = '0.1.0';
/** Wine starts two processes per block; on a busy machine that is slow. */
const WINE_TIMEOUT = 400_000;
let shims: string;
/** The whole module, pasted once in order. */
let files: ModuleFile[];
let transfer: Transfer;
let blocks: string[];
/**
 * Part of the same module (manifest and two cultures, a few blocks) for the damage and order
 * scenarios: same code path, fewer Wine processes (each block starts certutil and findstr).
 */
let part: ModuleFile[];
let partBlocks: string[];
const consoles: Console[] = [];

function pasteBlocks(t: Transfer): string[] {
  return t.artifacts
    .filter((a) => a.meta?.['block'] !== undefined)
    .map((a) => a.content.toString('ascii'));
}

function vm(): Console {
  const c = new Console(shims);
  consoles.push(c);
  return c;
}

const ok = (k: number, n: number) => `block ${k} of ${n} OK`;
const damaged = (k: number, n: number) => `block ${k} of ${n} DAMAGED - paste it again`;
const REFUSED = /^RdpRescue: the payload is incomplete or DAMAGED - paste each block/;

/** Index of a character in the middle of a block's data line (its echo into the chunk file). */
function middleOfData(block: string): number {
  const match = /\r\n>c[0-9^]+ echo ([^\r]*)\r\n/.exec(block)!;
  const start = match.index + match[0].indexOf(' echo ') + 6;
  return start + Math.floor(match[1]!.length / 2);
}

/** The Serial Console's damage: a character typed twice, or lost. */
const doubled = (text: string, at: number) => text.slice(0, at) + text[at] + text.slice(at);
const dropped = (text: string, at: number) => text.slice(0, at) + text.slice(at + 1);

function expectInstalled(c: Console, files: readonly ModuleFile[]): void {
  const dir = c.moduleDir(VERSION);
  expect(readTree(dir).map((f) => f.path)).toEqual(files.map((f) => f.path).sort());
  for (const f of files) {
    const installed = join(dir, ...f.path.split('/'));
    expect(readFileSync(installed).equals(f.content), `${f.path} byte for byte`).toBe(true);
    if (f.content.includes('# SIG # Begin signature block'))
      expect(signatureVerifies(installed), `${f.path} Authenticode`).toBe(true);
  }
}

describe.skipIf(!wineReady())('transfer blocks pasted into cmd (Wine)', () => {
  beforeAll(() => {
    shims = buildShims();
    files = moduleUnderTest().files;
    transfer = buildTransfer(files, VERSION);
    blocks = pasteBlocks(transfer);
    part = files.filter((f) => /^(RdpRescue\.psd1|en-US\/.*|sv-SE\/.*)$/.test(f.path));
    partBlocks = pasteBlocks(buildTransfer(part, VERSION));
  });
  afterAll(() => consoles.forEach((c) => c.dispose()));

  it.concurrent(
    'rebuild the signed module byte for byte when pasted in order',
    async () => {
      const c = vm();
      const n = blocks.length;
      const out = reports(await c.paste(blocks));
      expect(out, explainDamaged(c, blocks, out)).toEqual([
        ...blocks.map((_, i) => ok(i + 1, n)),
        `RdpRescue ${VERSION} is now in ${windowsPath(c.moduleDir(VERSION))}`,
      ]);
      expectInstalled(c, files);
      // The chunks stay, so pasting the last block again installs the same bytes again.
      const again = reports(await c.paste([blocks[n - 1]!]));
      expect(again).toEqual([ok(n, n), out[n]]);
      expectInstalled(c, files);
    },
    WINE_TIMEOUT,
  );

  it.concurrent(
    'report a doubled or dropped character in the block it hit, install nothing, then recover (certutil of Server 2012 R2)',
    async () => {
      const n = partBlocks.length;
      const [a, b, h] = [1, n - 1, 2];
      const pasted = [...partBlocks];
      pasted[a - 1] = doubled(partBlocks[a - 1]!, middleOfData(partBlocks[a - 1]!));
      pasted[b - 1] = dropped(partBlocks[b - 1]!, middleOfData(partBlocks[b - 1]!));
      pasted[n - 1] = doubled(partBlocks[n - 1]!, middleOfData(partBlocks[n - 1]!));
      // Damage in the expected hash (the layout this certutil prints) is caught too.
      pasted[h - 1] = doubled(partBlocks[h - 1]!, partBlocks[h - 1]!.indexOf('" /c:"') + 7);
      const legacy = { RDPX_CERTUTIL_LEGACY: '1' };
      const c = vm();
      const out = reports(await c.paste(pasted, legacy));
      const expected = partBlocks.map((_, i) =>
        ([a, b, h, n].includes(i + 1) ? damaged : ok)(i + 1, n),
      );
      expect(out.slice(0, n)).toEqual(expected);
      expect(out[n]).toMatch(REFUSED);
      expect(out).toHaveLength(n + 1);
      expect(existsSync(c.moduleDir(VERSION))).toBe(false);

      const again = reports(
        await c.paste(
          [a, b, h, n].map((k) => partBlocks[k - 1]!),
          legacy,
        ),
      );
      expect(again.slice(0, 4)).toEqual([ok(a, n), ok(b, n), ok(h, n), ok(n, n)]);
      expect(again[4]).toMatch(/^RdpRescue 0\.1\.0 is now in /);
      expectInstalled(c, part);
    },
    WINE_TIMEOUT,
  );

  it.concurrent(
    'give the same result when every block is pasted twice and out of order (and expand.exe is missing)',
    async () => {
      const n = partBlocks.length;
      // Every block twice: the last one first (it must refuse) and last, the others scrambled.
      const scrambled = [...Array(n - 1).keys(), ...Array(n - 1).keys()]
        .map((i, j) => ({ i, key: (i * 7919 + j * 104729) % 9973 }))
        .sort((x, y) => x.key - y.key)
        .map((x) => x.i);
      const order = [n - 1, ...scrambled, n - 1];
      const c = vm();
      // ... on a console without expand.exe, so the blocks fall back to extrac32 (Wine's own).
      const out = reports(
        await c.paste(
          order.map((i) => partBlocks[i]!),
          { RDPX_EXPAND_MISSING: '1' },
        ),
      );
      expect(out[0]).toBe(ok(n, n));
      expect(out[1]).toMatch(REFUSED);
      expect(out.filter((l) => l.startsWith('block ')).sort()).toEqual(
        order.map((i) => ok(i + 1, n)).sort(),
      );
      expect(out[out.length - 1]).toBe(
        `RdpRescue ${VERSION} is now in ${windowsPath(c.moduleDir(VERSION))}`,
      );
      expectInstalled(c, part);
    },
    WINE_TIMEOUT,
  );
});
