import {
  ForVar,
  Name,
  clear,
  defined,
  echo,
  equals,
  errToNul,
  errorlevel,
  exist,
  forCommand,
  forIn,
  forRef,
  not,
  q,
  quiet,
  redirect,
  ref,
  run,
  seq,
  set,
  text,
  toNul,
  touch,
  when,
  type Command,
  type Part,
} from '../syntax/index.ts';
import { FAILED, addUndo, backupPath, report, type FixContext } from './context.ts';
import type { Step } from './registry.ts';

const failed = () => set(FAILED, '1');

/** A key's backup steps, the key as the steps name it, and guards for the changes. */
export interface KeyBackup {
  /**
   * The key's save, then its values' (each step sets the key's variable again: together they
   * would not fit a paste block, and a later block must not read it from another console).
   */
  steps: Step[];
  /** The key: online a variable set by each backup step's first line (shorter lines). */
  key: Part[];
  /** Runs a command only when the key's state before the fix (export or absence) is on disk. */
  saved: (change: Command) => Command;
  /** Runs a change of one value only when that value's state before the fix is on disk. */
  valueSaved: (name: string, change: Command) => Command;
}

/** A value a fix writes or deletes. */
export interface SavedValue {
  name: string;
  /** Its undo line is written by the caller (ObjectName: sc config obj=), not here. */
  undoElsewhere?: boolean;
}

export interface KeyBackupOptions {
  /** The values the fix writes or deletes: each saved once, before its first change. */
  values?: readonly (string | SavedValue)[];
  /** The fix writes values, so it may create the key: undo then deletes what it created. */
  createsKey?: boolean;
  /**
   * Undo re-imports the whole export: only where that is the exact inverse (subkeys the fix
   * deleted come back, nothing else is touched). Elsewhere the export is an emergency copy.
   */
  importOnUndo?: boolean;
}

/**
 * Types whose data reg query prints as hexadecimal digits (0x.. or bare): reg add takes them
 * back exactly, and they hold no character undo.cmd would read otherwise. A string may hold
 * %, " or leading spaces, which no line written by cmd gives back exactly.
 */
const EXACT_TYPES = ['REG_DWORD', 'REG_QWORD', 'REG_BINARY'] as const;

/**
 * Backs up a key once: reg export when reg query finds it, a marker when it does not exist
 * (only a fix that writes values creates keys, so only then does undo delete one). An existing
 * key that cannot be exported is never taken for a missing one (undo would delete it): the
 * change is skipped and the fix fails, saying so. Undo is per value, from the value's state
 * before the first change: deleted when it was absent, written back with reg add when its
 * type is exact (EXACT_TYPES); any other type is refused (not changed, the fix fails). The
 * export stays as an emergency copy, named in undo.cmd by a comment: importing it would also
 * give back every value another fix has changed since. Offline, the hive copy is the backup.
 */
export function keyBackup(ctx: FixContext, key: Part[], options: KeyBackupOptions = {}): KeyBackup {
  if (ctx.scope.kind === 'offline')
    return { steps: [], key, saved: (change) => change, valueSaved: (_, change) => change };
  const file = ctx.backupFile(keyText(key), 'k');
  const held = Name.generated(`key ${keyText(key)}`);
  const k = [ref(held)];
  const reg = backupPath(`${file}.reg`);
  const any = backupPath(`${file}.*`);
  const created = options.createsKey ? createdKeyUndo(key, k) : { lines: [], undo: [] };
  const exported = options.importOnUndo
    ? run(['reg', 'import', reg])
    : run([
        'rem',
        'emergency copy only, replaces the whole key and later changes:',
        'reg',
        'import',
        reg,
      ]);
  const save = seq(
    run(['reg', 'query', q(...k)], quiet),
    when(
      errorlevel(1),
      seq(touch([backupPath(`${file}.none`)]), ...created.undo),
      seq(
        redirect(run(['reg', 'export', q(...k), reg, '/y']), ...quiet),
        when(
          errorlevel(1),
          seq(
            run(['del', reg], [toNul, errToNul]),
            echo(...report(ctx.fix, 'failed saving '), ref(held), text(': not changed')),
            failed(),
          ),
          addUndo(exported),
        ),
      ),
    ),
  );
  const saved = (change: Command) => when(exist([any]), change);
  const values = (options.values ?? []).map((v) => (typeof v === 'string' ? { name: v } : v));
  const seen = (name: string) => backupPath(`${file}-${name}.seen`);
  const valueSaved = (name: string, change: Command) => {
    const value = values.find((v) => v.name === name);
    if (!value) throw new Error(`${ctx.fix.id}: ${name} is not among the values saved`);
    return value.undoElsewhere ? saved(change) : when(exist([seen(name)]), change);
  };
  return {
    key: k,
    saved,
    valueSaved,
    steps: [
      [set(held, key), ...created.lines, when(not(exist([any])), save)],
      ...values
        .filter((v) => !v.undoElsewhere)
        .map((v) => [
          set(held, key),
          saveValue(ctx, k, v.name, seen(v.name), saved, backupPath(`${file}.none`)),
        ]),
    ],
  };
}

