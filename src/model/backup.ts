import type { Operation } from './operations.ts';
import type { WindowsPath } from './platform.ts';
import type { BootElement } from './boot-entry.ts';

/**
 * What must be saved before an operation runs. Emitters render these items; the model
 * decides them, so every target backs up the same things.
 */
export type BackupItem =
  | { kind: 'registry-value'; key: string; name: string }
  | { kind: 'acl'; path: WindowsPath; recurse: boolean }
  | { kind: 'service-config'; service: string | { runtime: 'rdp-port-owner' } }
  | { kind: 'certificate-store'; store: string }
  | { kind: 'firewall-rule'; rule: string }
  | { kind: 'firewall-rule-state'; rule: string }
  | { kind: 'bcd-store' }
  /** One element of a boot entry, saved as its value so undo sets it back (bcdedit /set). */
  | { kind: 'boot-element'; entry: '{default}'; element: BootElement }
  | { kind: 'hive-file'; hive: 'SYSTEM' };

/** Where machine private keys live: CryptoAPI (CSP) keys, then CNG (KSP) keys. */
export const MACHINE_KEY_FOLDERS: readonly WindowsPath[] = [
  { root: 'ProgramData', sub: 'Microsoft\\Crypto\\RSA\\MachineKeys' },
  { root: 'ProgramData', sub: 'Microsoft\\Crypto\\Keys' },
];

export function backupItemsOf(op: Operation): BackupItem[] {
  switch (op.kind) {
    case 'registry-set':
    case 'registry-delete':
      return [{ kind: 'registry-value', key: op.key, name: op.name }];
    case 'acl-grant':
      // A grant on the folder's files changes the files, so their ACLs are saved too.
      return [
        { kind: 'acl', path: op.path, recurse: op.recurse || op.filesStartingWith !== undefined },
      ];
    case 'take-ownership':
      return [{ kind: 'acl', path: op.path, recurse: op.recurse }];
    case 'private-key-grant':
      // The key file is known only at run time; it is in one of the two machine key folders.
      return MACHINE_KEY_FOLDERS.map((path) => ({ kind: 'acl' as const, path, recurse: false }));
    case 'service-start-type':
    case 'service-logon-account':
      return [{ kind: 'service-config', service: op.service }];
    case 'service-stop':
      return [{ kind: 'service-config', service: op.service }];
    case 'remove-self-signed-certificates':
      return [{ kind: 'certificate-store', store: op.store }];
    case 'firewall-rule-port':
      return [{ kind: 'firewall-rule', rule: op.rule }];
    case 'firewall-rule-enable':
      return [{ kind: 'firewall-rule-state', rule: op.rule }];
    case 'bcd-set':
    case 'bcd-ems-settings':
      return [{ kind: 'bcd-store' }];
    case 'bcd-delete-value':
      // Importing the whole store on undo would drop later boot changes (bcdedit /ems ...).
      return [{ kind: 'boot-element', entry: op.entry, element: op.element }];
    case 'hive-load':
      return [{ kind: 'hive-file', hive: op.hive }];
    case 'service-restart':
    case 'service-start':
    case 'hive-unload':
      return [];
    default:
      return assertNever(op);
  }
}

/** Exhaustiveness guard for switches over model unions. */
export function assertNever(value: never): never {
  throw new Error(`unhandled model primitive: ${JSON.stringify(value)}`);
}

/** Whether an operation changes machine state (and so needs ShouldProcess and a backup). */
export function changesState(op: Operation): boolean {
  return op.kind !== 'hive-load' && op.kind !== 'hive-unload';
}
