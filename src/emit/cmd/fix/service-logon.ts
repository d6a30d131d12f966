import type { OperationOf } from '../../../model/index.ts';
import { BuiltInServiceAccount } from '../../../model/checks-service-config.ts';
import {
  Name,
  defined,
  echo,
  equals,
  exist,
  not,
  q,
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
import { FAILED, addUndo, backupPath, registryKey, report, type FixContext } from './context.ts';
import { keyBackup, type KeyBackup } from './key-backup.ts';
import { readValue, type Step } from './registry.ts';

const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';

/** sc config's arguments for a built-in account: it has no password, so an empty one. */
const accountArguments = (account: BuiltInServiceAccount) => [
  'obj=',
  q(text(account)),
  ...(account === 'LocalSystem' ? [] : ['password=', q(text(''))]),
];

/**
 * Undo gives the service control manager the previous account (sc config obj=, which also
 * writes ObjectName), read once before the first change, like the module's undo. Only a built-in account can be given back without its
 * password; for any other, undo says the password is needed (never asked for, never stored).
 */
function tellManagerOnUndo(
  op: OperationOf<'service-logon-account'>,
  key: Part[],
  backup: KeyBackup,
): Command[] {
  const before = Name.generated(`${op.service} account before`);
  const builtIn = Name.generated(`${op.service} account built in`);
  const told = backupPath(`scm-${op.service}-obj.seen`);
  const once = (command: Command) => backup.saved(when(not(exist([told])), command));
  return [
    ...readValue(key, 'ObjectName', before).map(once),
    once(
      seq(
        set(builtIn, ''),
        ...BuiltInServiceAccount.options.map((account) =>
          when(
            equals([ref(before)], `REG_SZ:${account}`, { ignoreCase: true }),
            seq(
              set(builtIn, '1'),
              addUndo(run(['sc', 'config', op.service, ...accountArguments(account)], [toNul])),
            ),
          ),
        ),
      ),
    ),
    once(
      seq(
        when(
          not(defined(builtIn)),
          addUndo(
            echo(
              text(
                `RDPRESCUE undo: ${op.service} logged on as an account with a password before: set it again with sc config ${op.service} obj= and its password, then restart the service`,
              ),
            ),
          ),
        ),
        touch([told]),
      ),
    ),
  ];
}

/**
 * `sc config <service> obj= "<account>" password= ""` (sc config's documented obj= and
 * password= options): the service control manager takes the account now and writes
 * ObjectName. A built-in account has no password; the empty one is all that is ever passed.
 * The key is saved first (its ObjectName is the previous account); the read-back compares
 * without regard to case.
 */
export function serviceLogonAccount(
  op: OperationOf<'service-logon-account'>,
  ctx: FixContext,
): Step[] {
  if (ctx.scope.kind !== 'online')
    throw new Error(`${ctx.fix.id}: service-logon-account runs on the VM itself only`);
  // ObjectName is a string: its undo is sc config obj= (tellManagerOnUndo), not a reg add.
  const backup = keyBackup(ctx, registryKey(`${SERVICES}\\${op.service}`, ctx.scope), {
    values: [{ name: 'ObjectName', undoElsewhere: true }],
    createsKey: true,
  });
  const read = Name.generated(`${op.service} ObjectName read back`);
  // Later steps name the key themselves: its variable may be from another paste block.
  const key = registryKey(`${SERVICES}\\${op.service}`, ctx.scope);
  return [
    ...backup.steps,
    tellManagerOnUndo(op, key, backup),
    [
      backup.valueSaved(
        'ObjectName',
        run(['sc', 'config', op.service, ...accountArguments(op.account)], [toNul]),
      ),
    ],
    [
      ...readValue(key, 'ObjectName', read),
      when(
        not(equals([ref(read)], `REG_SZ:${op.account}`, { ignoreCase: true })),
        seq(echo(...report(ctx.fix, 'failed reading back ObjectName')), set(FAILED, '1')),
      ),
    ],
  ];
}
