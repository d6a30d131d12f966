import type { WinePrefix } from './wine.ts';

/** netstat -ano's line for a TCP listener (the state word is never read: it is localized). */
export const listener = (port: number, pid: number) =>
  `  TCP    0.0.0.0:${port}           0.0.0.0:0              LISTENING       ${pid}`;

export const TERMSERVICE_PID = 1000;

/**
 * Shim answers for the listener checks: tasklist knows TermService (and `services` by PID),
 * netstat shows `before` for its first `afterCall - 1` calls and `after` from then on (a
 * restart in between).
 */
export function listeners(
  w: WinePrefix,
  options: {
    before: string[];
    after?: string[];
    afterCall?: number;
    services?: Record<number, string>;
  },
): void {
  const sections = [];
  if (options.after)
    sections.push({ match: `#${options.afterCall ?? 2} *`, output: options.after.join('\n') });
  sections.push({ match: '*', output: options.before.join('\n') });
  w.fixture('netstat', sections);
  w.fixture('tasklist', [
    {
      match: 'SERVICES eq TermService',
      output: `"svchost.exe","${TERMSERVICE_PID}","TermService"`,
    },
    ...Object.entries(options.services ?? {}).map(([pid, row]) => ({
      match: `PID eq ${pid}`,
      output: row,
    })),
  ]);
}
