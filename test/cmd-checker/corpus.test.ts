import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFinding } from './check.ts';
import { checkCorpus, corpusScripts } from './corpus.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'rdprescue-cmd-checker-'));
const out = join(scratch, 'dist');

/**
 * A fresh build through the real CLI (so the checker imports nothing of the emitter), then
 * every generated .cmd and paste block through the checker. Until the CMD emitter is rewritten
 * (issue 13) this fails, listing each line Windows' cmd.exe parses other than meant.
 */
describe('generated CMD under the cmd.exe parse-rule checker', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(REPO, 'bin', 'rdp-rescue.js'), 'build', '--out', out], {
      cwd: REPO,
      stdio: 'ignore',
    });
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds the batch files, the offline scripts and the paste blocks, transfer included', () => {
    const scripts = corpusScripts(out);
    const files = scripts.flatMap((s) => s.files.map((f) => f.path));
    expect(files.some((p) => p.startsWith('cmd/'))).toBe(true);
    expect(files.some((p) => p.startsWith('offline/'))).toBe(true);
    expect(files.some((p) => p.startsWith('serial-console/transfer/block-'))).toBe(true);
    const diagnosisBlocks = readdirSync(join(out, 'serial-console')).filter((f) =>
      /^diagnose-\d+-of-\d+\.txt$/.test(f),
    );
    expect(diagnosisBlocks.length).toBeGreaterThan(0);
    expect(scripts.find((s) => s.name === 'serial-console/diagnose')?.files.length).toBe(
      diagnosisBlocks.length,
    );
  });

  it('has no line that Windows parses other than meant', () => {
    expect(checkCorpus(out).map(formatFinding)).toEqual([]);
  });
});
