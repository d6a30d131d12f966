import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Artifact } from '../../src/emit/artifact.ts';
import { cabChecksum, writeCab } from '../../src/transfer/cab.ts';
import {
  buildTransfer,
  PASTE_LIMIT,
  transferStage,
  TransferTooLarge,
  type Transfer,
} from '../../src/transfer/index.ts';
import { echo, run } from '../../src/emit/cmd/syntax/index.ts';
import { printPaste } from '../../src/transfer/commands.ts';
import { hashWindow, repeatedPairs, spacedBase64 } from '../../src/transfer/shape.ts';
import { REPO, syntheticModule } from './fixture.ts';

/** A reader written from MS-CAB, independent of the writer: header, files, MSZIP frames. */
function readCab(cab: Buffer): { name: string; content: Buffer }[] {
  expect(cab.toString('ascii', 0, 4)).toBe('MSCF');
  expect(cab.readUInt32LE(8)).toBe(cab.length);
  const coffFiles = cab.readUInt32LE(16);
  const files = cab.readUInt16LE(28);
  const dataAt = cab.readUInt32LE(36);
  const frames = cab.readUInt16LE(40);
  expect(cab.readUInt16LE(42)).toBe(1); // MSZIP
  const entries: { name: string; size: number; offset: number }[] = [];
  let at = coffFiles;
  for (let i = 0; i < files; i++) {
    const end = cab.indexOf(0, at + 16);
    entries.push({
      size: cab.readUInt32LE(at),
      offset: cab.readUInt32LE(at + 4),
      name: cab.toString('ascii', at + 16, end),
    });
    at = end + 1;
  }
  const out: Buffer[] = [];
  let window = Buffer.alloc(0);
  at = dataAt;
  for (let f = 0; f < frames; f++) {
    const size = cab.readUInt16LE(at + 4);
    const data = cab.subarray(at + 8, at + 8 + size);
    expect(cab.readUInt32LE(at)).toBe(
      cabChecksum(cab.subarray(at + 4, at + 8), cabChecksum(data, 0)),
    );
    expect(data.toString('ascii', 0, 2)).toBe('CK');
    const plain = inflateRawSync(data.subarray(2), window.length ? { dictionary: window } : {});
    expect(plain.length).toBe(cab.readUInt16LE(at + 6));
    out.push(plain);
    window = Buffer.concat([window, plain]).subarray(-32768);
    at += 8 + size;
  }
  const stream = Buffer.concat(out);
  return entries.map((e) => ({
    name: e.name,
    content: stream.subarray(e.offset, e.offset + e.size),
  }));
}

