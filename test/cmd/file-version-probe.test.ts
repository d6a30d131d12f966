import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FileVersionCheck } from '../../src/model/index.ts';
import { fileVersionProbe } from '../../src/emit/cmd/checks-file-version.ts';
import { findPowerShell } from '../pester-runner/routes.ts';

/**
 * The CMD diagnosis's file-version probe as PowerShell runs it: the script text the probe puts
 * between `powershell -c "` and `"`, with Get-Item (gi) stood in by a function returning the
 * version resource a file would have. Wine's diagnosis test
 * only sees the letter the probe prints; here the comparison itself runs.
 */

const check = FileVersionCheck.parse({
  kind: 'file-version',
  id: 'credssp-update-missing',
  path: { root: 'SystemRoot', sub: 'System32\\tspkg.dll' },
  minimumVersions: [
    { build: '6.1.7601', minimum: '6.1.7601.24117' },
    { build: '6.3.9600', minimum: '6.3.9600.18999' },
    { build: '10.0.14393', minimum: '10.0.14393.2248' },
  ],
});

function script(): string {
  const [setup, ok] = fileVersionProbe(check);
  const words = [...setup, ...ok].map((p) => (p.kind === 'text' ? p.value : ''));
  return `${words[0]}if(${words[1]}){'quiet'}else{'fired'}`;
}

const pwsh = findPowerShell();

/** What the probe prints for a file of this version (null: no file), last line only. */
function answer(version: number[] | null): string {
  // Aliases win over functions: gi is removed first. No file: the real Get-Item on a path
  // that does not exist (SystemRoot points into an empty temporary folder).
  const standIn =
    version === null
      ? `$env:SystemRoot=[IO.Path]::GetTempPath()+[guid]::NewGuid();`
      : `Remove-Item -Force Alias:gi;function gi { [pscustomobject]@{ VersionInfo = [pscustomobject]@{ FileMajorPart = ${version[0]}; FileMinorPart = ${version[1]}; FileBuildPart = ${version[2]}; FilePrivatePart = ${version[3]} } } };`;
  const [program, args] = pwsh.ok
    ? pwsh.value.argv(['-NoProfile', '-NonInteractive', '-Command', standIn + script()])
    : ['false', []];
  const run = spawnSync(program, args, { encoding: 'utf8', timeout: 60_000 });
  return run.stdout.trim().split(/\r?\n/).at(-1) ?? '';
}

describe.skipIf(!pwsh.ok)('the CMD file-version probe, run by PowerShell', () => {
  it('contains no " or % (it travels inside a cmd for /f command)', () => {
    expect(script()).not.toMatch(/["%]/);
  });

  it('fires below the minimum of a listed build, compared as numbers (9999 < 18999)', () => {
    expect(answer([6, 3, 9600, 9999])).toBe('fired');
    expect(answer([6, 1, 7601, 24116])).toBe('fired');
  });

  it('stays quiet at or above the minimum, and for a build the table does not list', () => {
    expect(answer([6, 3, 9600, 18999])).toBe('quiet');
    expect(answer([10, 0, 14393, 2248])).toBe('quiet');
    expect(answer([10, 0, 17763, 1])).toBe('quiet');
  });

  it('prints nothing (the check is UNKNOWN) for a missing file or one without a version', () => {
    expect(answer(null)).toBe('');
    expect(answer([0, 0, 0, 0])).toBe('');
  });

  it('refuses a table whose builds share a build number (the probe keys by it)', () => {
    const twice = FileVersionCheck.parse({
      ...check,
      minimumVersions: [
        { build: '6.1.7601', minimum: '6.1.7601.24117' },
        { build: '10.0.7601', minimum: '10.0.7601.1' },
      ],
    });
    expect(() => fileVersionProbe(twice)).toThrow(/build number is listed twice/);
  });
});

describe('the file-version check in the model', () => {
  it('takes only files under SystemRoot, never leaving it, each minimum of its own build', () => {
    const bad = (patch: object) => FileVersionCheck.safeParse({ ...check, ...patch }).success;
    expect(bad({ path: { root: 'ProgramData', sub: 'x.dll' } })).toBe(false);
    expect(bad({ path: { root: 'SystemRoot', sub: 'System32\\..\\..\\Users\\x.dll' } })).toBe(
      false,
    );
    expect(bad({ minimumVersions: [{ build: '6.3.9600', minimum: '6.1.7601.24117' }] })).toBe(
      false,
    );
    expect(bad({ minimumVersions: [{ build: '6.3.9600', minimum: '6.3.9600.70000' }] })).toBe(
      false,
    );
    expect(bad({})).toBe(true);
  });
});
