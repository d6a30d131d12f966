import type { CheckOf, OperationOf } from '../../../model/index.ts';
import { FIREWALL_POLICY } from '../../../model/index.ts';
import { keysReadBy, renderCheck } from '../checks.ts';
import { PLAIN_LETTERS, Reads } from '../reads/index.ts';
import {
  echo,
  errToNul,
  errorlevel,
  pipe,
  q,
  exist,
  not,
  qt,
  quiet,
  run,
  seq,
  set,
  toNul,
  when,
  type Command,
} from '../syntax/index.ts';
import { FAILED, addUndo, backupPath, report, type FixContext } from './context.ts';
import type { Step } from './registry.ts';
import type { Verification } from './verify.ts';

/**
 * Enables a firewall rule by its Name. netsh addresses rules by their localized display name
 * or group, so the rule is enabled through Enable-NetFirewallRule -Name (language-neutral).
 * Undo is exact per rule: it disables the rule again only when the local store did not hold it
 * Active=TRUE before. The whole policy is exported once as an emergency copy only (importing it
 * would throw away every later firewall change), and undo.cmd says so in a comment.
 */
export function firewallRuleEnable(
  op: OperationOf<'firewall-rule-enable'>,
  ctx: FixContext,
): Step[] {
  const file = backupPath(`${ctx.backupFile('firewall', 'f')}.wfw`);
  const saved = (command: Command) => when(exist([file]), command);
  return [
    [
      when(
        not(exist([file])),
        seq(
          run(['netsh', 'advfirewall', 'export', file], [toNul]),
          when(
            exist([file]),
            addUndo(
              run([
                'rem',
                'emergency copy only, replaces the whole firewall policy and later changes:',
                'netsh',
                'advfirewall',
                'import',
                file,
              ]),
            ),
          ),
        ),
      ),
      when(
        not(exist([file])),
        seq(
          echo(...report(ctx.fix, 'failed saving the firewall policy: rule not changed')),
          set(FAILED, '1'),
        ),
      ),
      saved(
        seq(
          pipe(
            run(
              ['reg', 'query', q(`${FIREWALL_POLICY}\\FirewallRules`), '/v', op.rule],
              [errToNul],
            ),
            run(['find', qt('|Active=TRUE|')], [toNul]),
          ),
          when(
            errorlevel(1),
            addUndo(
              run([
                'powershell',
                '-nop',
                '-noni',
                '-c',
                qt(`Disable-NetFirewallRule -Name '${op.rule}' -ErrorAction Stop`),
              ]),
            ),
          ),
          run(
            [
              'powershell',
              '-nop',
              '-noni',
              '-c',
              qt(`Enable-NetFirewallRule -Name '${op.rule}' -ErrorAction Stop`),
            ],
            quiet,
          ),
          when(
            errorlevel(1),
            seq(
              echo(...report(ctx.fix, `failed enabling firewall rule ${op.rule}`)),
              set(FAILED, '1'),
            ),
          ),
        ),
      ),
    ],
  ];
}

/**
 * A firewall check run again after the change: the diagnosis's own rendering, on values read
 * now, with plain letters.
 */
export function firewallVerification(
  check: CheckOf<'firewall-rule' | 'firewall-inbound-blocked' | 'firewall-port-allowed'>,
): Verification {
  const r = new Reads({ letters: PLAIN_LETTERS, keys: keysReadBy(check) });
  const outcome = renderCheck(check, r);
  return { lines: r.take(), fired: outcome.fired[0]!, quiet: outcome.quiet[0]! };
}
