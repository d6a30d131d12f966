import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { runPesterOn } from '../pester-runner/run-pester.ts';
import { loadCatalog } from '../../src/model/load.ts';

/**
 * The acceptance: `rdp-rescue new scenario acme-agent`, then `build --scenarios` on
 * it, yields a module in which `Invoke-RdpDiagnosis -Scenario acme-agent` runs (Pester).
 */

const ROOT = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'rdprescue-starter-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/rdp-rescue.js'), ...args], {
    encoding: 'utf8',
    cwd: scratch,
  });

it('new scenario acme-agent, build --scenarios, then Invoke-RdpDiagnosis -Scenario acme-agent in Pester', async () => {
  const created = cli('new', 'scenario', 'acme-agent', '--dir', 'team');
  expect(created.status, created.stderr).toBe(0);
  const built = cli('build', '--scenarios', 'team', '--out', 'out');
  expect(built.status, built.stderr).toBe(0);
  const builtIn = (await loadCatalog()).scenarios.length;
  expect(built.stdout).toContain(`${builtIn + 1} scenarios`);

  const outcome = runPesterOn({
    buildDir: join(scratch, 'out'),
    testPath: join(import.meta.dirname, 'Starter.Tests.ps1'),
    resultXml: join(scratch, 'starter-junit.xml'),
  });
  expect(outcome.ran, 'pwsh with Pester 5 is needed (see test/pester-runner)').toBe(true);
  if (!outcome.ran) return;
  expect(outcome.counts.failed).toBe(0);
  expect(outcome.counts.passed).toBe(2);
}, 300_000);
