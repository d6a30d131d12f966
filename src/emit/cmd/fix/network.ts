import type { OperationOf } from '../../../model/index.ts';
import {
  errorlevel,
  exist,
  id,
  not,
  qt,
  quiet,
  ref,
  run,
  seq,
  set,
  text,
  toNul,
  when,
  word,
  echo,
  type Command,
} from '../syntax/index.ts';
import { FAILED, addUndo, backupPath, parameterName, report, type FixContext } from './context.ts';
import { keyBackup } from './key-backup.ts';
import type { Step } from './registry.ts';

/**
 * netsh addresses rules by their localized display name, so RdpRescue does not edit the
 * built-in rule: it (re)creates its own rule, named after it, for the new port. The whole
 * firewall policy is exported once before the first change.
 */
export function firewallRulePort(op: OperationOf<'firewall-rule-port'>, ctx: FixContext): Step[] {
  const rule = `RdpRescue-${op.rule}`;
  const port =
    typeof op.port === 'object' ? [ref(parameterName(op.port.param))] : [text(String(op.port))];
  const file = backupPath(`${ctx.backupFile('firewall', 'f')}.wfw`);
  // No change without the exported policy.
  const saved = (command: Command) => when(exist([file]), command);
  return [
    [
      when(
        not(exist([file])),
        seq(
          run(['netsh', 'advfirewall', 'export', file], [toNul]),
          when(exist([file]), addUndo(run(['netsh', 'advfirewall', 'import', file]))),
        ),
      ),
      when(
        not(exist([file])),
        seq(
          echo(...report(ctx.fix, 'failed saving the firewall policy: rule not changed')),
          set(FAILED, '1'),
        ),
      ),
      run(['netsh', 'advfirewall', 'firewall', 'delete', 'rule', `name=${rule}`], quiet),
      seq(
        run(
          [
            'netsh',
            'advfirewall',
            'firewall',
            'add',
            'rule',
            `name=${rule}`,
            'dir=in',
            'action=allow',
            `protocol=${op.protocol}`,
            word('localport=', port),
          ],
          [toNul],
        ),
        when(
          errorlevel(1),
          seq(echo(...report(ctx.fix, `failed adding firewall rule ${rule}`)), set(FAILED, '1')),
        ),
      ),
    ].map((command, i) => (i < 2 ? command : saved(command))),
  ];
}

/** Only self-signed certificates (subject = issuer) go; the store is a registry key. */
export function removeSelfSigned(
  op: OperationOf<'remove-self-signed-certificates'>,
  ctx: FixContext,
): Step[] {
  const key = `HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\${op.store}`;
  const script = `dir 'Cert:\\LocalMachine\\${op.store}'|?{$_.Subject -eq $_.Issuer}|Remove-Item`;
  // Undo imports the store's export: the deleted certificates come back, the others stay.
  const backup = keyBackup(ctx, [id(key)], { importOnUndo: true });
  return [
    [
      ...backup.steps.flat(),
      backup.saved(
        seq(
          run(['powershell', '-nop', '-noni', '-c', qt(script)], quiet),
          when(
            errorlevel(1),
            seq(
              echo(...report(ctx.fix, 'failed removing self-signed certificates')),
              set(FAILED, '1'),
            ),
          ),
        ),
      ),
    ],
  ];
}
