import { describe, expect, it } from 'vitest';
import { decideStatus, type CheckResult } from '../../src/model/index.ts';
import { runtimeText } from '../../src/emit/powershell/runtime.ts';
import { psString } from '../../src/emit/powershell/literal.ts';
import { requireHost, runInHost } from './host-harness.ts';

// The module's truth table (src/powershell/status.ps1) run in PowerShell's real
// engine (tools/pwsh-host, built by the Pester runner's helper) against every combination of
// up to three checks, and compared with src/model/report.ts decideStatus.

const ROLES = ['primary', 'supporting', 'precondition'] as const;
const OUTCOMES = ['fired', 'quiet', 'failed'] as const;
type Role = (typeof ROLES)[number];
type Outcome = (typeof OUTCOMES)[number];

/** Every list of up to two checks, and every outcome of three checks in two mixed role sets. */
function combinations(): CheckResult[][] {
  const result = (n: number, role: Role, outcome: Outcome): CheckResult => ({
    checkId: `c${n}`,
    role,
    outcome,
    ...(n % 2 === 1 ? { detail: `d${n}` } : {}),
  });
  const singles = (n: number) => ROLES.flatMap((r) => OUTCOMES.map((o) => result(n, r, o)));
  const cases: CheckResult[][] = [[]];
  for (const a of singles(1)) {
    cases.push([a]);
    for (const b of singles(2)) cases.push([a, b]);
  }
  const triples: Role[][] = [
    ['precondition', 'primary', 'supporting'],
    ['primary', 'supporting', 'primary'],
  ];
  for (const roles of triples)
    for (const o1 of OUTCOMES)
      for (const o2 of OUTCOMES)
        for (const o3 of OUTCOMES)
          cases.push([
            result(1, roles[0]!, o1),
            result(2, roles[1]!, o2),
            result(3, roles[2]!, o3),
          ]);
  return cases;
}

function psResult(r: CheckResult): string {
  return `[pscustomobject]@{ CheckId = ${psString(r.checkId)}; Role = ${psString(r.role)}; Outcome = ${psString(r.outcome)}; Detail = ${psString(r.detail ?? '')} }`;
}

describe('status truth table: PowerShell equals decideStatus', () => {
  const cases = combinations();

  it(`agrees on all ${cases.length} combinations of one to three checks`, (ctx) => {
    const dll = requireHost(ctx);
    if (!dll) return;
    const lines = [
      'Set-StrictMode -Version Latest',
      "$ErrorActionPreference = 'Stop'",
      runtimeText('status'),
      ...cases.map(
        (c, i) =>
          `$r = Resolve-RdpScenarioStatus -Results @(${c.map(psResult).join(', ')})\n` +
          `'${i}|' + $r.Status + '|' + $r.Evidence`,
      ),
    ];
    const run = runInHost(dll, lines);
    expect(run.terminatingError).toBeNull();
    expect(run.errors).toEqual([]);
    const expected = cases.map((c, i) => {
      const d = decideStatus(c);
      return `${i}|${d.status}|${d.evidence}`;
    });
    expect(run.output).toEqual(expected);
  });
});
