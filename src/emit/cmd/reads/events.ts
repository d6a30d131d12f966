import type { CheckOf } from '../../../model/index.ts';
import {
  ForVar,
  Name,
  errToNul,
  errorlevel,
  forIn,
  forRef,
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
import type { Reads } from './reads.ts';

/** Where a channel's events are kept while the script runs (`del`eted at its end). */
export const EVENT_FILES = 'rdprescue_e';

function eventFile(serial: number): Word {
  return [q(ref(Name.env('TEMP')), `\\${EVENT_FILES}${serial}.xml`)];
}

/** The pattern that matches every event file of a script. */
export function eventFiles(): Word {
  return [q(ref(Name.env('TEMP')), `\\${EVENT_FILES}*.xml`)];
}

function ids(eventIds: readonly number[]): string {
  const list = eventIds.map((id) => `EventID=${id}`).join(' or ');
  return eventIds.length > 1 ? `(${list})` : list;
}

type EventQueryCheck = CheckOf<'event-query'>;

/** `*[System[(Provider[@Name='P'] and (EventID=1 or ...)) or ...] and ...]`, window included. */
export function channelXPath(checks: readonly EventQueryCheck[]): string {
  const seen = new Map<number, string>();
  const askedIds = new Set(checks.flatMap((c) => c.eventIds));
  for (const c of checks) {
    // The channel's answer is then searched for the values (eventDataFlag): only sound when
    // every event in it is of the one id the conditions are about.
    if (c.dataConditions.length > 0 && askedIds.size > 1)
      throw new Error(
        `check '${c.id}': CMD reads event data only on a channel whose checks ask for one event id`,
      );
    for (const id of c.eventIds) {
      const other = seen.get(id);
      if (other && other !== c.provider)
        throw new Error(
          `channel ${c.channel}: event ${id} of two providers cannot be told apart by CMD`,
        );
      seen.set(id, c.provider);
    }
  }
  const byProvider = new Map<string, { ids: Set<number>; hours: number }>();
  for (const c of checks) {
    const entry = byProvider.get(c.provider) ?? { ids: new Set<number>(), hours: 0 };
    c.eventIds.forEach((id) => entry.ids.add(id));
    entry.hours = Math.max(entry.hours, c.windowHours);
    byProvider.set(c.provider, entry);
  }
  const hours = new Set([...byProvider.values()].map((e) => e.hours));
  const window = (h: number) => `TimeCreated[timediff(@SystemTime) <= ${h * 3600000}]`;
  const branches = [...byProvider].map(
    ([provider, e]) =>
      `Provider[@Name='${provider}'] and ${ids([...e.ids].sort((a, b) => a - b))}` +
      (hours.size > 1 ? ` and ${window(e.hours)}` : ''),
  );
  const providers =
    branches.length > 1 ? branches.map((b) => `(${b})`).join(' or ') : (branches[0] ?? '');
  const common = hours.size === 1 ? ` and ${window([...hours][0]!)}` : '';
  return branches.length > 1 && common
    ? `*[System[(${providers})${common}]]`
    : `*[System[${providers}${common}]]`;
}

/**
 * One wevtutil query per channel covering every event check of the script; returns for
 * each event id asked of the channel a variable that holds the fired letter when the answer
 * holds that event, the quiet one when not, the failed one when the query failed. (The
 * answer file exists even then: the redirection made it.)
 */
export function eventFlags(r: Reads, channel: string): Map<number, Name> {
  return r.fact(`channel:${channel}`, () => {
    const checks = r.eventChecks.filter((c) => c.channel === channel);
    const eventIds = [...new Set(checks.flatMap((c) => c.eventIds))];
    const file = channelFile(r, channel);
    const query = run(
      [
        'wevtutil',
        'qe',
        qt(channel),
        [text('/q:'), qt(channelXPath(checks))],
        '/rd:true',
        '/f:xml',
      ],
      [writeTo(file), errToNul],
    );
    const { fired, quiet, failed } = r.letters;
    const find = (id: Word, flag: Name) =>
      seq(
        run(['find', qt('>', ...id, '</EventID>')], [readFrom(file), toNul]),
        when(not(errorlevel(1)), set(flag, fired)),
      );
    if (eventIds.length === 1) {
      const id = eventIds[0]!;
      const flag = Name.generated(`event ${id} in ${channel}`);
      return {
        value: new Map([[id, flag]]),
        commands: [
          seq(
            set(flag, failed),
            query,
            when(not(errorlevel(1)), seq(set(flag, quiet), find([text(String(id))], flag))),
          ),
        ],
      };
    }
    const flags = Name.generated(`events in ${channel}`);
    const answered = Name.generated(`answer of ${channel}`);
    const i = new ForVar('i');
    return {
      value: new Map(eventIds.map((id) => [id, flags.member(String(id))])),
      commands: [
        seq(set(answered, failed), query, when(not(errorlevel(1)), set(answered, quiet))),
        forIn(
          i,
          eventIds.map(String),
          seq(set(flags.member(i), [ref(answered)]), find([forRef(i)], flags.member(i))),
        ),
      ],
    };
  });
}

/** The file holding a channel's answer (written by eventFlags). */
function channelFile(r: Reads, channel: string): Word {
  return r.fact(`channel file:${channel}`, () => ({
    value: eventFile(r.serial('event file')),
    commands: [],
  }));
}
