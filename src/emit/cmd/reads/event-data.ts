import type { CheckOf } from '../../../model/index.ts';
import {
  Name,
  errToNul,
  errorlevel,
  not,
  q,
  qt,
  readFrom,
  ref,
  run,
  seq,
  set,
  text,
  toNul,
  when,
  writeTo,
  type Word,
} from '../syntax/index.ts';
import { auditLetter } from './audit-policy.ts';
import { EVENT_FILES } from './events.ts';
import type { Reads } from './reads.ts';

type EventQueryCheck = CheckOf<'event-query'>;

/**
 * The XPath of a check that asks for event data by field name (`Status`, `SubStatus` of a
 * Security 4625): `... and EventData[Data[@Name='F']='v1' or Data[@Name='F']='v2']`, every
 * field's condition required. Values are compared as the event's XML holds them.
 */
export function dataXPath(check: EventQueryCheck): string {
  for (const c of check.dataConditions)
    for (const v of [c.field, ...c.orFields, ...c.values])
      if (!/^[A-Za-z0-9_.:-]+$/.test(v))
        throw new Error(`check '${check.id}': CMD cannot query event data '${v}'`);
  const ids = check.eventIds.map((id) => `EventID=${id}`).join(' or ');
  const system =
    `Provider[@Name='${check.provider}'] and ` +
    (check.eventIds.length > 1 ? `(${ids})` : ids) +
    ` and TimeCreated[timediff(@SystemTime) <= ${check.windowHours * 3600000}]`;
  const data = check.dataConditions
    .map((c) =>
      [c.field, ...c.orFields]
        .flatMap((f) => c.values.map((v) => `Data[@Name='${f}']='${v}'`))
        .join(' or '),
    )
    .map((c, _, all) => (all.length > 1 ? `(${c})` : c))
    .join(' and ');
  return `*[System[${system}] and EventData[${data}]]`;
}

/**
 * A check on event data gets a query of its own (the channel's shared query cannot tell
 * two checks on one event id apart by their data): one event is enough. Returns a variable
 * holding the fired letter when an event matched, the quiet one when none did, the failed
 * one when the query failed.
 */
export function eventDataFlag(r: Reads, check: EventQueryCheck): Name {
  return r.fact(`event-data:${check.id}`, () => {
    const flag = Name.generated(`events of ${check.id}`);
    const file: Word = [q(ref(Name.env('TEMP')), `\\${EVENT_FILES}${r.serial('event file')}.xml`)];
    const { fired, failed } = r.letters;
    // No event where Windows writes none (auditing off) proves nothing: unknown, not quiet.
    const quiet = check.auditedBy ? [ref(auditLetter(r, check.auditedBy))] : r.letters.quiet;
    const query = run(
      [
        'wevtutil',
        'qe',
        qt(check.channel),
        [text('/q:'), qt(dataXPath(check))],
        '/c:1',
        '/rd:true',
        '/f:xml',
      ],
      [writeTo(file), errToNul],
    );
    return {
      value: flag,
      commands: [
        seq(
          set(flag, failed),
          query,
          when(
            not(errorlevel(1)),
            seq(
              set(flag, quiet),
              run(['find', qt('</Event>')], [readFrom(file), toNul]),
              when(not(errorlevel(1)), set(flag, fired)),
            ),
          ),
        ),
      ],
    };
  });
}
