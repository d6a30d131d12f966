import type { OperationOf } from '../../../model/index.ts';
import {
  Name,
  echo,
  errorlevel,
  exist,
  exit,
  id,
  not,
  q,
  quiet,
  ref,
  run,
  seq,
  set,
  setArith,
  text,
  toNul,
  when,
  word,
  type Command,
  type Part,
} from '../syntax/index.ts';
import {
  BACKUP,
  BCD,
  CONTROL_SET,
  DRIVE,
  FAILED,
  addUndo,
  backupPath,
  report,
  type FixContext,
} from './context.ts';
import { readValue, type Step } from './registry.ts';

/** Operations that only run on a rescue VM against the attached disk. */

function offlineScope(ctx: FixContext, kind: string) {
  if (ctx.scope.kind !== 'offline') throw new Error(`${kind} only runs offline`);
  return ctx.scope;
}

/** Runs a command; when it fails the fix has failed, and says at which step. */
const failOnError = (ctx: FixContext, what: string, command: Command) =>
  seq(
    command,
    when(errorlevel(1), seq(echo(...report(ctx.fix, `failed ${what}`)), set(FAILED, '1'))),
  );

/**
 * The BCD store file is copied as it is (bcdedit /export works on the system store only).
 * xcopy /h copies the hidden file; its paths (a drive letter and fixed names) have no spaces
 * and stay unquoted: a quoted folder ending in \" is misparsed.
 */
function bcdBackup(): Command {
  return when(
    not(exist([backupPath('BCD')])),
    seq(
      run(['xcopy', '/h', '/r', '/y', '/q', [ref(BCD)], [ref(BACKUP)]], [toNul]),
      when(
        not(errorlevel(1)),
        addUndo(
          run([
            'xcopy',
            '/h',
            '/r',
            '/y',
            '/q',
            word(ref(BACKUP), '\\BCD'),
            word(ref(BCD), '\\..'),
          ]),
        ),
      ),
    ),
  );
}

function bcdedit(ctx: FixContext, ...args: (string | Part[])[]): Command {
  const store = ctx.scope.kind === 'offline' ? ['/store', q(ref(BCD))] : [];
  const named = args.map((a) => (typeof a === 'string' ? a : '')).join(' ');
  return failOnError(ctx, `bcdedit ${named.trim()}`, run(['bcdedit', ...store, ...args], [toNul]));
}

export function bcdSet(op: OperationOf<'bcd-set'>, ctx: FixContext): Step[] {
  return [[bcdBackup(), bcdedit(ctx, '/set', op.entry, op.setting, op.value)]];
}

export function bcdEmsSettings(op: OperationOf<'bcd-ems-settings'>, ctx: FixContext): Step[] {
  return [
    [bcdBackup(), bcdedit(ctx, '/emssettings', `EMSPORT:${op.port}`, `EMSBAUDRATE:${op.baudRate}`)],
  ];
}

/**
 * Backs up the hive files, loads SYSTEM and finds the control set the broken OS boots
 * (Select\Current). A failed load stops the script before anything changed.
 */
export function hiveLoad(op: OperationOf<'hive-load'>, ctx: FixContext): Step[] {
  offlineScope(ctx, 'hive-load');
  const hive = [ref(DRIVE), id(`:\\Windows\\System32\\config\\${op.hive}`)];
  const mount = `HKLM\\${op.mountAs}`;
  const current = Name.generated('Select\\Current');
  const saved = backupPath(op.hive);
  return [
    [
      when(not(exist([saved])), run(['copy', '/y', q(...hive, '*'), backupPath('')], [toNul])),
      when(
        not(exist([saved])),
        seq(echo(text('RDPRESCUE could not back up '), q(...hive)), exit(1)),
      ),
      when(not(exist([backupPath('undo.cmd')])), addUndo(run(['copy', '/y', saved, q(...hive)]))),
    ],
    [
      run(['reg', 'load', mount, q(...hive)], [toNul]),
      when(errorlevel(1), seq(echo(text('RDPRESCUE could not load '), q(...hive)), exit(1))),
      ...readValue([id(`${mount}\\Select`)], 'Current', current),
      setArith(CONTROL_SET, [ref(current, ':*:=')], quiet),
      set(CONTROL_SET, [text('00'), ref(CONTROL_SET)]),
      set(CONTROL_SET, [text('ControlSet'), ref(CONTROL_SET, ':~-3')]),
    ],
  ];
}

/**
 * Unloads the hive, retrying while something still holds it (unrolled: no loop or goto to
 * get wrong); runs after failed changes too, since no step before it exits.
 */
export function hiveUnload(op: OperationOf<'hive-unload'>, ctx: FixContext): Step[] {
  offlineScope(ctx, 'hive-unload');
  const mount = `HKLM\\${op.mountAs}`;
  const unload = run(['reg', 'unload', mount], quiet);
  const retry = when(errorlevel(1), seq(run(['ping', '-n', '3', '127.0.0.1'], [toNul]), unload));
  return [
    [
      unload,
      retry,
      retry,
      retry,
      retry,
      when(
        errorlevel(1),
        seq(
          echo(
            text('RDPRESCUE could not unload '),
            id(mount),
            text(': close regedit and run reg unload '),
            id(mount),
          ),
          set(FAILED, '1'),
        ),
      ),
    ],
  ];
}
