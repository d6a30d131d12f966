/**
 * The diagnosis report contract shared by every target (module, CMD, docs). One line per
 * scenario, then a verdict line:
 *
 *   RDPRESCUE <scenario-id> <DETECTED|CLEAR|UNKNOWN> <evidence>
 *   RDPRESCUE verdict <n> detected
 *
 * <evidence> is ASCII without spaces:
 * - DETECTED: the ids of the checks that fired, comma-separated, each optionally followed by
 *   "=<detail>" (an event count, a port and PID ...), primary checks first;
 * - CLEAR: "-" when nothing fired, or "n/a:<precondition-check-id>" when the scenario does not
 *   apply to this machine;
 * - UNKNOWN: the ids of the checks that could not run, each followed by "?".
 *
 * Run Command form (runcommand/Invoke-RdpRescue.ps1, Report=Short, the default): Run Command
 * keeps only the end of a script's output, and a catalog of 19 scenarios whose every check
 * fires would print kilobytes of evidence. So there each line keeps the same four fields and
 * parses with REPORT_LINE, but DETECTED and UNKNOWN name only their first token, without its
 * "=<detail>", followed by ",+<n>" when n more tokens were found (runCommandEvidence):
 *
 *   RDPRESCUE rdp-disabled DETECTED rdp-connections-denied,+1
 *   RDPRESCUE tls-disabled UNKNOWN ev-schannel-credential?
 *
 * The first token is the first fired primary check (or failed check), as above. The whole
 * evidence, details included, is what Invoke-RdpDiagnosis returns (-AsText, -AsJson) and
 * what Report=Full prints; the CMD diagnosis prints the full lines too.
 */
export const REPORT_PREFIX = 'RDPRESCUE';
export const STATUSES = ['DETECTED', 'CLEAR', 'UNKNOWN'] as const;
export type Status = (typeof STATUSES)[number];

export type CheckOutcome = 'fired' | 'quiet' | 'failed';

export interface CheckResult {
  checkId: string;
  role: 'primary' | 'supporting' | 'precondition';
  outcome: CheckOutcome;
  detail?: string;
}

/** The truth table every target implements. */
export function decideStatus(results: readonly CheckResult[]): {
  status: Status;
  evidence: string;
} {
  const preconditions = results.filter((r) => r.role === 'precondition');
  const unmet = preconditions.find((r) => r.outcome === 'quiet');
  if (unmet) return { status: 'CLEAR', evidence: `n/a:${unmet.checkId}` };
  const failedPrecondition = preconditions.filter((r) => r.outcome === 'failed');
  const primary = results.filter((r) => r.role === 'primary');
  const fired = [...primary, ...results.filter((r) => r.role === 'supporting')].filter(
    (r) => r.outcome === 'fired',
  );
  if (failedPrecondition.length === 0 && primary.some((r) => r.outcome === 'fired')) {
    return { status: 'DETECTED', evidence: fired.map(token).join(',') };
  }
  const failed = [...failedPrecondition, ...primary.filter((r) => r.outcome === 'failed')];
  if (failed.length > 0)
    return { status: 'UNKNOWN', evidence: failed.map((r) => `${r.checkId}?`).join(',') };
  return { status: 'CLEAR', evidence: '-' };
}

function token(r: CheckResult): string {
  return r.detail ? `${r.checkId}=${r.detail}` : r.checkId;
}

/** The evidence of a Run Command line (see the Run Command form above). */
export function runCommandEvidence(status: Status, evidence: string): string {
  if (status === 'CLEAR') return evidence;
  const [first, ...rest] = evidence.split(',');
  const name = first!.replace(/=.*$/, '');
  return rest.length > 0 ? `${name},+${rest.length}` : name;
}

export function reportLine(scenarioId: string, status: Status, evidence: string): string {
  return `${REPORT_PREFIX} ${scenarioId} ${status} ${evidence}`;
}

export function verdictLine(detected: number): string {
  return `${REPORT_PREFIX} verdict ${detected} detected`;
}

/** Matches a scenario line; used by tests of every target. */
export const REPORT_LINE = /^RDPRESCUE ([a-z][a-z0-9-]*) (DETECTED|CLEAR|UNKNOWN) (\S+)$/;
export const VERDICT_LINE = /^RDPRESCUE verdict (\d+) detected$/;
