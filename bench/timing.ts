import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Timing {
  runs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export function summarize(runs: number[]): Timing {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { runs, medianMs: round(median), minMs: round(sorted[0]!), maxMs: round(sorted.at(-1)!) };
}

export function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Runs a command once and returns its wall time; throws with its stderr when it fails. */
export function timeCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs?: number,
): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', env, timeout: timeoutMs });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error && 'code' in result.error && result.error.code === 'ETIMEDOUT')
    throw new Error(`did not finish in ${Math.round(timeoutMs! / 1000)} s`);
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}): ${result.stderr.slice(0, 500)}`,
    );
  return ms;
}

/**
 * Times several commands side by side, interleaved run by run, so a noisy machine slows all
 * of them alike and their ratios stay comparable.
 */
export function timeInterleaved(
  commands: Record<string, () => number>,
  runs: number,
): Record<string, Timing> {
  const samples: Record<string, number[]> = Object.fromEntries(
    Object.keys(commands).map((k) => [k, []]),
  );
  for (let i = 0; i < runs; i++)
    for (const [name, run] of Object.entries(commands)) samples[name]!.push(run());
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));
}

/**
 * Runs a Node script once and returns its wall time and its peak resident memory (MB), read
 * by bench/max-rss.cjs, which the child preloads.
 */
export function timeNodeWithMemory(
  args: string[],
  timeoutMs?: number,
): { ms: number; peakMb: number } {
  const dir = mkdtempSync(join(tmpdir(), 'rdprescue-rss-'));
  try {
    const file = join(dir, 'max-rss');
    const preload = join(import.meta.dirname, 'max-rss.cjs');
    const ms = timeCommand(
      process.execPath,
      ['--require', preload, ...args],
      { ...process.env, RDPRESCUE_MAX_RSS_FILE: file },
      timeoutMs,
    );
    return { ms, peakMb: Math.round(Number(readFileSync(file, 'utf8')) / 1024) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
