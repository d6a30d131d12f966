import type { CheckOf } from '../../../model/index.ts';
import {
  ForVar,
  Name,
  compare,
  forCommand,
  forIn,
  forRef,
  nameOf,
  ref,
  run,
  seq,
  setComputed,
  text,
  type Command,
  type Condition,
  type Word,
} from '../syntax/index.ts';

/**
 * What a check's outcome variables hold: the diagnosis stores the name of the slot family
 * an outcome fills, a fix can store plain letters.
 */
export interface Letters {
  fired: Word;
  quiet: Word;
  failed: Word;
}

export const PLAIN_LETTERS: Letters = {
  fired: [text('F')],
  quiet: [text('Q')],
  failed: [text('X')],
};

export interface ReadsOptions {
  /** Every event check of the script, so one query per channel can cover them all. */
  eventChecks?: readonly CheckOf<'event-query'>[];
  letters?: Letters;
  /** Every registry key the script reads, so that keys differing in one word share a loop. */
  keys?: readonly string[];
  /**
   * The services whose PIDs the script reads: one `tasklist /svc` then reads them all
   * (see runningServices). Others are read one `tasklist /fi` each.
   */
  services?: readonly string[];
  /**
   * True when the script clears the families it reads into before its first read (the
   * diagnosis does, once). Otherwise each registry read clears its own family first, or a
   * value deleted since an earlier read in the same console would linger.
   */
  startsClean?: boolean;
}

/**
 * The commands of a script that reads the machine, in order, and the facts several checks
 * share (a registry key, a service's PID, a channel's events), each read once.
 */
export class Reads {
  readonly statements: Command[] = [];
  readonly eventChecks: readonly CheckOf<'event-query'>[];
  readonly letters: Letters;
  readonly startsClean: boolean;
  /** Every registry key the script reads (see keyGroups in registry.ts). */
  readonly keys: readonly string[];
  readonly services: readonly string[];
  /**
   * Where a check that computes its outcome (a probe, a feature test) leaves the letter. One
   * variable for all: read it before the next check is rendered.
   */
  readonly outcome = Name.generated('check outcome');
  /** Families read from data (a key's values): a script that startsClean clears them. */
  readonly dataFamilies: Name[] = [];
  private readonly facts = new Map<string, unknown>();
  private readonly serials = new Map<string, number>();

  constructor(options: ReadsOptions = {}) {
    this.eventChecks = options.eventChecks ?? [];
    this.letters = options.letters ?? PLAIN_LETTERS;
    this.startsClean = options.startsClean ?? false;
    this.keys = options.keys ?? [];
    this.services = options.services ?? [];
  }

  add(...commands: Command[]): void {
    this.statements.push(...commands);
  }

  /** Takes the statements added so far (a fix step's facts belong to that step). */
  take(): Command[] {
    return this.statements.splice(0);
  }

  /** Adds a fact's commands on first use; every use returns what the first returned. */
  fact<T>(key: string, read: () => { value: T; commands: Command[] }): T {
    if (this.facts.has(key)) return this.facts.get(key) as T;
    const { value, commands } = read();
    this.facts.set(key, value);
    this.add(...commands);
    return value;
  }

  /** 1, 2, 3 ... per kind: numbers files the script writes. */
  serial(kind: string): number {
    const n = (this.serials.get(kind) ?? 0) + 1;
    this.serials.set(kind, n);
    return n;
  }
}

/**
 * Clears every member `<family>_*` of each family (values read by `for /f` are keyed by data,
 * so a member from an earlier run lingers unless cleared). Only those names: never the
 * console's other variables. `set <family>_=.` first, so that `set <family>_` lists something
 * and prints no "not defined" error.
 */
export function clearFamilies(families: readonly Name[]): Command {
  const f = new ForVar('f');
  const v = new ForVar('v');
  return forIn(
    f,
    families.map((family) => [nameOf(family)]),
    seq(
      setComputed([forRef(f), text('_')], '.', families),
      forCommand(
        v,
        'delims==',
        run(['set', [forRef(f), text('_')]]),
        setComputed([forRef(v)], '', families),
      ),
    ),
  );
}

/**
 * Whether a variable holds one of the letters. Ignoring case: a letter that is a variable's
 * name may be printed in another letter case where it is written (hardening).
 */
export function letterIs(r: Reads, letter: Name, which: keyof Letters): Condition {
  return compare([ref(letter)], '==', r.letters[which], { ignoreCase: true });
}
