import type { Catalog, CheckOf, Scenario } from '../../model/index.ts';
import { REPORT_PREFIX } from '../../model/index.ts';
import {
  keysReadBy,
  renderCheck,
  servicesRunningFor,
  whenAll,
  type CheckOutcome,
} from './checks.ts';
import { Reads, clearFamilies, eventFiles, type Letters } from './reads/index.ts';
import { registryTable, tableFile, tableRows, type TableEntry } from './registry-table.ts';
import { reportLines } from './report-lines.ts';
import {
  ForVar,
  Name,
  echo,
  equals,
  forRange,
  nameOf,
  not,
  quiet,
  ref,
  run,
  seq,
  set,
  setArith,
  setComputed,
  text,
  textWord,
  toNul,
  when,
  word,
  type Command,
  type Part,
  type Word,
} from './syntax/index.ts';

/**
 * What an unfilled slot holds. A failed check's token must keep its "?", so the X slots use
 * another placeholder than the F and Q slots.
 */
const EMPTY = { F: '?', X: '.', Q: '?' } as const;

/**
 * The diagnosis as statements: `start` clears and prepares (runs first), `body` the rest in
 * sections (see StagedScript): the registry table's file, the checks and decisions, the
 * cleanup, the report.
 */
export interface Diagnosis {
  start: Command[];
  body: Command[][];
}

/**
 * The read-only diagnosis of every scenario, printing the report contract of report.ts.
 *
 * No delayed expansion (Wine's cmd gets it wrong, so it could not be tested) and no labels:
 * a line reads the values the earlier lines set. So every evidence entry j owns three slot
 * variables, members j of the families F, X and Q, that start as placeholders ("?", ".",
 * "?"); a check's outcome variable holds the name of the family its outcome fills, so one
 * `set %outcome%_j=,<id>?` puts the token in the right slot. Registry checks fill their F
 * slot from one table (registry-table.ts) and never fail. A scenario then concatenates its
 * slots (fired primaries, fired evidence, failed, unmet preconditions) and strips the
 * placeholders: "?" from the fired and unmet lists (which also drops the token's "?"), "."
 * from the failed list (which keeps it). decideStatus()'s truth table follows, later rules
 * winning: UNKNOWN, DETECTED, n/a, into the scenario's status (member i of a family that
 * starts as "CLEAR -"); report-lines.ts prints them.
 */
export function diagnosis(catalog: Catalog): Diagnosis {
  const slots = {
    F: Name.generated('fired slots'),
    X: Name.generated('failed slots'),
    Q: Name.generated('quiet slots'),
  };
  const letters: Letters = {
    fired: [nameOf(slots.F)],
    quiet: [nameOf(slots.Q)],
    failed: [nameOf(slots.X)],
  };
  const checks = catalog.scenarios.flatMap((sc) => sc.evidence.map((e) => e.check));
  const rowsOf = new Map(checks.map((c) => [c, tableRows(c)]));
  const rendered = checks.filter((c) => !rowsOf.get(c));
  const eventChecks = rendered.filter(
    (c): c is CheckOf<'event-query'> => c.kind === 'event-query' && c.dataConditions.length === 0,
  );
  const keys = rendered.flatMap(keysReadBy);
  const services = [...new Set(rendered.flatMap(servicesRunningFor))];
  const r = new Reads({ eventChecks, letters, keys, services, startsClean: true });
  const statusOf = Name.generated('scenario statuses');
  const report = Name.generated('report lines');
  const a = new ForVar('a');
  const count = Math.max(
    catalog.scenarios.length,
    catalog.scenarios.reduce((n, sc) => n + sc.evidence.length, 0),
  );
  const init = forRange(
    a,
    1,
    1,
    count,
    seq(
      set(slots.F.member(a), EMPTY.F),
      set(slots.X.member(a), EMPTY.X),
      set(slots.Q.member(a), EMPTY.Q),
      set(statusOf.member(a), 'CLEAR -'),
    ),
  );

  let slot = 0;
  const lists = { fired: Name.generated('fired list'), failed: Name.generated('failed list') };
  const decisions: Command[] = [];
  const statuses: Name[] = [];
  const table: TableEntry[] = [];
  catalog.scenarios.forEach((scenario, i) => {
    const bySlot = scenario.evidence.map((evidence) => {
      const j = ++slot;
      const rows = rowsOf.get(evidence.check);
      if (rows) {
        table.push({ rows, slot: String(j), checkId: evidence.check.id });
        return { ...evidence, slot: j, canFail: false, firedOnly: true };
      }
      const out = renderCheck(evidence.check, r);
      const canFail = record(r, slots, j, evidence, out);
      return { ...evidence, slot: j, canFail, firedOnly: false };
    });
    const status = statusOf.member(String(i + 1));
    statuses.push(status);
    decisions.push(...decide(status, slots, lists, bySlot));
  });
  const registry = registryTable(table, slots.F, EMPTY.F, tableFile());
  const {
    init: counting,
    copies,
    print,
  } = reportLines(
    catalog.scenarios.map((sc) => sc.id),
    statuses,
    report,
  );
  return {
    start: [clearFamilies([...r.dataFamilies, report]), seq(counting, init)],
    body: [
      // The table's lines are written in order, before the loop that reads them.
      ...(registry ? registry.writers.map((w) => [w]) : []),
      [...(registry ? [registry.reader] : []), ...r.take(), ...decisions],
      [run(['del', eventFiles(), tableFile()], quiet)],
      ...(copies.length > 0 ? [copies] : []),
      ...print.map((line) => [line]),
    ],
  };
}

type Slots = { F: Name; X: Name; Q: Name };
type Evidence = Scenario['evidence'][number];

