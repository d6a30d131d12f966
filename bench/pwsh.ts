import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPowerShell, type PowerShell } from '../test/pester-runner/routes.ts';
import { findPester } from '../test/pester-runner/pester-module.ts';
import { summarize, timeCommand, type Timing } from './timing.ts';

const ROOT = join(import.meta.dirname, '..');

export type PwshCost =
  | { available: false; reason: string }
  | {
      available: true;
      date: string;
      version: string;
      route: string;
      /** The 1-minute load average before and after, and the CPU count: how quiet it was. */
      load: { before: number; after: number; cpus: number };
      /** `pwsh -NoProfile -c exit`, wall time of the process. */
      startup: Timing;
      /** The first Import-Module of the built module in a fresh pwsh, in-process. */
      import: Timing;
      /** A full Invoke-RdpDiagnosis -AsText on the healthy fake machine, in-process: first run. */
      diagnosis: Timing;
      /** The same, run a second time in the same process. */
      warmDiagnosis: Timing;
    };

/**
 * What the built module costs in pwsh, beside pwsh's own start-up: one start-up and one sample
 * process (bench/pwsh-cost.ps1) per run, interleaved so a noisy machine slows both alike.
 */
export function pwshCost(buildDir: string, runs: number): PwshCost {
  const pwsh = findPowerShell();
  if (!pwsh.ok) return { available: false, reason: 'no pwsh found (see test/pester-runner)' };
  if (!pwsh.value.executable)
    return { available: false, reason: `pwsh only through ${pwsh.value.route}` };
  const pester = findPester(pwsh.value);
  if (!pester.ok) return { available: false, reason: 'no Pester 5 for the fake machine' };
  const scratch = mkdtempSync(join(tmpdir(), 'rdprescue-pwsh-bench-'));
  try {
    const before = loadavg()[0]!;
    const startup: number[] = [];
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      startup.push(timeCommand(pwsh.value.executable, ['-NoProfile', '-c', 'exit']));
      samples.push(sample(pwsh.value, pester.value, buildDir, join(scratch, `${i}.json`)));
    }
    return {
      available: true,
      date: new Date().toISOString().slice(0, 10),
      version: pwsh.value.version,
      route: pwsh.value.route,
      load: { before: round1(before), after: round1(loadavg()[0]!), cpus: cpus().length },
      startup: summarize(startup),
      import: summarize(samples.map((s) => s.importMs)),
      diagnosis: summarize(samples.map((s) => s.diagnosisMs)),
      warmDiagnosis: summarize(samples.map((s) => s.warmDiagnosisMs)),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

interface Sample {
  importMs: number;
  diagnosisMs: number;
  warmDiagnosisMs: number;
}

function sample(pwsh: PowerShell, pester: string, buildDir: string, outPath: string): Sample {
  timeCommand(pwsh.executable!, [
    '-NoProfile',
    '-NonInteractive',
    '-File',
    join(ROOT, 'bench', 'pwsh-cost.ps1'),
    '-Pester',
    pester,
    '-BuildDir',
    buildDir,
    '-FakeMachine',
    join(ROOT, 'test', 'pester', 'FakeMachine.ps1'),
    '-OutPath',
    outPath,
  ]);
  return JSON.parse(readFileSync(outPath, 'utf8').replace(/^\uFEFF/, '')) as Sample;
}
