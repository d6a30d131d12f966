import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

export interface Answer {
  /** null when the program could not be started at all (not installed). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to completion; a missing program is an answer too (code null), not a throw. */
export function ask(
  command: string,
  args: readonly string[],
  options: SpawnSyncOptions = {},
): Answer {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  return {
    code: result.error ? null : result.status,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? (result.error ? result.error.message : '')),
  };
}

/** One line for the route log: what was asked and what came back. */
export function summarize(answer: Answer): string {
  if (answer.code === null) return 'not installed';
  const text = (answer.stderr.trim() || answer.stdout.trim()).split('\n').slice(-2).join(' | ');
  return `exit ${answer.code}${text ? `: ${text.slice(0, 300)}` : ''}`;
}