/**
 * Puts the check's token in the slot its outcome names. A check that cannot fail and is no
 * precondition only ever fills its F slot, so it needs no outcome variable. Returns whether
 * it can fail.
 */
function record(r: Reads, slots: Slots, j: number, evidence: Evidence, out: CheckOutcome): boolean {
  const id = evidence.check.id;
  const member = String(j);
  // Every token ends in the F placeholder: stripping it from an F list drops both.
  const token: Word = [
    text(`,${id}`),
    ...(out.detail ? [text('='), ...out.detail] : []),
    text(EMPTY.F),
  ];
  const fill = (outcome: Name) =>
    setComputed([ref(outcome), text(`_${member}`)], token, [slots.F, slots.X, slots.Q]);
  if (out.detail && out.failed) {
    r.add(
      seq(
        whenAll(out.fired, set(slots.F.member(member), token)),
        whenAll(out.failed, set(slots.X.member(member), `,${id}?`)),
      ),
    );
    return true;
  }
  if (out.letters) {
    r.add(seq(...out.letters.map(fill)));
    return true;
  }
  if (!out.letter && !out.failed && evidence.role !== 'precondition') {
    r.add(whenAll(out.fired, set(slots.F.member(member), token)));
    return false;
  }
  let outcome = out.letter;
  if (!outcome) {
    outcome = r.outcome;
    r.add(
      seq(
        set(outcome, [nameOf(out.failed ? slots.X : slots.Q)]),
        whenAll(out.fired, set(outcome, [nameOf(slots.F)])),
        out.failed && whenAll(out.quiet, set(outcome, [nameOf(slots.Q)])),
      ),
    );
  }
  r.add(fill(outcome));
  return Boolean(out.failed);
}

type SlottedEvidence = Evidence & { slot: number; canFail: boolean; firedOnly: boolean };

/**
 * The statements that turn one scenario's slots into its report status. Conditions compare
 * a concatenation of slots with its all-placeholder text; evidence lists drop placeholders by
 * substitution and keep a leading comma, which the report line removes (" ," -> " ").
 */
function decide(
  status: Name,
  slots: Slots,
  lists: { fired: Name; failed: Name },
  evidence: SlottedEvidence[],
): Command[] {
  const of = (role: string) => evidence.filter((e) => e.role === role).map((e) => e.slot);
  const pre = of('precondition');
  const primary = of('primary');
  const failed = evidence
    .filter((e) => e.canFail && e.role !== 'supporting')
    .sort((x, y) => Number(y.role === 'precondition') - Number(x.role === 'precondition'))
    .map((e) => e.slot);
  const refs = (family: Name, list: number[]): Part[] =>
    list.map((j) => ref(family.member(String(j))));
  const empty = (kind: keyof typeof EMPTY, n: number) => EMPTY[kind].repeat(n);
  /**
   * Slots read as one list, placeholders stripped: concatenated into a variable first, which
   * is compared and stripped. Each slot's name is a number deflate cannot predict, so naming
   * it once, not in the comparison and again in the text, saves the diagnosis blocks' bytes.
   */
  const first: Command[] = [];
  const list = (joined: Name, family: Name, members: number[], placeholder: string) => {
    if (members.length === 0) return { all: [], stripped: [] };
    first.push(set(joined, refs(family, members)));
    return { all: [ref(joined)], stripped: [ref(joined, `:${placeholder}=`)] };
  };
  // The primaries are compared and stripped; the supporting slots only stripped, after them.
  const primaryList = list(lists.fired, slots.F, primary, EMPTY.F);
  const supporting = of('supporting').map((j) => ref(slots.F.member(String(j)), `:${EMPTY.F}=`));
  const failedList = failed.length > 0 ? list(lists.failed, slots.X, failed, EMPTY.X) : undefined;
  const statements: Command[] = first.length > 0 ? [seq(...first)] : [];
  if (failedList)
    statements.push(
      when(
        not(equals(failedList.all, empty('X', failed.length))),
        set(status, textWord('UNKNOWN ', ...failedList.stripped)),
      ),
    );
  const primaryFired = not(equals(primaryList.all, empty('F', primary.length)));
  // A precondition applies when it fired: a table check only fills its F slot (it cannot
  // fail), another leaves its X and Q slots empty when it fired.
  const preTable = evidence.filter((e) => e.role === 'precondition' && e.firedOnly);
  const preOther = evidence.filter((e) => e.role === 'precondition' && !e.firedOnly);
  const applies = [
    ...(preOther.length > 0
      ? [
          equals(
            [
              ...refs(
                slots.X,
                preOther.map((e) => e.slot),
              ),
              ...refs(
                slots.Q,
                preOther.map((e) => e.slot),
              ),
            ],
            empty('X', preOther.length) + empty('Q', preOther.length),
          ),
        ]
      : []),
    ...preTable.map((e) => not(equals([ref(slots.F.member(String(e.slot)))], EMPTY.F))),
  ];
  statements.push(
    whenAll(
      [...applies, primaryFired],
      set(status, textWord('DETECTED ', ...primaryList.stripped, ...supporting)),
    ),
  );
  // The first unmet precondition names the n/a, so it is tested last.
  for (const e of [...evidence].reverse().filter((x) => x.role === 'precondition')) {
    const unmet = e.firedOnly
      ? equals([ref(slots.F.member(String(e.slot)))], EMPTY.F)
      : not(equals([ref(slots.Q.member(String(e.slot)))], EMPTY.Q));
    statements.push(when(unmet, set(status, `CLEAR n/a:${e.check.id}`)));
  }
  return statements;
}
