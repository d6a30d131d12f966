import type { OperationOf, RegistryType, Value } from '../../../model/index.ts';
import {
  ForVar,
  Name,
  clear,
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
import { keyBackup, type KeyBackup } from './key-backup.ts';

/** A fix's unit of work: lines that stay in one paste block (a backup, a change, a read-back). */
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
