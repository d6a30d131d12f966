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

/**
 * Backs up a key once (reg export, or a marker when it does not exist; only a fix that writes
 * values creates keys, so only then does undo delete one) and, per value the fix writes,
 * notes whether it existed: undo re-imports the key and deletes the values that were not
 * there before. Offline, the copy of the hive file is the backup.
 */
export function keyBackup(
  ctx: FixContext,
  key: Part[],
  valueNames: readonly string[] = [],
): Command[] {
  if (ctx.scope.kind === 'offline') return [];
  const file = ctx.backupFile(keyText(key), 'k');
  const reg = backupPath(`${file}.reg`);
  const created = valueNames.length > 0 ? createdKeyUndo(key) : [];
  const exported = seq(
    redirect(run(['reg', 'export', q(...key), reg, '/y']), ...quiet),
    when(
      errorlevel(1),
      seq(touch([backupPath(`${file}.none`)]), ...created),
      addUndo(run(['reg', 'import', reg])),
    ),
  );
  return [
    when(not(exist([backupPath(`${file}.*`)])), exported),
    ...valueNames.map((name) => {
      const seen = backupPath(`${file}-${name}.seen`);
      return when(
        not(exist([seen])),
        seq(
          run(['reg', 'query', q(...key), '/v', name], quiet),
          when(errorlevel(1), addUndo(run(['reg', 'delete', q(...key), '/v', name, '/f']))),
          touch([seen]),
        ),
      );
    }),
  ];
}

/** Undo for a key that did not exist: delete it, or its parent when the fix created both. */
function createdKeyUndo(key: Part[]): Command[] {
  const last = key[key.length - 1];
  if (!last || last.kind !== 'id' || !last.value.includes('\\'))
    throw new Error(`cannot find the parent of ${keyText(key)}`);
  const parent = [
    ...key.slice(0, -1),
    { ...last, value: last.value.slice(0, last.value.lastIndexOf('\\')) },
  ];
  return [
    run(['reg', 'query', q(...parent)], quiet),
    when(
      errorlevel(1),
      addUndo(run(['reg', 'delete', q(...parent), '/f'])),
      addUndo(run(['reg', 'delete', q(...key), '/f'])),
    ),
  ];
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

/** Sets FAILED unless the value reads back as written. */
function verifyWritten(
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
        when(not(equals([ref(number)], [ref(param)])), failed()),
      ];
    }
    // Hexadecimal data (a thumbprint) may be typed in either case.
    return [
      ...lines,
      when(
        not(equals([ref(read)], [text(`${op.type}:`), ref(param)], { ignoreCase: true })),
        failed(),
      ),
    ];
  }
  if (op.type === 'REG_EXPAND_SZ' || op.type === 'REG_BINARY')
    return [...lines, when(not(defined(read)), failed())];
  return [...lines, when(not(equals([ref(read)], registryText(op.type, value))), failed())];
}

export function registrySet(op: OperationOf<'registry-set'>, ctx: FixContext): Step[] {
  const key = registryKey(op.key, ctx.scope);
  return [
    [
      ...keyBackup(ctx, key, [op.name]),
      run(
        ['reg', 'add', q(...key), '/v', text(op.name), '/t', op.type, '/d', data(op.data), '/f'],
        [toNul],
      ),
      ...verifyWritten(key, op),
    ],
  ];
}

export function registryDelete(op: OperationOf<'registry-delete'>, ctx: FixContext): Step[] {
  const key = registryKey(op.key, ctx.scope);
  return [
    [
      // Deleting creates nothing: re-importing the key restores the value.
      ...keyBackup(ctx, key),
      run(['reg', 'delete', q(...key), '/v', op.name, '/f'], quiet),
      seq(
        run(['reg', 'query', q(...key), '/v', op.name], quiet),
        when(not(errorlevel(1)), failed()),
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

export function serviceStartType(op: OperationOf<'service-start-type'>, ctx: FixContext): Step[] {
  const key = registryKey(`${SERVICES}\\${op.service}`, ctx.scope);
  const start = START[op.startType];
  const change = op.viaRegistry
    ? run(
        ['reg', 'add', q(...key), '/v', 'Start', '/t', 'REG_DWORD', '/d', String(start.reg), '/f'],
        [toNul],
      )
    : run(['sc', 'config', op.service, 'start=', start.sc], [toNul]);
  return [
    [
      ...keyBackup(ctx, key, ['Start']),
      change,
      ...verifyWritten(key, { name: 'Start', type: 'REG_DWORD', data: start.reg }),
    ],
  ];
}
