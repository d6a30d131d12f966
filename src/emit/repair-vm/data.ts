import {
  AUDIT_SETTING_BIT,
  BOOT_ELEMENT_TYPES,
  backupItemsOf,
  fileVersionParts,
  START_VALUE,
  fixById,
  type BackupItem,
  type Catalog,
  type Check,
  type CheckKind,
  type CheckOf,
  type Fix,
  type Operation,
  type OperationKind,
  type OperationOf,
  type WindowsPath,
} from '../../model/index.ts';
import type { PsData } from './literal.ts';

/**
 * The catalog as the rescue-VM script reads it: where each check's evidence lives on the
 * attached disk, and what each offline operation changes there. The Records below are keyed by
 * every check, operation and backup kind of the model, so a new kind does not compile until
 * this target says how it reads, changes or backs it up offline (or why it cannot).
 */

type Data = { [key: string]: PsData };

/** Hives the script loads from <disk>:\Windows\System32\config. */
export const HIVES = ['SYSTEM', 'SOFTWARE'] as const;
type Hive = (typeof HIVES)[number];

/** Private mount points under HKLM while the broken OS's hives are loaded. */
export const MOUNT_PREFIX = 'RDPRESCUE_';

/**
 * A key of the model on the attached disk: the hive file it is in and its path inside the hive.
 * CurrentControlSet does not exist in a hive file: ControlSet marks the keys under the control
 * set the broken OS boots, which the script reads from Select\Current.
 */
export function hiveLocation(key: string): Data {
  const inHive = (hive: Hive, rest: string, controlSet: boolean): Data => ({
    Hive: hive,
    ControlSet: controlSet,
    Path: rest,
  });
  const ccs = /^HKLM\\SYSTEM\\CurrentControlSet\\(.+)$/i.exec(key);
  if (ccs) return inHive('SYSTEM', ccs[1]!, true);
  const system = /^HKLM\\SYSTEM\\(.+)$/i.exec(key);
  if (system) return inHive('SYSTEM', system[1]!, false);
  const software = /^HKLM\\SOFTWARE\\(.+)$/i.exec(key);
  if (software) return inHive('SOFTWARE', software[1]!, false);
  throw new Error(`${key}: the rescue-VM script reads only the SYSTEM and SOFTWARE hives`);
}

