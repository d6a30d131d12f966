import type { Check } from '../../model/index.ts';
import {
  ForVar,
  Name,
  appendTo,
  compare,
  equals,
  errToNul,
  forCommand,
  forIn,
  forRef,
  id,
  nameOf,
  q,
  redirect,
  echo,
  ref,
  run,
  seq,
  setComputed,
  text,
  touch,
  when,
  type Command,
  type Word,
} from './syntax/index.ts';

/**
 * Registry checks as rows of one table instead of one `if` line each: the diagnosis writes
 * the rows to a file, and one loop reads it, asks reg for each row's value and fills the
 * row's slot. A row costs its key (named once by the abbreviation), value name, data, slot
 * and check id; the loop's body is written once for all of them.
 *
 * Why a file: Windows' cmd splits a `for` list after expansion and Wine's does not, and Wine
 * splits a `for /f` string before substituting a for-variable into it; a file read by
 * `for /f` is split alike by both, so the tests run what Windows runs.
 *
 * A row is `"key"/name/data/slot/id/op`; only the key is quoted, so the abbreviation may
 * name a key (Windows expands a for list when it reads the line; Wine leaves the name in
 * the file, and the reg command line expands it) and nothing else. Ops: E fires when the
 * value equals data; n fires when it is present and differs (absent stays quiet, as in the
 * module); N fires when it differs or is absent, which only "absent" uses (N with data `#`,
 * any value; present is E with #). Only N sets its slot before it asks; E and n leave the
 * slot's placeholder for an absent value. A Group Policy row follows its local row with the
 * op in lower case: a policy value that is present decides, as it wins on Windows, and an
 * absent one leaves the local outcome. reg prints a DWORD as 0x<hex>
 * and a string as itself; rows compare the data only, case-sensitive, as the module does.
 */

/** What a row compares with: the data as reg prints it, or ANY for "present". */
const ANY = '#';

export interface TableRow {
  key: string;
  name: string;
  data: string;
  op: 'E' | 'N' | 'e' | 'n';
}

const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';

const SAFE_KEY = /^[^/"%^&|<>!?*]+$/;
const SAFE_NAME = /^[A-Za-z0-9_.-]+$/;
/** Data a row can hold: no space (reg's columns), no `/` (the row's), nothing cmd reads. */
const SAFE_DATA = /^[A-Za-z0-9_.:\\+-]+$/;

function dataOf(value: number | string): string {
  return typeof value === 'number' ? `0x${(value >>> 0).toString(16)}` : value;
}

/**
 * The rows that decide a check, local first, or undefined when the check is not one the
 * table can hold (another kind, or a name or data a row cannot carry).
 */
export function tableRows(check: Check): TableRow[] | undefined {
  let rows: TableRow[];
  if (check.kind === 'registry-value') {
    const w = check.firesWhen;
    // Several good values need more than one row's comparison: rendered on its own.
    if (w.op === 'none-of') return undefined;
    const [op, data] =
      w.op === 'equals'
        ? (['E', dataOf(w.value)] as const)
        : w.op === 'not-equals'
          ? (['n', dataOf(w.value)] as const)
          : w.op === 'present'
            ? (['E', ANY] as const)
            : (['N', ANY] as const);
    rows = [{ key: check.key, name: check.name, data, op }];
    if (check.policy)
      rows.push({
        key: check.policy.key,
        name: check.policy.name,
        data,
        op: op === 'E' ? 'e' : 'n',
      });
  } else if (check.kind === 'service-state' && check.firesWhen !== 'not-running') {
    const key = `${SERVICES}\\${check.service}`;
    rows = [
      check.firesWhen === 'disabled'
        ? { key, name: 'Start', data: '0x4', op: 'E' }
        : { key, name: 'Start', data: ANY, op: 'N' },
    ];
  } else return undefined;
  const fits = rows.every(
    (row) =>
      SAFE_KEY.test(row.key) &&
      SAFE_NAME.test(row.name) &&
      (row.data === ANY || SAFE_DATA.test(row.data)),
  );
  return fits ? rows : undefined;
}

export interface TableEntry {
  rows: TableRow[];
  /** The slot member (of `slots`) the check's token goes to. */
  slot: string;
  checkId: string;
}

/** Characters of rows per written line (before the abbreviation shortens their keys). */
const WRITER_CHARS = 1000;

/**
 * The table's statements: the file's lines written in chunks (each its own section, so they
 * stay in order), then the loop that fills the slots. `slots` is the family of fired slots;
 * its members start as `placeholder`, which a quiet row writes back.
 */
export function registryTable(
  entries: readonly TableEntry[],
  slots: Name,
  placeholder: string,
  file: Word,
): { writers: Command[]; reader: Command } | undefined {
  if (entries.length === 0) return undefined;
  const t = new ForVar('t');
  const rows = entries.flatMap((e) =>
    e.rows.map((row) => ({
      length: `"${row.key}/${row.name}/${row.data}/${e.slot}/${e.checkId}/${row.op}" `.length,
      // Only the key is quoted (the abbreviation may name it): the rest stays plain text.
      item: [
        q(id(row.key)),
        text('/'),
        id(row.name),
        text(`/${row.data}/${e.slot}/${e.checkId}/${row.op}`),
      ] as Word,
    })),
  );
  const chunks: Word[][] = [[]];
  let size = 0;
  for (const { item, length } of rows) {
    if (size + length > WRITER_CHARS && chunks[chunks.length - 1]!.length > 0) {
      chunks.push([]);
      size = 0;
    }
    chunks[chunks.length - 1]!.push(item);
    size += length;
  }
  const write = (chunk: Word[]) => forIn(t, chunk, redirect(echo(forRef(t)), appendTo(file)));
  const writers = chunks.map((chunk, i) =>
    i === 0 ? seq(touch(file), write(chunk)) : write(chunk),
  );

  // for /f tokens: p key, q name, r data, s slot, t id, u op; a, b: reg's name and data.
  const p = new ForVar('p');
  const [name, data, slot, checkId, op] = [1, 2, 3, 4, 5].map((k) => p.next(k)) as [
    ForVar,
    ForVar,
    ForVar,
    ForVar,
    ForVar,
  ];
  const a = new ForVar('a');
  const b = a.next();
  const member = [nameOf(slots), text('_'), forRef(slot)];
  const fire = setComputed(member, [text(','), forRef(checkId), text(placeholder)], [slots]);
  const quiet = setComputed(member, placeholder, [slots]);
  const firesOnMatch = compare([forRef(op)], '==', 'E', { ignoreCase: true });
  const matched = when(firesOnMatch, fire, quiet);
  const unmatched = when(firesOnMatch, quiet, fire);
  const judge = when(
    equals([forRef(data)], ANY),
    matched,
    when(equals([forRef(b)], [forRef(data)]), matched, unmatched),
  );
  const ask = forCommand(
    a,
    'tokens=1,3',
    run(['reg', 'query', [forRef(p)], '/v', [forRef(name)]], [errToNul]),
    when(compare([forRef(a)], '==', [forRef(name)], { ignoreCase: true }), judge),
  );
  const reader = forCommand(
    p,
    'tokens=1-6 delims=/',
    run(['type', file]),
    seq(when(compare([forRef(op)], '==', 'N'), fire), ask),
  );
  return { writers, reader };
}

/** The table's file, next to the event files (deleted with them). */
export function tableFile(): Word {
  return [q(ref(Name.env('TEMP')), '\\rdprescue_r.txt')];
}
