import {
  backupItemsOf,
  checksOf,
  policyGuards,
  SERVER_AUTH_USAGES,
  type Catalog,
  type Check,
  type Culture,
  type Fix,
  type LocalizedText,
} from '../../model/index.ts';
import type { PsValue } from './literal.ts';
import { backupData, checkData, operationData } from './primitives.ts';
import { MESSAGES } from './messages.ts';

/** Online fixes in catalog order: the module has one command per fix. */
export function onlineFixes(catalog: Catalog): Fix[] {
  return catalog.fixes.filter((f) => f.scope === 'online');
}

function dedupe<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = JSON.stringify(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fixData(fix: Fix, checks: ReadonlyMap<string, Check>): { [key: string]: PsValue } {
  return {
    Id: fix.id,
    Command: fix.command!,
    OptIn: fix.optIn,
    Parameters: fix.parameters.map((p) => ({ Name: p.name, Type: p.type })),
    Operations: fix.operations.map(operationData),
    Backup: dedupe(fix.operations.flatMap(backupItemsOf)).map(backupData),
    VerifyChecks: fix.verify.checks,
    NeededWhenEvents: fix.neededWhenEvents,
    RestartsServices: fix.effects.restartsServices,
    Reboot: fix.effects.reboot,
    WeakensSecurity: fix.weakensSecurity !== undefined,
    // Read before any change: a Group Policy value that wins makes the fix refuse.
    PolicyGuards: policyGuards(fix, checks).map(checkData),
  };
}

/** The catalog as PowerShell data: no text (that is in the strings files), only what logic reads. */
export function catalogData(catalog: Catalog): PsValue {
  const listener = checksOf(catalog).find((c) => c.check.kind === 'rdp-listener');
  const checks = new Map<string, Check>(checksOf(catalog).map(({ check }) => [check.id, check]));
  return {
    Scenarios: catalog.scenarios.map((s) => ({
      Id: s.id,
      Evidence: s.evidence.map((e) => ({ Role: e.role, Check: checkData(e.check) })),
      Fixes: s.fixes,
    })),
    Checks: Object.fromEntries(checksOf(catalog).map(({ check }) => [check.id, checkData(check)])),
    Fixes: Object.fromEntries(onlineFixes(catalog).map((f) => [f.id, fixData(f, checks)])),
    ListenerCheck: listener ? checkData(listener.check) : null,
    ServerAuthUsages: [...SERVER_AUTH_USAGES],
  };
}

/** Every string of <culture>/RdpRescue.strings.psd1: module messages, then catalog texts. */
export function stringTable(catalog: Catalog, culture: Culture): Record<string, string> {
  const table: Record<string, string> = {};
  const put = (key: string, text: LocalizedText) => (table[key] = text[culture]);
  for (const [key, text] of Object.entries(MESSAGES)) put(key, text);
  for (const s of catalog.scenarios) {
    put(`Scenario.${s.id}.Title`, s.title);
    for (const e of s.evidence) put(`Finding.${e.check.id}`, e.finding);
  }
  for (const f of onlineFixes(catalog)) {
    put(`Fix.${f.id}.Title`, f.title);
    if (f.weakensSecurity) {
      put(`Fix.${f.id}.Warning`, f.weakensSecurity.warning);
      put(`Fix.${f.id}.Restore`, f.weakensSecurity.restore);
    }
  }
  return table;
}
