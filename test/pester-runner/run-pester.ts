import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildFresh, existingBuild } from './build-module.ts';
import { findPester } from './pester-module.ts';
import { findPowerShell, type Attempt, type PowerShell } from './routes.ts';
import { ARTIFACTS, CACHE, PESTER_TESTS } from './paths.ts';

/** Where the JUnit XML goes (RDPRESCUE_PESTER_RESULTS overrides, for the runner's own tests). */
export const RESULT_XML =
  process.env.RDPRESCUE_PESTER_RESULTS ?? join(ARTIFACTS, 'pester-junit.xml');
/** The counts of the last run, beside the XML: scripts/test.sh adds them to its summary line. */
export const COUNTS_JSON = join(dirname(RESULT_XML), 'pester-counts.json');
const DRIVER = new URL('./invoke-pester.ps1', import.meta.url).pathname;

export interface PesterCounts {
  passed: number;
  failed: number;
  skipped: number;
  notRun: number;
  pester: string;
  engine: string;
}

export type PesterOutcome =
  | { ran: true; counts: PesterCounts; route: string; resultXml: string; attempts: Attempt[] }
  | { ran: false; missing: string; attempts: Attempt[] };

/** Finds pwsh and Pester 5, builds the module afresh, and runs test/pester/** against it. */
export function runPesterSuite(): PesterOutcome {
  const pwsh = findPowerShell();
  if (!pwsh.ok) return { ran: false, missing: 'PowerShell 7 (pwsh)', attempts: pwsh.attempts };
  const pester = findPester(pwsh.value);
  const attempts = [...pwsh.attempts, ...pester.attempts];
  if (!pester.ok) return { ran: false, missing: 'Pester 5', attempts };

  const given = process.env.RDPRESCUE_PESTER_BUILD;
  // --pack: Package.Tests.ps1 installs the .nupkg with PSResourceGet (pwsh 7.4+ ships it).
  const build = given ? existingBuild(given) : buildFresh('pester', { pack: true });
  try {
    return runOn(build.dir, pwsh.value, pester.value, attempts, {});
  } finally {
    build.remove();
  }
}

export interface PesterFileRun {
  /** A build folder (rdp-rescue build --out). */
  buildDir: string;
  /** A .Tests.ps1 file (or folder) to run against it. */
  testPath: string;
  /** Where the JUnit XML goes (default: beside the suite's, named after the test file). */
  resultXml: string;
  /** The module's name when the build has its own (rdp-rescue.config.json). */
  moduleName?: string;
}

/** Runs one test file (or folder) against a given build: an org build, a team's scenarios. */
export function runPesterOn(run: PesterFileRun): PesterOutcome {
  const pwsh = findPowerShell();
  if (!pwsh.ok) return { ran: false, missing: 'PowerShell 7 (pwsh)', attempts: pwsh.attempts };
  const pester = findPester(pwsh.value);
  const attempts = [...pwsh.attempts, ...pester.attempts];
  if (!pester.ok) return { ran: false, missing: 'Pester 5', attempts };
  return runOn(run.buildDir, pwsh.value, pester.value, attempts, {
    testPath: run.testPath,
    resultXml: run.resultXml,
    ...(run.moduleName ? { env: { RDPRESCUE_MODULE: run.moduleName } } : {}),
  });
}

interface RunTarget {
  testPath?: string;
  resultXml?: string;
  env?: Record<string, string>;
}

function runOn(
  buildDir: string,
  pwsh: PowerShell,
  pester: string,
  attempts: Attempt[],
  target: RunTarget,
): PesterOutcome {
  const resultXml = target.resultXml ?? RESULT_XML;
  const countsJson = target.resultXml ? `${target.resultXml}.counts.json` : COUNTS_JSON;
  mkdirSync(dirname(resultXml), { recursive: true });
  rmSync(resultXml, { force: true });
  rmSync(countsJson, { force: true });
  // Under the repo, which a Docker container mounts too.
  mkdirSync(CACHE, { recursive: true });
  const summaryDir = mkdtempSync(join(CACHE, 'pester-summary-'));
  const summaryPath = join(summaryDir, 'summary.json');
  const [program, args] = pwsh.argv([
    '-NoProfile',
    '-NonInteractive',
    '-File',
    DRIVER,
    '-Pester',
    pester,
    '-BuildDir',
    buildDir,
    '-TestPath',
    target.testPath ?? PESTER_TESTS,
    '-ResultPath',
    resultXml,
    '-SummaryPath',
    summaryPath,
  ]);
  try {
    const env = { ...process.env, ...target.env };
    if (pwsh.executable) env.RDPRESCUE_PWSH_EXE = pwsh.executable;
    const run = spawnSync(program, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (run.status !== 0 || !existsSync(summaryPath))
      throw new Error(`the Pester driver failed (exit ${run.status}); see its output above`);
    const text = readFileSync(summaryPath, 'utf8').replace(/^\uFEFF/, '');
    if (!existsSync(resultXml)) throw new Error(`Pester wrote no result file at ${resultXml}`);
    const counts = JSON.parse(text) as PesterCounts;
    writeFileSync(countsJson, JSON.stringify(counts));
    return { ran: true, counts, route: pwsh.route, resultXml, attempts };
  } finally {
    rmSync(summaryDir, { recursive: true, force: true });
  }
}

/** The one summary line CI reads. Printed only when Pester really ran. */
export function summaryLine(counts: PesterCounts): string {
  return `Pester: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}

/** The loud message of a skip: what is missing and every route tried, with its answer. */
export function skipMessage(outcome: Extract<PesterOutcome, { ran: false }>): string {
  const lines = [
    '#'.repeat(78),
    `# PESTER SUITE NOT RUN: ${outcome.missing} could not be had on this machine.`,
    '# Routes tried:',
    ...outcome.attempts.map((a) => `#   - ${a.route}: ${a.asked}\n#       -> ${a.answer}`),
    '# Install pwsh (with Pester 5) or start a Docker engine to run it;',
    '# set RDPRESCUE_REQUIRE_PESTER=1 where a skip must fail the build.',
    '#'.repeat(78),
  ];
  return lines.join('\n');
}

export const pesterRequired = () => process.env.RDPRESCUE_REQUIRE_PESTER === '1';
