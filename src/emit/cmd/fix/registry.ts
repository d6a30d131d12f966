import type { OperationOf, RegistryType, Value } from '../../../model/index.ts';
import {
  ForVar,
  Name,
  clear,
  compare,
  equals,
  errToNul,
  errorlevel,
  exist,
  forCommand,
  forIn,
  forRef,
  defined,
  echo,
  not,
  q,
  quiet,
  redirect,
  ref,
  run,
  seq,
  set,
  setArith,
  text,
  touch,
  when,
  toNul,
  type Command,
  type Part,
} from '../syntax/index.ts';
import {
  FAILED,
  addUndo,
  backupPath,
  parameterName,
  registryKey,
  report,
  type FixContext,
} from './context.ts';

/** A fix's unit of work: lines that stay in one paste block (a backup and its change). */
export type Step = Command[];

const failed = () => set(FAILED, '1');

/**
 * Reads one value into `target` as "<TYPE>:<data>" (cleared when absent). The second line
 * drops anything that is not a value line (Wine prints reg's errors on stdout).
 */
export function readValue(key: Part[], valueName: string, target: Name): Command[] {
  if (/\s/.test(valueName))
    throw new Error(`CMD cannot read value names with spaces: ${valueName}`);
  const a = new ForVar('a');
  return [
    seq(
      clear(target),
      forCommand(
        a,
        'tokens=2*',
        run(['reg', 'query', q(...key), '/v', valueName], [errToNul]),
        set(target, [forRef(a), text(':'), forRef(a.next())]),
      ),
    ),
    when(not(equals([ref(target, ':~0,4')], 'REG_')), clear(target)),
  ];
}

/** What reg query prints for a value of this type and data. */
export function registryText(type: RegistryType, data: number | string): string {
  if (type === 'REG_DWORD') {
    if (typeof data !== 'number') throw new Error(`REG_DWORD data must be a number, got ${data}`);
    return `REG_DWORD:0x${data.toString(16)}`;
  }
  return `${type}:${data}`;
}

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
        .map((v) => [set(held, key), saveValue(ctx, k, v.name, seen(v.name), saved)]),
    ],
  };
}

/**
 * Saves one value's undo line once, before its first change, and marks it seen (the change's
 * guard). Absent: undo deletes it. Present with an exact type: undo writes the data back; the
 * for-variables carry reg query's output into undo.cmd without this line reading it again.
 * Any other type: no mark, so the value is never changed, and the fix fails saying why.
 */
