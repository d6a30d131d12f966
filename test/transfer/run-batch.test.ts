import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchTransfer, pastedChars, PASTE_LIMIT } from '../../src/transfer/run-batch.ts';
import { REPO } from './fixture.ts';

/**
 * The Serial Console diagnosis as a transfer of cmd/diagnose.cmd: what the blocks carry, where
 * they work, and how many pastes the catalog's diagnosis takes (issue 15: at most 4).
 */

const builtBatch = () => readFileSync(join(REPO, 'dist-ps', 'cmd', 'diagnose.cmd'));
/** dist-ps/cmd/diagnose.cmd of the merged 18-scenario catalog (branch int), for its size. */
const eighteen = () =>
  readFileSync(join(REPO, 'test', 'transfer', 'fixtures', 'diagnose-18-scenarios.cmd'));

/** The base64 each block echoes into its chunk file, joined as the last block's copy does. */
function carried(blocks: readonly string[]): Buffer {
  const data = blocks.map((b) => /(?:^|\r\n)>c[0-9^]+ echo ([^\r]*)\r\n/.exec(b)![1]!);
  return Buffer.from(data.join('').replace(/ /g, ''), 'base64');
}

/** The batch file inside the cabinet, extracted by cabextract when it is installed. */
function extracted(cab: Buffer): Buffer | undefined {
  try {
    execFileSync('cabextract', ['--version'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'rdpd-'));
  try {
    writeFileSync(join(dir, 'p.cab'), cab);
    execFileSync('cabextract', ['-q', '-d', dir, join(dir, 'p.cab')]);
    return readFileSync(join(dir, 'd.cmd'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('diagnosis blocks: a transfer of diagnose.cmd', () => {
  it('the built blocks are exactly the transfer of the built diagnose.cmd', () => {
    const built = batchTransfer(builtBatch());
    const files = built.blocks.map((_, i, all) =>
      readFileSync(
        join(REPO, 'dist-ps', 'serial-console', `diagnose-${i + 1}-of-${all.length}.txt`),
        'latin1',
      ),
    );
    expect(files).toEqual(built.blocks.map((b) => b.replace(/\r?\n/g, '\r\n')));
  });

  it('carries the batch file byte for byte, and its cabinet hash is the one the last block checks', () => {
    const t = batchTransfer(builtBatch());
    const cab = carried(t.blocks);
    expect(cab.length).toBe(t.payloadBytes);
    expect(createHash('sha256').update(cab).digest('hex')).toBe(t.payloadSha256);
    const last = t.blocks.at(-1)!;
    expect(last).toContain('certutil -hashfile p.cab SHA256|findstr /i /c:"');
    const inside = extracted(cab);
    if (inside) expect(inside.equals(builtBatch())).toBe(true);
  });

  it('works in a folder under %ProgramFiles% (administrators only), never %SystemRoot%\\Temp', () => {
    for (const b of batchTransfer(builtBatch()).blocks) {
      expect(b.split('\r\n')[0]).toMatch(/^cd \/d "%ProgramFiles%"&md rdpd\w+ 2>nul&cd rdpd\w+$/);
      expect(b).not.toMatch(/SystemRo/i);
    }
  });

  it('runs the batch file only in the branch where the whole payload hash matched, then removes the folder', () => {
    const last = batchTransfer(builtBatch()).blocks.at(-1)!.split('\r\n');
    const check = last.find((l) => l.startsWith('certutil -hashfile p.cab'))!;
    const [, refused, ran] = /&if erRorlevel 1 \((.*?)\) else \((.*)\)$/.exec(check)!;
    expect(refused).toMatch(/^echo RdpRescue: payload incomplete or DAMAGED/);
    expect(refused).not.toMatch(/cal+ /i);
    expect(ran).toMatch(
      /^expand p\.cab -F:\* \. >nul 2>nul&calL d\.cmd&cd \.\^?\.&rd \/s \/q rdpd\w+$/,
    );
    // Nothing after the check line: the run lives only in its else branch.
    expect(last.slice(last.indexOf(check) + 1).join('')).toBe('');
  });

  it('every block fits a paste', () => {
    for (const b of batchTransfer(eighteen()).blocks)
      expect(b.replace(/\r?\n/g, '\r\n').length).toBeLessThanOrEqual(PASTE_LIMIT);
  });

  it('the diagnosis of the whole catalog takes at most 4 pastes (issue 15), the 18-scenario fixture 4', () => {
    expect(batchTransfer(builtBatch()).blocks.length).toBeLessThanOrEqual(4);
    const big = batchTransfer(eighteen()).blocks;
    expect([big.length, pastedChars(big)]).toEqual([4, 7041]);
  });
});