describe('transfer blocks', () => {
  let files: ReturnType<typeof syntheticModule>;
  let t: Transfer;
  let blocks: Artifact[];
  beforeAll(() => {
    files = syntheticModule();
    t = buildTransfer(files, '0.1.0');
    blocks = t.artifacts.filter((a) => a.meta?.['block'] !== undefined);
  });

  it('fit the Serial Console: at most 2,048 characters, printable ASCII and CRLF, no tabs', () => {
    for (const a of blocks) {
      const text = a.content.toString('latin1');
      expect(a.content.length, a.path).toBeLessThanOrEqual(PASTE_LIMIT);
      expect(text, a.path).toMatch(/^([\x20-\x7e]*\r\n)+$/);
      expect(a.kind).toBe('transfer');
      expect(a.meta).toMatchObject({ of: blocks.length, chars: a.content.length });
    }
    expect(t.artifacts.map((a) => a.path)).toEqual([
      ...blocks.map(
        (_, i) => `serial-console/transfer/block-${String(i + 1).padStart(2, '0')}.txt`,
      ),
      'transfer-README.txt',
    ]);
  });

  it('contain no character that repeats the one before it', () => {
    for (const a of blocks) {
      expect(repeatedPairs(a.content.toString('latin1')), a.path).toBe(0);
      expect(a.meta!.repeatedPairs).toBe(0);
    }
    expect(t.summary.repeatedPairs).toBe(0);
  });

  it('come with a README that follows the console procedure', () => {
    const readme = t.artifacts
      .find((a) => a.path.endsWith('README.txt'))!
      .content.toString('latin1');
    expect(readme).toContain(`${blocks.length} paste blocks`);
    expect(readme).toContain(t.summary.payloadSha256);
    expect(readme).toMatch(/^[\x20-\x7e\r\n]*$/);
  });

  it('summarise blocks and characters for the manifest', () => {
    expect(t.summary.blocks).toBe(blocks.length);
    expect(t.summary.totalChars).toBe(blocks.reduce((s, a) => s + a.content.length, 0));
  });

  it('carry a cabinet that an independent MSZIP reader turns back into the module', () => {
    const data = blocks
      .map((a) => /\r\n>c[0-9^]+ echo ([^\r]*)\r\n/.exec(a.content.toString('latin1'))![1]!)
      .join('');
    const cab = Buffer.from(data.replace(/ /g, ''), 'base64');
    expect(createHash('sha256').update(cab).digest('hex')).toBe(t.summary.payloadSha256);
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(readCab(cab)).toEqual(
      sorted.map((f, i) => ({ name: String(i + 1), content: f.content })),
    );
  });

  it('check each chunk against its own SHA-1, in both certutil layouts', () => {
    for (const a of blocks) {
      const text = a.content.toString('latin1');
      const data = /\r\n>c[0-9^]+ echo ([^\r]*)\r\n/.exec(text)![1]!;
      const sha1 = createHash('sha1')
        .update(data + '\r\n')
        .digest('hex');
      const [, compact, spaced] = /findstr \/i \/c:"([^"]+)" \/c:"([^"]+)"/.exec(text)!;
      expect(sha1).toContain(compact!.toLowerCase());
      expect(sha1).toContain(spaced!.toLowerCase().replace(/ /g, ''));
      // Four bytes, anywhere in the line: a damaged chunk passes about one time in 86 million.
      expect(compact!.length).toBe(8);
    }
  });

  it('catch every single doubled or dropped character of every chunk (its hash no longer matches)', () => {
    let variants = 0;
    for (const a of blocks) {
      const text = a.content.toString('latin1');
      const data = /\r\n>c[0-9^]+ echo ([^\r]*)\r\n/.exec(text)![1]!;
      const [, compact] = /findstr \/i \/c:"([^"]+)"/.exec(text)!;
      const expected = compact!.toLowerCase();
      for (let i = 0; i < data.length; i++) {
        for (const damaged of [
          data.slice(0, i) + data[i] + data.slice(i),
          data.slice(0, i) + data.slice(i + 1),
        ]) {
          const sha1 = createHash('sha1')
            .update(damaged + '\r\n')
            .digest('hex');
          if (sha1.includes(expected)) throw new Error(`${a.path}: damage at ${i} not caught`);
          variants++;
        }
      }
    }
    // Every position of every chunk was tried (chunks are over 1,000 characters but the last).
    expect(variants).toBeGreaterThan(2 * 1000 * (blocks.length - 1));
  });

  it('name the file and the reason for bad input, and write nothing', () => {
    const good = files.slice(0, 1);
    expect(() =>
      buildTransfer([{ path: '../evil.ps1', content: Buffer.from('x') }], '0.1.0'),
    ).toThrow(/"\.\.\/evil\.ps1".*relative/);
    expect(() => buildTransfer([{ path: 'a b.psm1', content: Buffer.from('x') }], '0.1.0')).toThrow(
      /"a b\.psm1"/,
    );
    expect(() => buildTransfer(good, '1.0 beta')).toThrow(/version "1\.0 beta"/);
    expect(() => buildTransfer([], '0.1.0')).toThrow(/no files/);
  });
});