function saveValue(
  ctx: FixContext,
  key: Part[],
  name: string,
  seen: Part,
  saved: (change: Command) => Command,
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
          seq(addUndo(run(['reg', 'delete', q(...key), '/v', name, '/f'])), set(exact, '1')),
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

/** Data for reg add /d: a parameter, a number, or text (percent signs kept literal). */
function data(value: Value): Part[] {
  if (typeof value === 'object') return [ref(parameterName(value.param))];
  if (typeof value === 'number') return [text(String(value))];
  if (value.includes('%')) {
    if (/\s/.test(value)) throw new Error(`cannot write ${value} literally in CMD`);
    return [text(value)];
  }
  return [q(text(value))];
}

/** Sets FAILED, saying which value did not read back as written. */
const failedReadBack = (fix: FixContext['fix'], name: string) =>
  seq(echo(...report(fix, `failed reading back ${name}`)), failed());

/** Sets FAILED unless the value reads back as written. */
function verifyWritten(
  fix: FixContext['fix'],
  key: Part[],
  op: { name: string; type: RegistryType; data: Value },
): Command[] {
  const read = Name.generated(`${op.name} read back`);
  const lines = readValue(key, op.name, read);
  const value = op.data;
  if (typeof value === 'object') {
    const param = parameterName(value.param);
    if (op.type === 'REG_DWORD') {
      const number = Name.generated(`${op.name} as a number`);
      return [
        ...lines,
        seq(clear(number), when(defined(read), setArith(number, [ref(read, ':*:=')], quiet))),
        when(not(equals([ref(number)], [ref(param)])), failedReadBack(fix, op.name)),
      ];
    }
    // Hexadecimal data (a thumbprint) may be typed in either case.
    return [
      ...lines,
      when(
        not(equals([ref(read)], [text(`${op.type}:`), ref(param)], { ignoreCase: true })),
        failedReadBack(fix, op.name),
      ),
    ];
  }
  if (op.type === 'REG_EXPAND_SZ' || op.type === 'REG_BINARY')
    return [...lines, when(not(defined(read)), failedReadBack(fix, op.name))];
  return [
    ...lines,
    when(not(equals([ref(read)], registryText(op.type, value))), failedReadBack(fix, op.name)),
  ];
}

/*
 * A value's save and its change are two steps (a key's export and a value's save nearly fill
 * a paste block): the change runs only when the value's save is on disk, whichever block
 * holds it, and names the key itself (the key's variable may be from another console).
 */

export function registrySet(op: OperationOf<'registry-set'>, ctx: FixContext): Step[] {
  const backup = keyBackup(ctx, registryKey(op.key, ctx.scope), {
    values: [op.name],
    createsKey: true,
  });
  const key = registryKey(op.key, ctx.scope);
  return [
    ...backup.steps,
    [
      // Unsaved, the change is skipped and the fix has failed: the read-back may run.
      backup.valueSaved(
        op.name,
        run(
          ['reg', 'add', q(...key), '/v', text(op.name), '/t', op.type, '/d', data(op.data), '/f'],
          [toNul],
        ),
      ),
    ],
    verifyWritten(ctx.fix, key, op),
  ];
}

export function registryDelete(op: OperationOf<'registry-delete'>, ctx: FixContext): Step[] {
  // Deleting creates no key: undo writes the value back.
  const backup = keyBackup(ctx, registryKey(op.key, ctx.scope), { values: [op.name] });
  const key = registryKey(op.key, ctx.scope);
  return [
    ...backup.steps,
    [
      backup.valueSaved(
        op.name,
        seq(
          run(['reg', 'delete', q(...key), '/v', op.name, '/f'], quiet),
          run(['reg', 'query', q(...key), '/v', op.name], quiet),
          when(
            not(errorlevel(1)),
            seq(echo(...report(ctx.fix, `failed deleting ${op.name}`)), failed()),
          ),
        ),
      ),
    ],
  ];
}

const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';

const START: Record<OperationOf<'service-start-type'>['startType'], { reg: number; sc: string }> = {
  automatic: { reg: 2, sc: 'auto' },
  manual: { reg: 3, sc: 'demand' },
  disabled: { reg: 4, sc: 'disabled' },
};

/**
 * Undo writes Start back, which the service control manager reads only at boot: like the
 * module's undo, it also gives the manager the previous start type (sc config), read once
 * before the first change. Not for a protected service (gpsvc), which the manager refuses.
 */
function tellManagerOnUndo(
  op: OperationOf<'service-start-type'>,
  ctx: FixContext,
  key: Part[],
  backup: KeyBackup,
): Command[] {
  if (op.viaRegistry || ctx.scope.kind !== 'online') return [];
  const before = Name.generated(`${op.service} start before`);
  const told = backupPath(`scm-${op.service}.seen`);
  return [
    ...readValue(key, 'Start', before).map((line) => backup.saved(when(not(exist([told])), line))),
    backup.saved(
      when(
        not(exist([told])),
        seq(
          ...Object.values(START).map((s) =>
            when(
              equals([ref(before)], registryText('REG_DWORD', s.reg)),
              addUndo(run(['sc', 'config', op.service, 'start=', s.sc], [toNul])),
            ),
          ),
          touch([told]),
        ),
      ),
    ),
  ];
}

export function serviceStartType(op: OperationOf<'service-start-type'>, ctx: FixContext): Step[] {
  const backup = keyBackup(ctx, registryKey(`${SERVICES}\\${op.service}`, ctx.scope), {
    values: ['Start'],
    createsKey: true,
  });
  // Later steps name the key themselves (as registrySet's change does).
  const key = registryKey(`${SERVICES}\\${op.service}`, ctx.scope);
  const start = START[op.startType];
  const change = op.viaRegistry
    ? run(
        ['reg', 'add', q(...key), '/v', 'Start', '/t', 'REG_DWORD', '/d', String(start.reg), '/f'],
        [toNul],
      )
    : run(['sc', 'config', op.service, 'start=', start.sc], [toNul]);
  return [
    // Separate steps: each with its paste frame fits a block.
    ...backup.steps,
    tellManagerOnUndo(op, ctx, key, backup),
    [backup.valueSaved('Start', change)],
    verifyWritten(ctx.fix, key, {
      name: 'Start',
      type: 'REG_DWORD',
      data: start.reg,
    }),
  ];
}
