import type { Catalog, CheckOf, Scenario } from '../../model/index.ts';
import { REPORT_PREFIX } from '../../model/index.ts';
import { renderCheck, type CheckOutcome } from './checks.ts';
import { ScriptBuilder, clearVariables } from './context.ts';
import { lit, v } from './script.ts';

/**
 * What an unfilled slot holds. A failed check's token must keep its "?", so the X lists use
 * another placeholder than the F and Q lists.
 */
const EMPTY = { F: '?', X: '.', Q: '?' } as const;

/**
 * The read-only diagnosis of every scenario, printing the report contract of report.ts.
 *
 * No delayed expansion (Wine's cmd gets it wrong, so it could not be tested) and no labels:
 * a line reads the values the earlier lines set. So every evidence entry j owns three slot
 * variables that start as placeholders, F<j>="?", X<j>="." and Q<j>="?", and the check's
 * outcome letter picks which one receives its token: `set _%letter%<j>=,<id>?`. A scenario
 * then concatenates its slots (fired primaries, fired evidence, failed, unmet preconditions)
 * and strips the placeholders: "?" from the fired and unmet lists (which also drops the
 * token's "?"), "." from the failed list (which keeps it). decideStatus()'s truth table
 * follows, one rule per line, later rules winning: UNKNOWN, DETECTED, n/a.
 */
export function diagnosisLines(catalog: Catalog): string[] {
  const eventChecks = catalog.scenarios.flatMap((sc) =>
    sc.evidence
      .map((e) => e.check)
      .filter((c): c is CheckOf<'event-query'> => c.kind === 'event-query'),
  );
  const s = new ScriptBuilder({ kind: 'online' }, eventChecks, true);
  const a = v('a');
  const slots = catalog.scenarios.reduce((n, sc) => n + sc.evidence.length, 0);
  s.add(
    clearVariables('_'),
    `set _N=0&for /l ${a} in (1,1,${slots}) do (set _F${a}=${EMPTY.F}&set _X${a}=${EMPTY.X}&set _Q${a}=${EMPTY.Q})`,
  );

  let slot = 0;
  const assembly: string[] = [];
  catalog.scenarios.forEach((scenario, i) => {
    const bySlot = scenario.evidence.map((evidence) => {
      const j = ++slot;
      const canFail = recordOutcome(s, j, evidence, renderCheck(evidence.check, s));
      return { ...evidence, slot: j, canFail };
    });
    assembly.push(...decide(i + 1, bySlot));
  });
  s.add(...assembly);

  const report = catalog.scenarios.map(
    (sc, i) => `echo ${lit(`${REPORT_PREFIX} ${sc.id}`)} %_T${i + 1}: ,= %`,
  );
  s.add(`del "%TEMP%\\rdprescue_E*.xml" >nul 2>&1`);
  const verdict = `echo ${lit(`${REPORT_PREFIX} verdict`)} %_N% ${lit('detected')}`;
  for (const line of joinWithin([...report, verdict], REPORT_LINE_BUDGET)) s.add(line);
  return s.lines;
}

/**
 * Puts the check's token in the slot its outcome names. A check that cannot fail and is no
 * precondition only ever fills its F slot, so it needs no letter. Returns whether it can fail.
 */
function recordOutcome(
  s: ScriptBuilder,
  slot: number,
  evidence: Scenario['evidence'][number],
  out: CheckOutcome,
): boolean {
  const token = lit(`,${evidence.check.id}`);
  // Every token ends in the F placeholder: stripping it from an F list drops both.
  const fired = out.detail ? `${token}=${out.detail}${EMPTY.F}` : `${token}${EMPTY.F}`;
  if (out.detail && out.failed) {
    s.add(`(${out.fired} set _F${slot}=${fired})&(${out.failed} set _X${slot}=${token}?)`);
    return true;
  }
  if (out.letters) {
    s.add(out.letters.map((l) => `set _%${l}%${slot}=${fired}`).join('&'));
    return true;
  }
  if (!out.letter && !out.failed && evidence.role !== 'precondition') {
    s.add(`${out.fired} set _F${slot}=${fired}`);
    return false;
  }
  let letter = out.letter;
  if (!letter) {
    letter = '_c';
    s.add(
      out.failed
        ? `set _c=X&(${out.fired} set _c=F)&(${out.quiet} set _c=Q)`
        : `set _c=Q&(${out.fired} set _c=F)`,
    );
  }
  s.add(`set _%${letter}%${slot}=${fired}`);
  return Boolean(out.failed);
}

type SlottedEvidence = Scenario['evidence'][number] & { slot: number; canFail: boolean };

/**
 * The lines that turn one scenario's slots into its report status _T<k>. Conditions compare
 * a concatenation of slots with its all-placeholder text; evidence lists drop placeholders by
 * substitution and keep a leading comma, which the report line removes (" ," -> " ").
 */
function decide(k: number, evidence: SlottedEvidence[]): string[] {
  const of = (role: string) => evidence.filter((e) => e.role === role).map((e) => e.slot);
  const pre = of('precondition');
  const primary = of('primary');
  const fired = [...primary, ...of('supporting')];
  const failed = evidence
    .filter((e) => e.canFail && e.role !== 'supporting')
    .sort((a, b) => Number(b.role === 'precondition') - Number(a.role === 'precondition'))
    .map((e) => e.slot);
  const refs = (prefix: string, list: number[]) => list.map((j) => `%_${prefix}${j}%`).join('');
  const T = `_T${k}`;
  // A list of one slot is that slot; longer lists are concatenated into _d and _u first.
  const first: string[] = [];
  const list = (name: string, prefix: string, slots: number[]) => {
    if (slots.length === 1) return `_${prefix}${slots[0]}`;
    first.push(`set ${name}=${refs(prefix, slots)}`);
    return name;
  };
  const detected = list('_d', 'F', fired);
  const unknown = failed.length > 0 ? list('_u', 'X', failed) : undefined;
  first.push(`set ${T}=${lit('CLEAR -')}`);
  const empty = (kind: keyof typeof EMPTY, n: number) => EMPTY[kind].repeat(n);
  const applies =
    pre.length > 0
      ? `if "${refs('X', pre)}${refs('Q', pre)}"=="${empty('X', pre.length)}${empty('Q', pre.length)}" `
      : '';
  const lines = [first.join('&')];
  if (unknown)
    lines.push(
      `if not "%${unknown}%"=="${empty('X', failed.length)}" set ${T}=${lit('UNKNOWN')} %${unknown}:${EMPTY.X}=%`,
    );
  lines.push(
    `${applies}if not "${refs('F', primary)}"=="${empty('F', primary.length)}" (set ${T}=${lit('DETECTED')} %${detected}:${EMPTY.F}=%&set /a _N+=1 >nul)`,
  );
  // The first unmet precondition names the n/a, so it is tested last.
  for (const e of [...evidence].reverse().filter((e) => e.role === 'precondition'))
    lines.push(`if not "%_Q${e.slot}%"=="${EMPTY.Q}" set ${T}=${lit(`CLEAR n/a:${e.check.id}`)}`);
  return lines;
}

/**
 * The report is printed by as few lines as possible (one for the real catalog), but a large
 * catalog's report must still fit in paste blocks, so lines are joined only up to a budget.
 */
const REPORT_LINE_BUDGET = 1200;

function joinWithin(commands: string[], budget: number): string[] {
  const lines: string[] = [];
  for (const command of commands) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + command.length <= budget)
      lines[lines.length - 1] = `${last}&${command}`;
    else lines.push(command);
  }
  return lines;
}
