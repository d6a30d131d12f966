import { mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './paths.ts';
import { buildFresh } from './build-module.ts';
import { pesterRequired, runPesterSuite, skipMessage, summaryLine } from './run-pester.ts';

const SUMMARY = /^(\w+: )?\d+ passed, \d+ failed(, \d+ skipped)?$/m;

describe('the Pester suite in real PowerShell', () => {
  it('runs test/pester against a fresh build and passes (skips loudly without pwsh + Pester 5)', (ctx) => {
    const outcome = runPesterSuite();
    if (!outcome.ran) {
      const message = skipMessage(outcome);
      console.warn(message);
      if (pesterRequired()) throw new Error(message);
      ctx.skip(`no ${outcome.missing}`);
      return;
    }
    console.log(summaryLine(outcome.counts));
    expect(outcome.counts.failed).toBe(0);
    expect(outcome.counts.passed).toBeGreaterThan(0);
    // The whole suite in one pwsh: ~80 s alone, over 120 s beside other test files on 2 cores.
  }, 600_000);
});

/** Runs the runner's CLI as CI does, with the environment given. */
function cli(env: NodeJS.ProcessEnv) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'test', 'pester-runner', 'cli.ts')],
    {
      cwd: REPO,
      env,
      encoding: 'utf8',
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the runner', () => {
  it('skips without PowerShell: names each route, prints no summary line, fails only when required', () => {
    const empty = mkdtempSync(join(tmpdir(), 'rr-nopath-'));
    const bare = { HOME: process.env.HOME, PATH: empty };
    const skipped = cli(bare);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('PESTER SUITE NOT RUN: PowerShell 7 (pwsh)');
    for (const route of ['local pwsh', 'docker', 'dotnet tool (NuGet)'])
      expect(skipped.stderr).toContain(route);
    expect(skipped.stdout + skipped.stderr).not.toMatch(SUMMARY);

    const required = cli({ ...bare, RDPRESCUE_REQUIRE_PESTER: '1' });
    expect(required.code).toBe(1);
    expect(required.stdout + required.stderr).not.toMatch(SUMMARY);
  });

  it('after a run prints exactly one summary line and fails on failed or zero tests', () => {
    // A stand-in pwsh that answers like PowerShell with Pester 5 installed and reports given counts.
    const dir = mkdtempSync(join(tmpdir(), 'rr-fakepwsh-'));
    const fake = join(dir, 'pwsh');
    writeFileSync(
      fake,
      `#!/bin/bash
case "$*" in
  *PSVersion*) echo 7.4.6; exit 0;;
  *Get-Module*) echo 5.7.1; exit 0;;
esac
while [ $# -gt 0 ]; do
  case "$1" in
    -ResultPath) result="$2"; shift;;
    -SummaryPath) summary="$2"; shift;;
  esac
  shift
done
echo '<testsuites/>' > "$result"
printf '%s' "$FAKE_SUMMARY" > "$summary"
`,
    );
    chmodSync(fake, 0o755);
    const results = join(dir, 'junit.xml');
    const build = buildFresh('fake-pwsh');
    const run = (passed: number, failed: number) =>
      cli({
        ...process.env,
        RDPRESCUE_PWSH: fake,
        RDPRESCUE_PESTER_RESULTS: results,
        RDPRESCUE_PESTER_BUILD: build.dir,
        FAKE_SUMMARY: JSON.stringify({
          passed,
          failed,
          skipped: 1,
          notRun: 0,
          pester: '5.7.1',
          engine: '7.4.6',
        }),
      });

    const green = run(12, 0);
    expect(green.code, green.stderr).toBe(0);
    expect(green.stdout.match(new RegExp(SUMMARY, 'gm'))).toEqual([
      'Pester: 12 passed, 0 failed, 1 skipped',
    ]);
    expect(readFileSync(results, 'utf8')).toContain('testsuites');
    expect(run(11, 1).code).toBe(1);
    expect(run(0, 0).code).toBe(1);
    build.remove();
  });
});
