import {
  ACL_RIGHTS_MASK,
  AUDIT_SETTING_BIT,
  BOOT_ELEMENT_TYPES,
  BOOTMGR_GUID,
  DEFAULT_OBJECT_ELEMENT,
  SYSTEM_STORE_KEY,
  fileVersionParts,
} from '../../model/index.ts';
import type {
  AclRights,
  BackupItem,
  BootElement,
  Check,
  CheckKind,
  CheckOf,
  Operation,
  OperationKind,
  OperationOf,
  Value,
  WindowsPath,
} from '../../model/index.ts';
import { psRegistryPath, type PsValue } from './literal.ts';

/**
 * How each model primitive becomes PowerShell data, and which PowerShell function handles it.
 * The Records are keyed by every kind, so a new check, operation or backup kind does not
 * compile until this target knows how to render and run it.
 */

type Data = { [key: string]: PsValue };

interface CheckTarget<K extends CheckKind> {
  /** Private function in src/powershell/checks.ps1 that evaluates the check. */
  evaluator: string;
  data(check: CheckOf<K>): Data;
}

/** Where an element of a boot entry lives in the system store (see src/powershell/boot-entry.ps1). */
function bootElementData(c: { entry: string; element: BootElement }): Data {
  return {
    Entry: c.entry,
    Element: c.element,
    ElementType: BOOT_ELEMENT_TYPES[c.element],
    Store: psRegistryPath(SYSTEM_STORE_KEY),
    BootManager: BOOTMGR_GUID,
    DefaultObjectElement: DEFAULT_OBJECT_ELEMENT,
  };
}

function windowsPath(path: WindowsPath): Data {
  return { Root: path.root, Sub: path.sub };
}

/** The lowest fixed version per OS build, as numbers (src/powershell/file-version.ps1). */
export function fileVersionMinimums(check: CheckOf<'file-version'>): Data[] {
  return check.minimumVersions.map((m) => ({
    Build: m.build,
    Minimum: fileVersionParts(m.minimum),
  }));
}

/** The firewall check kinds (src/powershell/firewall.ps1). */
const FIREWALL_CHECKS: {
  [K in 'firewall-rule' | 'firewall-inbound-blocked' | 'firewall-port-allowed']: CheckTarget<K>;
} = {
  'firewall-rule': {
    evaluator: 'Test-RdpFirewallRuleCheck',
    data: (c): Data => {
      const cover = c.unlessPortAllowed;
      if (!cover) return { Rule: c.rule };
      const port = { PortName: cover.portName, DefaultPort: cover.defaultPort };
      return { Rule: c.rule, PortKey: psRegistryPath(cover.portKey), ...port };
    },
  },
  'firewall-inbound-blocked': {
    evaluator: 'Test-RdpFirewallInboundBlockedCheck',
    data: (c) => ({ Source: c.source }),
  },
  'firewall-port-allowed': {
    evaluator: 'Test-RdpFirewallPortAllowedCheck',
    data: (c) => ({
      PortKey: psRegistryPath(c.portKey),
      PortName: c.portName,
      DefaultPort: c.defaultPort,
      FiresWhen: c.firesWhen,
    }),
  },
};

