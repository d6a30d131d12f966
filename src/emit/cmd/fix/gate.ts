import type { Catalog, Check, Fix } from '../../../model/index.ts';
import {
  FIREWALL_GROUP_POLICY,
  checksOf,
  policyGuards,
  type PolicyGuard,
} from '../../../model/index.ts';
import {
  Name,
  defined,
  echo,
  equals,
  id,
  not,
  ref,
  when,
  type Command,
  type Word,
} from '../syntax/index.ts';
import { report } from './context.ts';
import { firewallVerification } from './firewall.ts';
import { readValue } from './registry.ts';
import { comparison } from './verify.ts';

/**
 * What runs before a fix changes anything and may refuse: the warning of a fix that lowers
 * security (printed first, whatever follows), Group Policy values that would win over the
 * local change (policy-guards.ts), and the operator's confirmation of a fix that lowers
 * security (the module's OptIn: the fix is named). Nothing here writes.
 */

/** Serial Console: typed before block 1, naming the fix (a value left for another fix confirms nothing). */
export const CONFIRM = Name.fixed('RR_CONFIRM');
/** The fix folder (RRB) whose gate block passed in this console: its root block checks it. */
export const GATE_PASSED = Name.fixed('RRG');
/** The .cmd file: this argument, after the fix's parameters. */
export const CONFIRM_ARGUMENT = '/confirm';
/** The .cmd file's confirmation argument, set from its command line (never the environment). */
export const BATCH_CONFIRM = Name.generated('confirmation argument');

/** What the operator types to confirm, for the Serial Console or the .cmd file. */
export function confirmation(fix: Fix, where: 'paste' | 'batch'): string | undefined {
  if (!fix.weakensSecurity) return undefined;
  if (where === 'paste') return `set ${CONFIRM.hint}=${fix.id}`;
  const parameters = fix.parameters.map((p) => ` <${p.type}>`).join('');
  return `${fix.id}.cmd${parameters} ${CONFIRM_ARGUMENT}`;
}

function guardsOf(fix: Fix, catalog: Catalog): PolicyGuard[] {
  const checks = new Map<string, Check>(checksOf(catalog).map(({ check }) => [check.id, check]));
  return policyGuards(fix, checks);
}

/** Says why and stops the fix (paste: clears the names later lines need; batch: exits 2 or 3). */
export type Refuse = (message: Word) => Command;

/** The warning of a fix that lowers security and how to restore, in the module's words. */
export function securityWarning(fix: Fix): Command[] {
  const weakens = fix.weakensSecurity;
  if (!weakens) return [];
  return [
    echo(...report(fix, `warning: ${weakens.warning['en-US']}`)),
    echo(...report(fix, `to restore: ${weakens.restore['en-US']}`)),
  ];
}

/** Refuses, before any change, when a Group Policy value wins over what the fix writes. */
export function policyRefusals(fix: Fix, catalog: Catalog, refuse: Refuse): Command[] {
  return guardsOf(fix, catalog).flatMap((g) => guardLines(fix, g, refuse));
}

/** Refuses a fix that lowers security unless the operator confirmed it (nothing otherwise). */
export function confirmCheck(fix: Fix, where: 'paste' | 'batch', refuse: Refuse): Command[] {
  const typed = confirmation(fix, where);
  if (!typed) return [];
  const confirmed =
    where === 'paste'
      ? equals([ref(CONFIRM)], fix.id, { ignoreCase: true })
      : equals([ref(BATCH_CONFIRM)], CONFIRM_ARGUMENT, { ignoreCase: true });
  const how = where === 'paste' ? `type: ${typed}, then paste block 1 again` : `run: ${typed}`;
  return [
    when(
      not(confirmed),
      refuse(report(fix, `NOT APPLIED: it lowers security (above). To confirm, ${how}`)),
    ),
  ];
}

const POLICY_WINS = 'which wins over the local value: not changed';

function guardLines(fix: Fix, check: PolicyGuard, refuse: Refuse): Command[] {
  if (check.kind === 'firewall-inbound-blocked') {
    const v = firewallVerification(check);
    return [
      ...v.lines,
      when(
        v.fired,
        refuse(
          report(
            fix,
            `refused: Group Policy (${FIREWALL_GROUP_POLICY}) sets DoNotAllowExceptions=1 for a profile, ${POLICY_WINS}`,
          ),
        ),
      ),
    ];
  }
  const read = Name.generated(`${check.name} policy value`);
  const { lines: judge = [], fired } = comparison(read, check.firesWhen);
  return [
    ...readValue([id(check.key)], check.name, read),
    ...judge,
    when(
      defined(read),
      when(
        fired,
        refuse(
          report(fix, `refused: Group Policy sets ${check.key}\\${check.name}, ${POLICY_WINS}`),
        ),
      ),
    ),
  ];
}
