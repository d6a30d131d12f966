import type { Check, CheckOf } from './checks.ts';
import type { Fix } from './fix.ts';
import { FIREWALL_POLICY } from './firewall.ts';

/**
 * A check a fix runs before it changes anything: when it fires, Group Policy sets the value
 * the fix would write locally, and the policy value wins, so the fix refuses (a local write
 * would change nothing but leave a change behind to undo).
 *
 * A registry-value guard reads the policy location as its key and name, and fires only when
 * the value is there (an absent policy value decides nothing); a firewall guard is the same
 * check on the Group Policy store alone.
 */
export type PolicyGuard = CheckOf<'registry-value'> | CheckOf<'firewall-inbound-blocked'>;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function writes(fix: Fix, key: string, name: string): boolean {
  return fix.operations.some(
    (op) =>
      (op.kind === 'registry-set' || op.kind === 'registry-delete') &&
      same(op.key, key) &&
      same(op.name, name),
  );
}

function writesFirewallProfiles(fix: Fix): boolean {
  return fix.operations.some(
    (op) =>
      op.kind === 'registry-set' &&
      op.key.toLowerCase().startsWith(`${FIREWALL_POLICY}\\`.toLowerCase()) &&
      same(op.name, 'DoNotAllowExceptions'),
  );
}

/** The guards of a fix, from its verify checks (looked up in `checks` by id). */
export function policyGuards(fix: Fix, checks: ReadonlyMap<string, Check>): PolicyGuard[] {
  const guards: PolicyGuard[] = [];
  for (const id of fix.verify.checks) {
    const check = checks.get(id);
    if (check?.kind === 'registry-value' && check.policy && writes(fix, check.key, check.name)) {
      // A present policy value never fires an "absent" check.
      if (check.firesWhen.op === 'absent') continue;
      guards.push({
        kind: 'registry-value',
        id: check.id,
        key: check.policy.key,
        name: check.policy.name,
        firesWhen: check.firesWhen,
      });
    }
    if (
      check?.kind === 'firewall-inbound-blocked' &&
      check.source === 'effective' &&
      writesFirewallProfiles(fix)
    )
      guards.push({ ...check, source: 'policy' });
  }
  return guards;
}
