import { readFileSync } from 'node:fs';
import { diagnosisScripts } from '../src/emit/cmd/index.ts';
import { checkCount, finalShapedCatalog } from './final-catalog.ts';
import { join } from 'node:path';
import { reportLine, runCommandEvidence, verdictLine, type Catalog } from '../src/model/index.ts';
import { batchTransfer, pastedChars, PASTE_LIMIT } from '../src/transfer/run-batch.ts';

export interface Manifest {
  artifacts: { path: string; kind: string; bytes: number; [meta: string]: unknown }[];
  [field: string]: unknown;
}

// The shared seeds sit next to the main checkout; a worktree elsewhere names them.
const SEEDS = process.env.RDPRESCUE_SEEDS ?? join(import.meta.dirname, '../../shared/seeds');

/** Characters and pastes an administrator spends at the Serial Console. */
export function serialConsoleCost(manifest: Manifest) {
  const blocks = manifest.artifacts.filter((a) => a.kind === 'cmd-paste');
  const diagnosis = blocks.filter((a) => a.role === 'diagnosis');
  const perFix = new Map<string, number>();
  for (const b of blocks)
    if (typeof b.fix === 'string') perFix.set(b.fix, (perFix.get(b.fix) ?? 0) + 1);
  const transfer = manifest.artifacts.filter(
    (a) => a.kind === 'transfer' && typeof a.block === 'number',
  );
  const chars = (a: { bytes: number; chars?: unknown }) =>
    typeof a.chars === 'number' ? a.chars : a.bytes;
  return {
    diagnosisBlocks: diagnosis.length,
    diagnosisChars: diagnosis.reduce((n, a) => n + chars(a), 0),
    pastesPerFix: Object.fromEntries([...perFix].sort()),
    largestBlockChars: Math.max(0, ...blocks.map(chars)),
    repeatedPairs: blocks.reduce(
      (n, a) => n + (typeof a.repeatedPairs === 'number' ? a.repeatedPairs : 0),
      0,
    ),
    transferPastes: transfer.length || null,
    transferChars: transfer.reduce((n, a) => n + chars(a), 0) || null,
  };
}

const EXTERNAL = [
  'wevtutil',
  'reg',
  'netstat',
  'sc',
  'tasklist',
  'icacls',
  'certutil',
  'findstr',
  'find',
  'powershell',
];

function countCommands(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const exe of EXTERNAL) {
    // A command name at a command position: line start, after ( ' & | or "do".
    const re = new RegExp(`(^|[(&|']\\s*|\\bdo\\s+)${exe}(\\.exe)?\\s`, 'gim');
    const n = [...text.matchAll(re)].length;
    if (n) counts[exe] = n;
  }
  return counts;
}

/** The merged 18-scenario catalog's diagnose.cmd (branch int, issue 15), kept as a test fixture. */
export const MERGED_18 = join(
  import.meta.dirname,
  '../test/transfer/fixtures/diagnose-18-scenarios.cmd',
);

/** The diagnosis blocks a batch file takes: the same transfer the build writes. */
export function diagnosisTransferCost(file: string) {
  const batch = readFileSync(file);
  const { blocks } = batchTransfer(batch);
  return { batchBytes: batch.length, blocks: blocks.length, chars: pastedChars(blocks) };
}

/** What a full diagnosis costs on the VM, counted from the generated code. */
export function vmCost(out: string, catalog: Catalog) {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  const read = (path: string) => readFileSync(join(out, path), 'utf8');
  // The paste blocks carry cmd/diagnose.cmd (compressed): the commands are in the batch file.
  const diagnosis = manifest.artifacts.filter(
    (a) => a.kind === 'cmd-batch' && a.role === 'diagnosis',
  );
  const cmdText = diagnosis.map((a) => read(a.path)).join('\n');
  const cmdCommands = cmdText ? countCommands(cmdText) : undefined;
  const moduleText = manifest.artifacts
    .filter((a) => a.kind === 'ps-module' && /\.psm?1$/.test(a.path))
    .map((a) => read(a.path))
    .join('\n');
  const channels = new Set(
    catalog.scenarios.flatMap((s) =>
      s.evidence.flatMap((e) => (e.check.kind === 'event-query' ? [e.check.channel] : [])),
    ),
  );
  const seedText =
    readFileSync(join(SEEDS, '004_50ea3174cc198584.txt'), 'utf8') +
    readFileSync(join(SEEDS, '003_a5ed511b479db266.txt'), 'utf8');
  return {
    eventChannels: channels.size,
    cmd: cmdCommands ? { commands: cmdCommands, eventQueries: cmdCommands.wevtutil ?? 0 } : null,
    module: moduleText
      ? { getWinEventCallSites: [...moduleText.matchAll(/\bGet-WinEvent\b/g)].length }
      : null,
    seeds: {
      eventQueries: [...seedText.matchAll(/^\s*wevtutil qe/gim)].length,
      otherDiagnosisCommands: [...seedText.matchAll(/^\s*(netstat|reg query)/gim)].length,
      note: 'one wevtutil run per event ID, each read by eye in a pager',
    },
  };
}

/**
 * The Run Command text report of a full diagnosis in the worst case the contract allows:
 * every scenario DETECTED with every primary and supporting check fired, each with a
 * 14-character detail, plus the verdict and status lines. `worstCaseBytes` is the Run
 * Command form (report.ts: first token and a count); `fullFormBytes` the full lines, which
 * Run Command printed before issue 15.
 */
export function runCommandReport(catalog: Catalog) {
  const full = catalog.scenarios.map((s) =>
    reportLine(
      s.id,
      'DETECTED',
      s.evidence
        .filter((e) => e.role !== 'precondition')
        // Primary checks first, as decideStatus lists them.
        .sort((a, b) => Number(b.role === 'primary') - Number(a.role === 'primary'))
        .map((e) => `${e.check.id}=${'9'.repeat(14)}`)
        .join(','),
    ),
  );
  const short = catalog.scenarios.map((s, i) => {
    const evidence = full[i]!.split(' ')[3]!;
    return reportLine(s.id, 'DETECTED', runCommandEvidence('DETECTED', evidence));
  });
  const tail = [verdictLine(catalog.scenarios.length), '[STATUS]::SUCCESS'];
  const bytes = (lines: string[]) => Buffer.byteLength([...lines, ...tail].join('\r\n') + '\r\n');
  return {
    worstCaseBytes: bytes(short),
    fullFormBytes: bytes(full),
    lines: short.length + tail.length,
  };
}

/**
 * Issue 15's limits on a catalog shaped like its final one (bench/final-catalog.ts): the
 * Serial Console diagnosis pastes and the Run Command worst case, next to the real catalog's.
 */
export function issue15Cost(real: Catalog) {
  const shaped = finalShapedCatalog(real);
  const measure = (catalog: Catalog) => {
    const { pastes, batchArtifact } = diagnosisScripts(catalog, 'bench');
    const batch = batchArtifact.content as Buffer;
    const chars = pastedChars(pastes);
    return {
      scenarios: catalog.scenarios.length,
      checks: checkCount(catalog),
      diagnosisPastes: pastes.length,
      pasteChars: pastes.map((p) => p.length),
      /** diagnose.cmd, and the MSZIP cabinet the blocks carry it in. */
      batchBytes: batch.length,
      cabBytes: batchTransfer(batch).payloadBytes,
      /** Characters left in 4 pastes of 2,048 (negative: more than 4 pastes' worth). */
      spareChars: 4 * PASTE_LIMIT - chars,
      runCommand: runCommandReport(catalog),
    };
  };
  return { real: measure(real), finalShaped: measure(shaped) };
}
