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

/** A key's backup lines, the key as the step names it, and a guard for the change. */
export interface KeyBackup {
  lines: Command[];
  /** The key: online a variable set by the backup's first line (shorter lines). */
  key: Part[];
  /** Runs a change only when the key's state before the fix is on disk. */
  saved: (change: Command) => Command;
}

/**
 * Backs up a key once: reg export when reg query finds it, a marker when it does not exist
 * (only a fix that writes values creates keys, so only then does undo delete one). An existing
 * key that cannot be exported is never taken for a missing one (undo would delete it): the
 * change is skipped and the fix fails, saying so. Per value the fix writes, notes whether it
 * existed: undo re-imports the key and deletes the values that were not there before.
 * Offline, the copy of the hive file is the backup.
 */
export function keyBackup(
  ctx: FixContext,
  key: Part[],
  valueNames: readonly string[] = [],
): KeyBackup {
  if (ctx.scope.kind === 'offline') return { lines: [], key, saved: (change) => change };
  const file = ctx.backupFile(keyText(key), 'k');
  const held = Name.generated(`key ${keyText(key)}`);
  const k = [ref(held)];
  const reg = backupPath(`${file}.reg`);
  const any = backupPath(`${file}.*`);
  const created = valueNames.length > 0 ? createdKeyUndo(key, k) : { lines: [], undo: [] };
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
          addUndo(run(['reg', 'import', reg])),
        ),
      ),
    ),
  );
  const saved = (change: Command) => when(exist([any]), change);
  return {
    key: k,
    saved,
    lines: [
      set(held, key),
      ...created.lines,
      when(not(exist([any])), save),
      ...valueNames.map((name) => {
        const seen = backupPath(`${file}-${name}.seen`);
        return saved(
          when(
            not(exist([seen])),
            seq(
              run(['reg', 'query', q(...k), '/v', name], quiet),
              when(errorlevel(1), addUndo(run(['reg', 'delete', q(...k), '/v', name, '/f']))),
              touch([seen]),
            ),
          ),
        );
      }),
    ],
  };
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

export function registrySet(op: OperationOf<'registry-set'>, ctx: FixContext): Step[] {
  const backup = keyBackup(ctx, registryKey(op.key, ctx.scope), [op.name]);
  const key = backup.key;
  return [
    [
      ...backup.lines,
      // Unsaved, the change is skipped and the fix has failed: the read-back may run.
      backup.saved(
        run(
          ['reg', 'add', q(...key), '/v', text(op.name), '/t', op.type, '/d', data(op.data), '/f'],
          [toNul],
        ),
      ),
    ],
    // The read-back may land in the next paste block: it names the key itself.
    verifyWritten(ctx.fix, registryKey(op.key, ctx.scope), op),
  ];
}

export function registryDelete(op: OperationOf<'registry-delete'>, ctx: FixContext): Step[] {
  // Deleting creates nothing: re-importing the key restores the value.
  const backup = keyBackup(ctx, registryKey(op.key, ctx.scope));
  const key = backup.key;
  return [
    [
      ...backup.lines,
      backup.saved(
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
 * Undo re-imports the key, whose Start the service control manager reads only at boot: like
 * the module's undo, it also gives the manager the previous start type (sc config), read once
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
  const backup = keyBackup(ctx, registryKey(`${SERVICES}\\${op.service}`, ctx.scope), ['Start']);
  const key = backup.key;
  const start = START[op.startType];
  const change = op.viaRegistry
    ? run(
        ['reg', 'add', q(...key), '/v', 'Start', '/t', 'REG_DWORD', '/d', String(start.reg), '/f'],
        [toNul],
      )
    : run(['sc', 'config', op.service, 'start=', start.sc], [toNul]);
  return [
    // Three steps: each with its paste frame fits a block (the key name is kept between them).
    backup.lines,
    tellManagerOnUndo(op, ctx, key, backup),
    [backup.saved(change)],
    verifyWritten(ctx.fix, registryKey(`${SERVICES}\\${op.service}`, ctx.scope), {
      name: 'Start',
      type: 'REG_DWORD',
      data: start.reg,
    }),
  ];
}
