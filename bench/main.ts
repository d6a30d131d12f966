import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../src/model/load.ts';
import {
  timeCommand,
  timeInterleaved,
  timeNodeWithMemory,
  summarize,
  type Timing,
} from './timing.ts';
import type { Catalog } from '../src/model/index.ts';
import { writeSyntheticCatalog } from './synthetic.ts';
import { makeSigningCertificate } from './certificate.ts';
import {
  issue15Cost,
  diagnosisTransferCost,
  MERGED_18,
  serialConsoleCost,
  vmCost,
  runCommandReport,
  type Manifest,
} from './costs.ts';
import { renderBenchmarks } from './markdown.ts';
import { pwshCost, type PwshCost } from './pwsh.ts';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin/rdp-rescue.js');
const RUNS = 5;
/** A synthetic size that takes longer than this is reported as not finished, not waited for. */
const SCALING_TIMEOUT_MS = 600_000;

export interface Results {
  date: string;
  machine: { cpus: number; model: string; node: string };
  build: {
    nodeStartup: Timing;
    unsigned: Timing;
    signed: (Timing & { transferBlocks: number; transferChars: number }) | { error: string };
  };
  scaling: Scaling[];
  /** When the scaling was measured, if apart from the rest (--only=scaling). */
  scalingDate?: string;
  serialConsole: ReturnType<typeof serialConsoleCost>;
  /** The diagnosis blocks of a larger catalog's batch file (absent in older results). */
  diagnosisOfMerged18?: ReturnType<typeof diagnosisTransferCost>;
  /** When the Serial Console numbers were measured, if apart from the rest. */
  serialConsoleDate?: string;
  vm: ReturnType<typeof vmCost>;
  runCommand: ReturnType<typeof runCommandReport>;
  /** Issue 15's limits on the real catalog and on one shaped like its final one. */
  issue15?: ReturnType<typeof issue15Cost>;
  pwsh: PwshCost;
}

export type Scaling =
  | {
      scenarios: number;
      build: Timing;
      /** The largest peak resident memory of the runs, in MB. */
      peakMb: number;
      outputBytes: number;
      artifacts: number;
    }
  | { scenarios: number; error: string };

const node = (args: string[]) => () => timeCommand(process.execPath, args);

const RESULTS = join(ROOT, 'bench/results.json');

