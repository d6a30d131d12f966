import type { OperationOf } from '../../../model/index.ts';
import { echo, equals, not, q, ref, run, seq, set, text, toNul, when } from '../syntax/index.ts';
import { FAILED, registryKey, report, type FixContext } from './context.ts';
import { keyBackup, readValue, type Step } from './registry.ts';
import { Name } from '../syntax/index.ts';

const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';

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
  const backup = keyBackup(ctx, registryKey(`${SERVICES}\\${op.service}`, ctx.scope), [
    'ObjectName',
  ]);
  const account = op.account === 'LocalSystem' ? [] : ['password=', q(text(''))];
  const read = Name.generated(`${op.service} ObjectName read back`);
  return [
    [
      ...backup.lines,
      backup.saved(
        run(['sc', 'config', op.service, 'obj=', q(text(op.account)), ...account], [toNul]),
      ),
    ],
    [
      ...readValue(registryKey(`${SERVICES}\\${op.service}`, ctx.scope), 'ObjectName', read),
      when(
        not(equals([ref(read)], `REG_SZ:${op.account}`, { ignoreCase: true })),
        seq(echo(...report(ctx.fix, 'failed reading back ObjectName')), set(FAILED, '1')),
      ),
    ],
  ];
}
