import type { Operation, OperationKind, OperationOf } from '../../../model/index.ts';
import { bcdDeleteValue } from '../boot-entry.ts';
import { aclGrant, privateKeyGrant, takeOwnership } from './acl.ts';
import type { FixContext } from './context.ts';
import { firewallRuleEnable } from './firewall.ts';
import { firewallRulePort, removeSelfSigned } from './network.ts';
import { bcdEmsSettings, bcdSet, hiveLoad, hiveUnload } from './offline-ops.ts';
import { registryDelete, registrySet, serviceStartType, type Step } from './registry.ts';
import { serviceRestart, serviceStart, serviceStop } from './services.ts';
import { serviceLogonAccount } from './service-logon.ts';

/**
 * One renderer per operation kind. A rendered operation is a list of steps; each step is a
 * few lines that stay in one paste block and are safe to paste again: its backup is taken
 * only once (the first backup is the state before RdpRescue touched anything), its change is
 * idempotent, and its check sets RRF when the machine does not read back as intended.
 */
const renderers: { [K in OperationKind]: (op: OperationOf<K>, ctx: FixContext) => Step[] } = {
  'registry-set': registrySet,
  'registry-delete': registryDelete,
  'acl-grant': aclGrant,
  'take-ownership': takeOwnership,
  'private-key-grant': privateKeyGrant,
  'service-restart': serviceRestart,
  'service-start': serviceStart,
  'service-stop': serviceStop,
  'service-start-type': serviceStartType,
  'service-logon-account': serviceLogonAccount,
  'remove-self-signed-certificates': removeSelfSigned,
  'firewall-rule-port': firewallRulePort,
  'bcd-set': bcdSet,
  'bcd-ems-settings': bcdEmsSettings,
  'bcd-delete-value': bcdDeleteValue,
  'hive-load': hiveLoad,
  'hive-unload': hiveUnload,
  'firewall-rule-enable': firewallRuleEnable,
};

export function renderOperation(op: Operation, ctx: FixContext): Step[] {
  return (renderers[op.kind] as (op: Operation, ctx: FixContext) => Step[])(op, ctx);
}