export const CHECKS: { [K in CheckKind]: CheckTarget<K> } = {
  'event-query': {
    evaluator: 'Test-RdpEventQueryCheck',
    data: (c) => ({
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
    evaluator: 'Test-RdpRegistryValueCheck',
    data: (c) => ({
      Key: psRegistryPath(c.key),
      Name: c.name,
      Op: c.firesWhen.op,
      Value: 'value' in c.firesWhen ? c.firesWhen.value : null,
      ...('values' in c.firesWhen ? { Values: c.firesWhen.values } : {}),
      PolicyKey: c.policy ? psRegistryPath(c.policy.key) : null,
      PolicyName: c.policy ? c.policy.name : null,
    }),
  },
  'service-state': {
    evaluator: 'Test-RdpServiceStateCheck',
    data: (c) => ({ Service: c.service, FiresWhen: c.firesWhen }),
  },
  'rdp-listener': {
    evaluator: 'Test-RdpListenerCheck',
    data: (c) => ({
      PortKey: psRegistryPath(c.portKey),
      PortName: c.portName,
      DefaultPort: c.defaultPort,
      Service: c.service,
    }),
  },
  'certificate-store': {
    evaluator: 'Test-RdpCertificateStoreCheck',
    data: (c) => ({ Store: c.store, FiresWhen: c.firesWhen }),
  },
  'certificate-binding': {
    evaluator: 'Test-RdpCertificateBindingCheck',
    data: (c) => ({ Key: psRegistryPath(c.key), Name: c.name, Stores: c.stores }),
  },
  'folder-acl': {
    evaluator: 'Test-RdpFolderAclCheck',
    data: (c) => ({
      Path: windowsPath(c.path),
      DefaultSddl: c.defaultSddl,
      RequiredAces: c.requiredAces.map((a) => ({
        Sid: a.sid,
        Mask: a.mask,
        FilesStartingWith: a.target === 'folder' ? null : a.target.filesStartingWith,
      })),
    }),
  },
  'service-config': {
    evaluator: 'Test-RdpServiceConfigCheck',
    data: (c) =>
      c.expected.setting === 'start-type'
        ? { Service: c.service, Setting: 'start-type', Expected: c.expected.startType }
        : { Service: c.service, Setting: 'logon-account', Expected: c.expected.account },
  },
  'file-version': {
    evaluator: 'Test-RdpFileVersionCheck',
    data: (c) => ({ Path: windowsPath(c.path), Minimums: fileVersionMinimums(c) }),
  },
  'windows-feature': {
    evaluator: 'Test-RdpWindowsFeatureCheck',
    data: (c) => ({ Feature: c.feature, IndicatorService: c.indicatorService }),
  },
  'user-right': {
    evaluator: 'Test-RdpUserRightCheck',
    data: (c) => ({ Right: c.right, FiresWhen: c.firesWhen, Sids: c.sids }),
  },
  'boot-entry': { evaluator: 'Test-RdpBootEntryCheck', data: bootElementData },
  'rdsh-server-mode': { evaluator: 'Test-RdpRdshServerModeCheck', data: () => ({}) },
  ...FIREWALL_CHECKS,
};

export function checkData(check: Check): Data {
  const target = CHECKS[check.kind] as CheckTarget<typeof check.kind>;
  return { Kind: check.kind, Id: check.id, ...target.data(check as never) };
}

function value(v: Value): Data {
  return typeof v === 'object' ? { Param: v.param, Data: null } : { Param: null, Data: v };
}

/** An icacls grant and the access mask it must read back as. */
function grantData(g: { sid: string; rights: AclRights }): Data {
  return { Sid: g.sid, Rights: g.rights, Mask: ACL_RIGHTS_MASK[g.rights] };
}

interface OperationTarget<K extends OperationKind> {
  /** Private function in src/powershell/operations.ps1; null = offline only. */
  applier: string | null;
  data(op: OperationOf<K>): Data;
}

export const OPERATIONS: { [K in OperationKind]: OperationTarget<K> } = {
  'registry-set': {
    applier: 'Set-RdpRegistryOperation',
    data: (o) => ({ Key: psRegistryPath(o.key), Name: o.name, Type: o.type, ...value(o.data) }),
  },
  'registry-delete': {
    applier: 'Remove-RdpRegistryOperation',
    data: (o) => ({ Key: psRegistryPath(o.key), Name: o.name }),
  },
  'acl-grant': {
    applier: 'Grant-RdpAclOperation',
    data: (o) => ({
      Path: windowsPath(o.path),
      Grants: o.grants.map(grantData),
      Recurse: o.recurse,
      FilesStartingWith: o.filesStartingWith ?? null,
    }),
  },
  'take-ownership': {
    applier: 'Set-RdpOwnerOperation',
    data: (o) => ({ Path: windowsPath(o.path), Owner: o.owner, Recurse: o.recurse }),
  },
  'private-key-grant': {
    applier: 'Grant-RdpPrivateKeyOperation',
    data: (o) => ({
      Store: o.store,
      Param: o.thumbprint.param,
      Grants: o.grants.map(grantData),
    }),
  },
  'service-restart': {
    applier: 'Restart-RdpServiceOperation',
    data: (o) => ({ Service: o.service, OnlyAfterStopping: o.onlyAfterStopping ?? null }),
  },
  'service-start': { applier: 'Start-RdpServiceOperation', data: (o) => ({ Service: o.service }) },
  'service-stop': {
    applier: 'Stop-RdpServiceOperation',
    data: (o) => ({
      Service: typeof o.service === 'string' ? o.service : null,
      Runtime: typeof o.service === 'string' ? null : o.service.runtime,
      Protect: o.protect,
    }),
  },
  'service-start-type': {
    applier: 'Set-RdpServiceStartTypeOperation',
    data: (o) => ({ Service: o.service, StartType: o.startType, ViaRegistry: o.viaRegistry }),
  },
  'service-logon-account': {
    applier: 'Set-RdpServiceLogonAccountOperation',
    data: (o) => ({ Service: o.service, Account: o.account }),
  },
  'remove-self-signed-certificates': {
    applier: 'Remove-RdpSelfSignedCertificateOperation',
    data: (o) => ({ Store: o.store }),
  },
  'firewall-rule-port': {
    applier: 'Set-RdpFirewallRuleOperation',
    data: (o) => ({ Rule: o.rule, Protocol: o.protocol, ...portValue(o.port) }),
  },
  'bcd-set': {
    applier: 'Set-RdpBcdOperation',
    data: (o) => ({ Entry: o.entry, Setting: o.setting, Value: o.value }),
  },
  'bcd-ems-settings': {
    applier: 'Set-RdpBcdEmsOperation',
    data: (o) => ({ Port: o.port, BaudRate: o.baudRate }),
  },
  'bcd-delete-value': { applier: 'Remove-RdpBcdValueOperation', data: bootElementData },
  'hive-load': { applier: null, data: (o) => ({ Hive: o.hive, MountAs: o.mountAs }) },
  'hive-unload': { applier: null, data: (o) => ({ MountAs: o.mountAs }) },
  'firewall-rule-enable': {
    applier: 'Enable-RdpFirewallRuleOperation',
    data: (o) => ({ Rule: o.rule }),
  },
};

function portValue(port: number | { param: string }): Data {
  return typeof port === 'number' ? { Param: null, Data: port } : { Param: port.param, Data: null };
}

export function operationData(op: Operation): Data {
  const target = OPERATIONS[op.kind] as OperationTarget<typeof op.kind>;
  if (target.applier === null)
    throw new Error(`operation '${op.kind}' runs only offline; the module cannot apply it`);
  return { Kind: op.kind, ...target.data(op as never) };
}

type BackupKind = BackupItem['kind'];

interface BackupTarget<K extends BackupKind> {
  /**
   * Backup-<noun> and Restore-<noun> in src/powershell/backup.ps1, Test-<noun> (does a manifest
   * entry describe this catalog item?) in src/powershell/undo.ps1; null = offline only.
   */
  noun: string | null;
  data(item: Extract<BackupItem, { kind: K }>): Data;
}

export const BACKUPS: { [K in BackupKind]: BackupTarget<K> } = {
  'registry-value': {
    noun: 'RdpRegistryValueItem',
    data: (i) => ({ Key: psRegistryPath(i.key), Name: i.name }),
  },
  acl: { noun: 'RdpAclItem', data: (i) => ({ Path: windowsPath(i.path), Recurse: i.recurse }) },
  'service-config': {
    noun: 'RdpServiceConfigItem',
    data: (i) =>
      typeof i.service === 'string'
        ? { Service: i.service, Runtime: null }
        : { Service: null, Runtime: i.service.runtime },
  },
  'certificate-store': { noun: 'RdpCertificateStoreItem', data: (i) => ({ Store: i.store }) },
  'firewall-rule': { noun: 'RdpFirewallRuleItem', data: (i) => ({ Rule: i.rule }) },
  'firewall-rule-state': { noun: 'RdpFirewallRuleStateItem', data: (i) => ({ Rule: i.rule }) },
  'bcd-store': { noun: 'RdpBcdStoreItem', data: () => ({}) },
  'boot-element': { noun: 'RdpBootElementItem', data: bootElementData },
  'hive-file': { noun: null, data: (i) => ({ Hive: i.hive }) },
};

export function backupData(item: BackupItem): Data {
  const target = BACKUPS[item.kind] as BackupTarget<typeof item.kind>;
  if (target.noun === null) throw new Error(`backup '${item.kind}' is offline only`);
  return { Kind: item.kind, ...target.data(item as never) };
}

/** Dispatch tables for the PowerShell side: kind -> function name. */
export function dispatchTables(): Record<string, Record<string, string>> {
  const pick = <T>(m: Record<string, T>, f: (t: T) => string | null) =>
    Object.fromEntries(
      Object.entries(m).flatMap(([k, t]) => {
        const name = f(t);
        return name ? [[k, name]] : [];
      }),
    );
  return {
    RdpCheckEvaluators: pick(CHECKS, (t) => t.evaluator),
    RdpOperationAppliers: pick(OPERATIONS, (t) => t.applier),
    RdpBackupFunctions: pick(BACKUPS, (t) => (t.noun ? `Backup-${t.noun}` : null)),
    RdpRestoreFunctions: pick(BACKUPS, (t) => (t.noun ? `Restore-${t.noun}` : null)),
    RdpBackupEntryTests: pick(BACKUPS, (t) => (t.noun ? `Test-${t.noun}` : null)),
  };
}
