import { describe, expect, it } from 'vitest';
import { decideStatus, type CheckResult } from '../../src/model/index.ts';
import { renderTemplate } from '../../src/emit/render.ts';
import { psString } from '../../src/emit/powershell/literal.ts';
import { requireHost, runInHost } from './host-harness.ts';

// The module's truth table (templates/powershell/status.ps1.ejs) run in PowerShell's real
// engine (tools/pwsh-host, built by the Pester runner's helper) against every combination of
// up to three checks, and compared with src/model/report.ts decideStatus.

const ROLES = ['primary', 'supporting', 'precondition'] as const;
const OUTCOMES = ['fired', 'quiet', 'failed'] as const;

function combinations(max: number): CheckResult[][] {
  const single = ROLES.flatMap((role) => OUTCOMES.map((outcome) => ({ role, outcome })));
  let level: CheckResult[][] = [[]];
  const all: CheckResult[][] = [[]];
  for (let n = 1; n <= max; n++) {
    level = level.flatMap((prefix) =>
      single.map((s, i) => [
        ...prefix,
        { checkId: `c${n}`, ...s, ...(i % 2 === 0 ? { detail: `d${n}` } : {}) },
      ]),
    );
    all.push(...level);
  }
  return all;
}

function psResult(r: CheckResult): string {
  return `[pscustomobject]@{ CheckId = ${psString(r.checkId)}; Role = ${psString(r.role)}; Outcome = ${psString(r.outcome)}; Detail = ${psString(r.detail ?? '')} }`;
}

describe('status truth table: PowerShell equals decideStatus', () => {
  const cases = combinations(3);

  it(`agrees on all ${cases.length} combinations of up to three checks`, (ctx) => {
    const dll = requireHost(ctx);
    if (!dll) return;
    const lines = [
      'Set-StrictMode -Version Latest',
      "$ErrorActionPreference = 'Stop'",
      renderTemplate('powershell/status.ps1.ejs', {}),
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