describe('shaping helpers', () => {
  it('space out repeated base64 characters without changing the decoded bytes', () => {
    const bytes = Buffer.from([0, 0, 0, 0, 0, 0, 255, 255, 255]);
    const spaced = spacedBase64(bytes);
    expect(repeatedPairs(spaced)).toBe(0);
    expect(Buffer.from(spaced.replace(/ /g, ''), 'base64').equals(bytes)).toBe(true);
  });

  it('are printed by the CMD printer: repeats broken with a caret, operators escaped', () => {
    expect(printPaste([run(['copy', '/y', '/b', 'c10+c11+c100', 'p.b64'])])).toBe(
      'copy /y /b c10+c1^1+c10^0 p.b64\r\n',
    );
    expect(printPaste([echo('RdpRescue.psm1 a&&b (x)')])).toBe(
      'echo RdpRescue.psm1 a^&^&b ^(x^)\r\n',
    );
  });

  it('pick a hash window both certutil layouts print without repeats', () => {
    const w = hashWindow('00112233445566778899aabbccddeeff0a1b2c3d4e5f60718293a4b5c6d7e8f9', 4);
    expect(w.clean).toBe(true);
    // Windows of repeated digits are skipped; repeated letters are fine: the printer types
    // them in alternating case (findstr /i compares without case).
    expect(w.compact).toBe('aabbccdd');
    expect(w.spaced).toBe('aa bb cc dd');
    expect(printPaste([run(['findstr', '/i', w.compact])])).toBe('findstr /i aAbBcCdD\r\n');
    expect(hashWindow('1111', 2).clean).toBe(false);
  });

  it('write a cabinet with a valid checksum on every frame, also for empty files', () => {
    const cab = writeCab([
      { name: 'empty', content: Buffer.alloc(0) },
      { name: 'x', content: Buffer.alloc(70000, 7) },
    ]);
    expect(readCab(cab).map((e) => e.content.length)).toEqual([0, 70000]);
  });

  it('write the smallest cabinet (optimal deflate) with the same files, also across frames', () => {
    const batch = readFileSync(join(REPO, 'test/transfer/fixtures/diagnose-18-scenarios.cmd'));
    const text = Buffer.concat([batch, batch.subarray(0, 20000), noise(3000, 3)]);
    const entries = [
      { name: 'd.cmd', content: batch },
      { name: 'x', content: text },
    ];
    const small = writeCab(entries, { smallest: true });
    expect(readCab(small)).toEqual(entries);
    expect(small.length).toBeLessThan(writeCab(entries).length);
  });
});

describe('transfer stage', () => {
  it('takes the module artifacts of a build and refuses a folder the manifest does not name', () => {
    const psd1 = Buffer.from("@{\r\n    ModuleVersion = '0.1.0'\r\n}\r\n");
    const artifacts = [
      { path: 'RdpRescue/RdpRescue.psd1', kind: 'ps-module' as const, content: psd1 },
      { path: 'catalog/catalog.json', kind: 'catalog' as const, content: '{}' },
    ];
    const t = transferStage(artifacts, { name: 'RdpRescue', version: '0.1.0' }) as Transfer;
    expect(t.summary.moduleBytes).toBe(psd1.length);
    expect(
      transferStage(artifacts.slice(1), { name: 'RdpRescue', version: '0.1.0' }),
    ).toBeUndefined();
    expect(() => transferStage(artifacts, { name: 'RdpRescue', version: '0.2.0' })).toThrow(
      /RdpRescue\.psd1 field ModuleVersion is '0\.1\.0', but the blocks would install into folder 0\.2\.0/,
    );
  });
});

/** Bytes that do not compress (a chain of SHA-256 digests: the same every run). */
function noise(bytes: number, seed: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i * 32 < bytes; i++)
    parts.push(createHash('sha256').update(`${seed}:${i}`).digest());
  return Buffer.concat(parts).subarray(0, bytes);
}

describe('a module too large for the Serial Console', () => {
  const psd1 = "@{\r\n    ModuleVersion = '0.1.0'\r\n}\r\n";

  it('is refused at once, saying why, instead of laying out hundreds of blocks', () => {
    const started = Date.now();
    expect(() =>
      buildTransfer(
        [
          { path: 'RdpRescue.psd1', content: Buffer.from(psd1) },
          { path: 'RdpRescue.psm1', content: noise(300_000, 7) },
        ],
        '0.1.0',
      ),
    ).toThrow(TransferTooLarge);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('leaves the build without transfer blocks, with the reason', () => {
    const artifacts: Artifact[] = [
      { path: 'RdpRescue/RdpRescue.psd1', kind: 'ps-module', content: psd1 },
      { path: 'RdpRescue/RdpRescue.psm1', kind: 'ps-module', content: noise(300_000, 11) },
    ];
    const stage = transferStage(artifacts, { name: 'RdpRescue', version: '0.1.0' })!;
    expect(stage.artifacts).toEqual([]);
    expect('skipped' in stage && stage.skipped).toMatch(/at least 1\d\d pastes.*at most 99/);
  });
});