/** The .evtx file of a channel: '/' becomes '%4' in the file name. */
export function channelLogFile(channel: string): string {
  if (/[\\:*?"<>|]/.test(channel)) throw new Error(`channel '${channel}' is no log file name`);
  return `${channel.replace(/\//g, '%4')}.evtx`;
}

function windowsPath(path: WindowsPath): Data {
  return { Root: path.root, Sub: path.sub };
}

interface CheckTarget<K extends CheckKind> {
  /** Function of src/repair-vm/checks.ps1 that evaluates the check on the attached disk. */
  evaluator: string;
  data(check: CheckOf<K>): Data;
}

export const CHECKS: { [K in CheckKind]: CheckTarget<K> } = {
  'event-query': {
    evaluator: 'Test-RdpOfflineEventCheck',
    data: (c) => ({
      LogFile: channelLogFile(c.channel),
      Channel: c.channel,
      Provider: c.provider,
      EventIds: c.eventIds,
      WindowHours: c.windowHours,
      DataConditions: c.dataConditions.map((d) => ({
        Fields: [d.field, ...d.orFields],
        Accepted: d.values,
      })),
      ReportFields: c.reportFields,
      AuditedBy: c.auditedBy
        ? { Subcategory: c.auditedBy.subcategory, Bit: AUDIT_SETTING_BIT[c.auditedBy.setting] }
        : null,
    }),
  },
  'registry-value': {
    evaluator: 'Test-RdpOfflineRegistryCheck',
    data: (c) => ({
      Location: hiveLocation(c.key),
      Name: c.name,
      Op: c.firesWhen.op,
      Value: 'value' in c.firesWhen ? c.firesWhen.value : null,
      ...('values' in c.firesWhen ? { Values: c.firesWhen.values } : {}),
      Policy: c.policy ? { Location: hiveLocation(c.policy.key), Name: c.policy.name } : null,
    }),
  },
  'service-state': {
    // Disabled and missing are in the SYSTEM hive; whether it runs is not on any disk.
    evaluator: 'Test-RdpOfflineServiceCheck',
    data: (c) => ({ Service: c.service, FiresWhen: c.firesWhen }),
  },
  'rdp-listener': {
    // Which process holds a port exists only while the VM runs.
    evaluator: 'Test-RdpOfflineRuntimeCheck',
    data: () => ({}),
  },
  'certificate-store': {
    // LocalMachine system stores are registry keys of the SOFTWARE hive.
    evaluator: 'Test-RdpOfflineCertificateStoreCheck',
    data: (c) => ({ Store: c.store, FiresWhen: c.firesWhen }),
  },
  'certificate-binding': {
    evaluator: 'Test-RdpOfflineCertificateBindingCheck',
    data: (c) => ({ Location: hiveLocation(c.key), Name: c.name, Stores: c.stores }),
  },
  'folder-acl': {
    // Well-known SIDs are the same on every Windows, so the broken OS's ACL reads right here.
    evaluator: 'Test-RdpOfflineFolderAclCheck',
    data: (c) => ({
      Path: windowsPath(c.path),
      RequiredAces: c.requiredAces.map((a) => ({
        Sid: a.sid,
        Mask: a.mask,
        FilesStartingWith: a.target === 'folder' ? null : a.target.filesStartingWith,
      })),
    }),
  },
  'service-config': {
    // Start and ObjectName are values of the service's key in the SYSTEM hive.
    evaluator: 'Test-RdpOfflineServiceConfigCheck',
    data: (c) =>
      c.expected.setting === 'start-type'
        ? {
            Service: c.service,
            Setting: 'start-type',
            Expected: START_VALUE[c.expected.startType],
          }
        : { Service: c.service, Setting: 'logon-account', Expected: c.expected.account },
  },
  'file-version': {
    // The broken OS's own file on the attached disk: its version resource reads as data.
    evaluator: 'Test-RdpOfflineFileVersionCheck',
    data: (c) => ({
      Path: windowsPath(c.path),
      Minimums: c.minimumVersions.map((m) => ({
        Build: m.build,
        Minimum: fileVersionParts(m.minimum),
      })),
    }),
  },
  'windows-feature': {
    // Server Manager cannot look at another disk; the service the feature installs can be seen.
    evaluator: 'Test-RdpOfflineFeatureCheck',
    data: (c) => ({ Feature: c.feature, IndicatorService: c.indicatorService }),
  },
  'user-right': {
    // User rights live in the SECURITY hive (Policy\Accounts), which the script does not load.
    evaluator: 'Test-RdpOfflineRuntimeCheck',
    data: () => ({}),
  },
  'boot-entry': {
    // The attached disk's boot store is a hive too (see src/repair-vm/boot-entry.ps1).
    evaluator: 'Test-RdpOfflineBootEntryCheck',
    data: (c) => ({
      Entry: c.entry,
      Element: c.element,
      ElementType: BOOT_ELEMENT_TYPES[c.element],
    }),
  },
  // Not evaluated on the attached disk yet: the rules are in its SYSTEM hive, but the rescue
  // script has no reader for them (the runbooks and the online targets check them).
  'firewall-rule': { evaluator: 'Test-RdpOfflineRuntimeCheck', data: () => ({}) },
  // WMI answers for a running Windows only.
  'rdsh-server-mode': { evaluator: 'Test-RdpOfflineRuntimeCheck', data: () => ({}) },
  'firewall-inbound-blocked': { evaluator: 'Test-RdpOfflineRuntimeCheck', data: () => ({}) },
  'firewall-port-allowed': { evaluator: 'Test-RdpOfflineRuntimeCheck', data: () => ({}) },
};

export function checkData(check: Check): Data {
  const target = CHECKS[check.kind] as CheckTarget<typeof check.kind>;
  return { Kind: check.kind, Id: check.id, ...target.data(check as never) };
}

/** BCD element types (BcdBootMgrElementTypes, BcdLibraryElementTypes, BcdOSLoaderElementTypes). */
const BCD_ELEMENTS: Record<
  OperationOf<'bcd-set'>['setting'],
  { type: string; format: 'boolean' | 'integer' }
> = {
  displaybootmenu: { type: '26000020', format: 'boolean' }, // BcdBootMgrBoolean_DisplayBootMenu
  timeout: { type: '25000004', format: 'integer' }, // BcdBootMgrInteger_Timeout
  bootems: { type: '16000020', format: 'boolean' }, // BcdLibraryBoolean_EmsEnabled
  ems: { type: '260000b0', format: 'boolean' }, // BcdOSLoaderBoolean_EmsEnabled
};
/** BcdLibraryInteger_EmsPort and BcdLibraryInteger_EmsBaudRate of the {emssettings} object. */
const EMS_PORT = '15000022';
const EMS_BAUD_RATE = '15000023';

function bcdObject(entry: OperationOf<'bcd-set'>['entry']): string {
  if (entry === '{current}')
    throw new Error('bcd-set {current}: an offline boot store has no current entry');
  return entry.slice(1, -1);
}

function bcdExpected(op: OperationOf<'bcd-set'>): number {
  const { format } = BCD_ELEMENTS[op.setting];
  const value = op.value.toLowerCase();
  if (format === 'integer') {
    if (!/^\d+$/.test(value)) throw new Error(`bcd-set ${op.setting}: '${op.value}' is no integer`);
    return Number(value);
  }
  if (['yes', 'on', 'true'].includes(value)) return 1;
  if (['no', 'off', 'false'].includes(value)) return 0;
  throw new Error(`bcd-set ${op.setting}: '${op.value}' is no boolean`);
}

interface OperationTarget<K extends OperationKind> {
  /** Function of src/repair-vm/operations.ps1 that applies it; null = cannot run on a rescue VM. */
  applier: string | null;
  data(op: OperationOf<K>): Data;
}

function literal(value: OperationOf<'registry-set'>['data']): number | string {
  if (typeof value === 'object')
    throw new Error(`parameter '${value.param}': the rescue-VM script takes no fix parameters`);
  return value;
}

export const OPERATIONS: { [K in OperationKind]: OperationTarget<K> } = {
  'registry-set': {
    applier: 'Set-RdpOfflineRegistryOperation',
    data: (o) => ({
      Location: hiveLocation(o.key),
      Name: o.name,
      Type: o.type,
      Data: literal(o.data),
    }),
  },
  'registry-delete': {
    applier: 'Remove-RdpOfflineRegistryOperation',
    data: (o) => ({ Location: hiveLocation(o.key), Name: o.name }),
  },
  'acl-grant': {
    applier: 'Grant-RdpOfflineAclOperation',
    data: (o) => ({
      Path: windowsPath(o.path),
      Grants: o.grants.map((g) => ({ Sid: g.sid, Rights: g.rights })),
      Recurse: o.recurse,
      FilesStartingWith: o.filesStartingWith ?? null,
    }),
  },
  'take-ownership': {
    applier: 'Set-RdpOfflineOwnerOperation',
    data: (o) => ({ Path: windowsPath(o.path), Owner: o.owner, Recurse: o.recurse }),
  },
  'bcd-set': {
    applier: 'Set-RdpOfflineBcdOperation',
    data: (o) => ({
      Entry: o.entry,
      Setting: o.setting,
      Value: o.value,
      Elements: [
        {
          Object: bcdObject(o.entry),
          Type: BCD_ELEMENTS[o.setting].type,
          Expected: bcdExpected(o),
        },
      ],
    }),
  },
  'bcd-ems-settings': {
    applier: 'Set-RdpOfflineBcdEmsOperation',
    data: (o) => ({
      Port: o.port,
      BaudRate: o.baudRate,
      Elements: [
        { Object: 'emssettings', Type: EMS_PORT, Expected: o.port },
        { Object: 'emssettings', Type: EMS_BAUD_RATE, Expected: o.baudRate },
      ],
    }),
  },
  'bcd-delete-value': {
    applier: 'Remove-RdpOfflineBcdValueOperation',
    data: (o) => ({
      Entry: o.entry,
      Element: o.element,
      ElementType: BOOT_ELEMENT_TYPES[o.element],
      // Read back absent (-1, as Confirm-RdpOfflineBcdElement reads a missing element).
      Elements: [{ Object: 'default', Type: BOOT_ELEMENT_TYPES[o.element], Expected: -1 }],
    }),
  },
  'hive-load': {
    applier: 'Mount-RdpOfflineHiveOperation',
    data: (o) => ({ Hive: o.hive, MountAs: o.mountAs }),
  },
  'hive-unload': {
    applier: 'Dismount-RdpOfflineHiveOperation',
    data: (o) => ({ MountAs: o.mountAs }),
  },
  // The broken OS does not run on the rescue VM: nothing to start, stop or ask the firewall.
  'service-restart': { applier: null, data: (o) => ({ Service: o.service }) },
  'service-start': { applier: null, data: (o) => ({ Service: o.service }) },
  'service-stop': { applier: null, data: () => ({}) },
  'service-start-type': { applier: null, data: (o) => ({ Service: o.service }) },
  'service-logon-account': { applier: null, data: (o) => ({ Service: o.service }) },
  'remove-self-signed-certificates': { applier: null, data: (o) => ({ Store: o.store }) },
  // Opening a certificate's private key needs the broken OS's own key store running.
  'private-key-grant': { applier: null, data: (o) => ({ Store: o.store }) },
  'firewall-rule-port': { applier: null, data: (o) => ({ Rule: o.rule }) },
  'firewall-rule-enable': { applier: null, data: (o) => ({ Rule: o.rule }) },
};

export function operationData(op: Operation): Data {
  const target = OPERATIONS[op.kind] as OperationTarget<typeof op.kind>;
  if (target.applier === null)
    throw new Error(
      `operation '${op.kind}' cannot run on a rescue VM (the broken OS is not running)`,
    );
  if (op.kind === 'hive-load' && !op.mountAs.startsWith(MOUNT_PREFIX))
    throw new Error(`hive-load mountAs '${op.mountAs}' must start with ${MOUNT_PREFIX}`);
  return { Kind: op.kind, ...target.data(op as never) };
}

type BackupKind = BackupItem['kind'];

interface BackupTarget<K extends BackupKind> {
  /** Backup-<noun> and Restore-<noun> in src/repair-vm/backup.ps1; null = not offline. */
  noun: string | null;
  data(item: Extract<BackupItem, { kind: K }>): Data;
}

export const BACKUPS: { [K in BackupKind]: BackupTarget<K> } = {
  'registry-value': {
    noun: 'RdpOfflineRegistryItem',
    data: (i) => ({ Location: hiveLocation(i.key), Name: i.name }),
  },
  acl: {
    noun: 'RdpOfflineAclItem',
    data: (i) => ({ Path: windowsPath(i.path), Recurse: i.recurse }),
  },
  'bcd-store': { noun: 'RdpOfflineBcdStoreItem', data: () => ({}) },
  'boot-element': { noun: null, data: () => ({}) },
  'hive-file': { noun: 'RdpOfflineHiveFileItem', data: (i) => ({ Hive: i.hive }) },
  'service-config': { noun: null, data: () => ({}) },
  'certificate-store': { noun: null, data: () => ({}) },
  'firewall-rule': { noun: null, data: () => ({}) },
  'firewall-rule-state': { noun: null, data: () => ({}) },
};

export function backupData(item: BackupItem): Data {
  const target = BACKUPS[item.kind] as BackupTarget<typeof item.kind>;
  if (target.noun === null) throw new Error(`backup '${item.kind}' cannot be taken on a rescue VM`);
  return { Kind: item.kind, ...target.data(item as never) };
}

/** The rescue VM saves a boot element through a copy of the attached store's files. */
function offlineBackupItemsOf(op: Operation): BackupItem[] {
  return backupItemsOf(op).map((i) => (i.kind === 'boot-element' ? { kind: 'bcd-store' } : i));
}

function dedupe<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = JSON.stringify(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function fixData(fix: Fix): Data {
  const where = (e: unknown) => new Error(`fix '${fix.id}': ${(e as Error).message}`);
  try {
    return {
      Id: fix.id,
      OptIn: fix.optIn,
      // The script speaks English: it travels as ASCII (the runbooks carry the translations).
      Warning: fix.weakensSecurity ? fix.weakensSecurity.warning['en-US'] : null,
      Operations: fix.operations.map(operationData),
      Backup: dedupe(fix.operations.flatMap(offlineBackupItemsOf)).map(backupData),
    };
  } catch (error) {
    throw where(error);
  }
}

/** The offline repairs, in the order the catalog applies them. */
export function offlineFixes(catalog: Catalog): Fix[] {
  return catalog.offline.repairs.map((id) => fixById(catalog, id));
}

export function catalogData(catalog: Catalog, version: string): Data {
  return {
    Version: version,
    Mounts: Object.fromEntries(HIVES.map((h) => [h, `${MOUNT_PREFIX}${h}`])),
    BcdMount: `${MOUNT_PREFIX}BCD`,
    Scenarios: catalog.scenarios.map((s) => ({
      Id: s.id,
      Evidence: s.evidence.map((e) => ({ Role: e.role, Check: checkData(e.check) })),
    })),
    Fixes: offlineFixes(catalog).map(fixData),
  };
}

/** Dispatch tables of the script: kind -> function name. */
export function dispatchTables(): Record<string, Record<string, string>> {
  const pick = <T>(m: Record<string, T>, f: (t: T) => string | null) =>
    Object.fromEntries(
      Object.entries(m).flatMap(([k, t]) => {
        const name = f(t);
        return name ? [[k, name]] : [];
      }),
    );
  return {
    RdpOfflineCheckEvaluators: pick(CHECKS, (t) => t.evaluator),
    RdpOfflineOperationAppliers: pick(OPERATIONS, (t) => t.applier),
    RdpOfflineBackupFunctions: pick(BACKUPS, (t) => (t.noun ? `Backup-${t.noun}` : null)),
    RdpOfflineRestoreFunctions: pick(BACKUPS, (t) => (t.noun ? `Restore-${t.noun}` : null)),
  };
}