/**
 * Saves one value's undo line once, before its first change, and marks it seen (the change's
 * guard). Absent: undo deletes it (unless the whole key was absent: undo deletes the key, and
 * a second line would fail). Present with an exact type: undo writes the data back; the
 * for-variables carry reg query's output into undo.cmd without this line reading it again.
 * Any other type: no mark, so the value is never changed, and the fix fails saying why.
 */
function saveValue(
  ctx: FixContext,
  key: Part[],
  name: string,
  seen: Part,
  saved: (change: Command) => Command,
  /** The key's marker for "did not exist": undo deletes the key, so no line per value. */
  keyWasAbsent: Part,
): Command {
  if (/\s/.test(name)) throw new Error(`CMD cannot save value names with spaces: ${name}`);
  const exact = Name.generated(`${name} saved exactly`);
  // A deleted value comes back spelled as the catalog spells it (Wine's reg query prints the
  // name as queried, not as stored).
  const type = new ForVar('a');
  const data = type.next();
  const exactType = new ForVar('c');
  const writeBack = forCommand(
    type,
    'tokens=2*',
    run(['reg', 'query', q(...key), '/v', name], [errToNul]),
    forIn(
      exactType,
      [...EXACT_TYPES],
      when(
        equals([forRef(type)], [forRef(exactType)]),
        seq(
          addUndo(
            run([
              'reg',
              'add',
              q(...key),
              '/v',
              text(name),
              '/t',
              forRef(type),
              '/d',
              q(forRef(data)),
              '/f',
            ]),
          ),
          set(exact, '1'),
        ),
      ),
    ),
  );
  return saved(
    when(
      not(exist([seen])),
      seq(
        clear(exact),
        run(['reg', 'query', q(...key), '/v', name], quiet),
        when(
          errorlevel(1),
          seq(
            when(
              not(exist([keyWasAbsent])),
              addUndo(run(['reg', 'delete', q(...key), '/v', name, '/f'])),
            ),
            set(exact, '1'),
          ),
          writeBack,
        ),
        when(
          defined(exact),
          touch([seen]),
          seq(
            echo(...report(ctx.fix, `cannot save ${name} exactly for undo: not changed`)),
            failed(),
          ),
        ),
      ),
    ),
  );
}

/**
 * The parent as a substitution of the held key (`%K:\last=%`, shorter than the path again)
 * when the last name occurs only once and holds nothing cmd would read in a substitution.
 */
function parentFrom(key: Part[], held: Part[]): Part[] | undefined {
  const full = keyText(key);
  const tail = full.slice(full.lastIndexOf('\\'));
  const name = held[0];
  if (!name || name.kind !== 'ref' || /[=%!^&|<>()"]/.test(tail)) return undefined;
  if (full.toLowerCase().split(tail.toLowerCase()).length !== 2) return undefined;
  return [ref(name.name, `:${tail}=`)];
}

/** Undo for a key that did not exist: delete it, or its parent when the fix created both. */
function createdKeyUndo(key: Part[], held: Part[]): { lines: Command[]; undo: Command[] } {
  const last = key[key.length - 1];
  if (!last || last.kind !== 'id' || !last.value.includes('\\'))
    throw new Error(`cannot find the parent of ${keyText(key)}`);
  const parentKey = [
    ...key.slice(0, -1),
    { ...last, value: last.value.slice(0, last.value.lastIndexOf('\\')) },
  ];
  const parent = Name.generated(`parent of ${keyText(key)}`);
  const p = [ref(parent)];
  return {
    lines: [set(parent, parentFrom(key, held) ?? parentKey)],
    undo: [
      run(['reg', 'query', q(...p)], quiet),
      when(
        errorlevel(1),
        addUndo(run(['reg', 'delete', q(...p), '/f'])),
        addUndo(run(['reg', 'delete', q(...held), '/f'])),
      ),
    ],
  };
}

function keyText(key: Part[]): string {
  return key.map((p) => (p.kind === 'id' || p.kind === 'text' ? p.value : `%${p.kind}%`)).join('');
}
