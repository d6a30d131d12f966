import { REPORT_PREFIX } from '../../model/index.ts';
import {
  ForVar,
  Name,
  compare,
  echo,
  equals,
  forCommand,
  forRef,
  nameOf,
  ref,
  run,
  set,
  setComputed,
  setArith,
  seq,
  text,
  toNul,
  when,
  word,
  type Command,
} from './syntax/index.ts';

/**
 * The report contract's lines from the scenarios' statuses ("CLEAR -", "DETECTED ,a,b" ...,
 * the leading comma of a list kept). `statuses[i]` belongs to `ids[i]`.
 *
 * When `set` lists the report in catalog order, each status is copied to a member
 * `<report>_<scenario id>` and one loop prints every line from that listing and counts the
 * detected ones: a scenario costs its id and a copy. `set <prefix>` lists the variables
 * sorted by name; ids in ascending order where none is the start of another sort alike
 * whichever way cmd compares them (letters, digits and "-" keep their order in either
 * case, and no name ends where another goes on). Otherwise each line is echoed.
 */
export function reportLines(
  ids: readonly string[],
  statuses: readonly Name[],
  report: Name,
): { init: Command; copies: Command[]; print: Command[] } {
  const a = new ForVar('a');
  const count = Name.generated('detected count');
  const verdict = echo(`${REPORT_PREFIX} verdict `, ref(count), ' detected');
  if (listsInOrder(ids)) {
    // The id as text: hardening must not change the letters the report prints.
    const copies = ids.map((id, i) =>
      setComputed([nameOf(report), text(`_${id}`)], [ref(statuses[i]!)], [report]),
    );
    // The name splits at "_" and "=", the status at " " and ",": id, status, evidence.
    const [status, evidence] = [a.next(), a.next(2)];
    const print = forCommand(
      a,
      'tokens=2,3* delims=_=, ',
      run(['set', [nameOf(report), text('_')]]),
      seq(
        echo(`${REPORT_PREFIX} `, forRef(a), ' ', forRef(status), ' ', forRef(evidence)),
        detectedAdds(count, status),
      ),
    );
    return { init: set(count, '0'), copies, print: [print, verdict] };
  }
  const lines = ids.map((id, i) => echo(`${REPORT_PREFIX} ${id} `, ref(statuses[i]!, ': ,= ')));
  // A statement per few scenarios: one for all of them outgrows a paste block (100 scenarios).
  const counted = chunked(statuses, COUNTS_PER_STATEMENT).map((group) =>
    seq(...group.map((s) => detectedAdds(count, undefined, s))),
  );
  return { init: set(count, '0'), copies: [], print: [...lines, ...counted, verdict] };
}

const COUNTS_PER_STATEMENT = 8;

function chunked<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}

/** Adds one to the count when a status (a for-variable's word, or a variable) is DETECTED. */
function detectedAdds(count: Name, status?: ForVar, variable?: Name): Command {
  const detected = status
    ? compare([forRef(status)], '==', 'DETECTED')
    : equals([ref(variable!, ':~0,8')], 'DETECTED');
  return when(detected, setArith(count, word(nameOf(count), '+1'), [toNul]));
}

/** Whether `set` lists members named by these ids in this order (see reportLines). */
export function listsInOrder(ids: readonly string[]): boolean {
  return ids.every(
    (id, i) =>
      i === 0 || (ids[i - 1]! < id && !id.startsWith(ids[i - 1]!) && /^[a-z0-9-]+$/.test(id)),
  );
}