export async function main(args = process.argv.slice(2)): Promise<number> {
  if (args.includes('--only=pwsh')) return onlyPwsh();
  if (args.includes('--only=scaling')) return onlyScaling();
  if (args.includes('--only=issue15')) return onlyIssue15();
  if (args.includes('--only=serial-console')) return onlySerialConsole();
  const scratch = mkdtempSync(join(tmpdir(), 'rdprescue-bench-'));
  try {
    const out = join(scratch, 'out');
    process.stdout.write(`bench: build timings (${RUNS} runs, interleaved with node startup)\n`);
    const base = timeInterleaved(
      { nodeStartup: node(['-e', '']), unsigned: node([CLI, 'build', '--out', out]) },
      RUNS,
    );
    const signed = timeSigned(scratch);

    process.stdout.write('bench: scaling (synthetic catalogs)\n');
    const real = await loadCatalog();
    const scaling = measureScaling(real, scratch);

    process.stdout.write(`bench: PowerShell (${RUNS} runs, interleaved with pwsh startup)\n`);
    const pwsh = pwshCost(out, RUNS);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const results: Results = {
      date: new Date().toISOString().slice(0, 10),
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
      build: { nodeStartup: base.nodeStartup!, unsigned: base.unsigned!, signed },
      scaling,
      serialConsole: serialConsoleCost(manifest),
      diagnosisOfMerged18: diagnosisTransferCost(MERGED_18),
      vm: vmCost(out, real),
      runCommand: runCommandReport(real),
      issue15: issue15Cost(real),
      pwsh,
    };
    write(results);
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- --only=pwsh`: measures only what PowerShell costs and keeps every other
 * number of bench/results.json as it was (the section says its own date).
 */
function onlyPwsh(): number {
  const scratch = mkdtempSync(join(tmpdir(), 'rdprescue-bench-'));
  try {
    const out = join(scratch, 'out');
    timeCommand(process.execPath, [CLI, 'build', '--out', out]);
    process.stdout.write(`bench: PowerShell only (${RUNS} runs, interleaved with pwsh startup)\n`);
    const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as Results;
    write({ ...results, pwsh: pwshCost(out, RUNS) });
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Builds synthetic catalogs of 20, 100 and 1,000 scenarios (each holds the 19 real ones) with the real CLI, each run a fresh
 * process whose wall time and peak memory are measured.
 */
function measureScaling(real: Catalog, scratch: string): Scaling[] {
  return [20, 100, 1000].map((count) => {
    const dir = join(scratch, `catalog-${count}`);
    writeSyntheticCatalog(real, count, dir);
    const target = join(scratch, `out-${count}`);
    try {
      const runs = Array.from({ length: count >= 1000 ? 3 : RUNS }, () =>
        timeNodeWithMemory([CLI, 'build', '--out', target, '--catalog', dir], SCALING_TIMEOUT_MS),
      );
      const manifest = JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8')) as Manifest;
      process.stdout.write(
        `bench: ${count} scenarios: ${runs.map((r) => Math.round(r.ms)).join(', ')} ms\n`,
      );
      return {
        scenarios: count,
        build: summarize(runs.map((r) => r.ms)),
        peakMb: Math.max(...runs.map((r) => r.peakMb)),
        outputBytes: manifest.artifacts.reduce((n, a) => n + a.bytes, 0),
        artifacts: manifest.artifacts.length,
      };
    } catch (error) {
      // A size that cannot be built is a finding to report, not a reason to lose the rest.
      const message = (error as Error).message;
      return {
        scenarios: count,
        error: /heap out of memory/.test(message)
          ? 'out of memory (default Node heap)'
          : message.split('\n')[0]!.slice(0, 200),
      };
    }
  });
}

/**
 * `npm run bench -- --only=serial-console`: one build, then only the paste counts and what the
 * diagnosis runs on the VM; every timing of bench/results.json stays as it was.
 */
async function onlySerialConsole(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'rdprescue-bench-'));
  try {
    const out = join(scratch, 'out');
    timeCommand(process.execPath, [CLI, 'build', '--out', out]);
    process.stdout.write('bench: Serial Console only (paste counts)\n');
    const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as Results;
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    write({
      ...results,
      serialConsole: serialConsoleCost(manifest),
      diagnosisOfMerged18: diagnosisTransferCost(MERGED_18),
      vm: vmCost(out, await loadCatalog()),
      serialConsoleDate: new Date().toISOString().slice(0, 10),
    });
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- --only=scaling`: measures only the synthetic catalogs and keeps every other
 * number of bench/results.json as it was.
 */
async function onlyScaling(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'rdprescue-bench-'));
  try {
    process.stdout.write('bench: scaling only (synthetic catalogs)\n');
    const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as Results;
    const scaling = measureScaling(await loadCatalog(), scratch);
    write({ ...results, scaling, scalingDate: new Date().toISOString().slice(0, 10) });
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- --only=issue15`: measures only issue 15's limits (no build timings) and
 * keeps every other number of bench/results.json as it was.
 */
async function onlyIssue15(): Promise<number> {
  const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as Results;
  const real = await loadCatalog();
  write({ ...results, runCommand: runCommandReport(real), issue15: issue15Cost(real) });
  return 0;
}

function write(results: Results): void {
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), renderBenchmarks(results));
  process.stdout.write('bench: wrote BENCHMARKS.md and bench/results.json\n');
}

function timeSigned(scratch: string): Results['build']['signed'] {
  try {
    const { cert, key, ca } = makeSigningCertificate(join(scratch, 'pki'));
    const out = join(scratch, 'signed');
    const timing = summarize(
      Array.from({ length: RUNS }, () =>
        timeCommand(process.execPath, [
          CLI,
          'build',
          '--out',
          out,
          '--sign',
          '--cert',
          cert,
          '--key',
          key,
          '--ca-file',
          ca,
        ]),
      ),
    );
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      transfer: { blocks: number; totalChars: number };
    };
    return {
      ...timing,
      transferBlocks: manifest.transfer.blocks,
      transferChars: manifest.transfer.totalChars,
    };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0]! };
  }
}
