import { z } from 'zod';
import { Id } from './text.ts';
import { RegistryKey, RegistryValueName, ServiceName, Sid, WindowsPath } from './platform.ts';
import { UserRightCheck } from './user-right.ts';
import { BootEntryCheck } from './boot-entry.ts';
import {
  FirewallInboundBlockedCheck,
  FirewallPortAllowedCheck,
  FirewallRuleCheck,
} from './firewall.ts';
import { ServiceConfigCheck } from './checks-service-config.ts';
import { RdshServerModeCheck } from './rdsh-server-mode.ts';
import { FileVersionCheck } from './checks-file-version.ts';

/**
 * Check primitives: declarative, one kind each. A check "fires" when the condition it
 * describes is found on the machine; emitters decide how to look.
 */

const Provider = z
  .string()
  .regex(/^\S(.*\S)?$/, 'must not start or end with spaces (the seed padded provider names)');

export const EventQueryCheck = z
  .object({
    kind: z.literal('event-query'),
    id: Id,
    channel: z.string().min(1),
    provider: Provider,
    eventIds: z.array(z.number().int().positive().max(65535)).min(1),
    /** How far back to look, in hours. The seeds use 24. */
    windowHours: z
      .number()
      .int()
      .positive()
      .max(24 * 90),
    /**
     * Optional conditions on named event-data fields (language-neutral), all of which must
     * hold. A condition holds when `field`, or one of `orFields`, carries one of `values`
     * (a logon status code may be in Status or in SubStatus). Values are compared as the
     * event's XML writes them (NTSTATUS codes in lower case: 0xc0000234).
     */
    dataConditions: z
      .array(
        z
          .object({
            field: z.string().min(1),
            orFields: z.array(z.string().min(1)).default([]),
            values: z.array(z.string().min(1)).min(1),
          })
          .strict(),
      )
      .default([]),
    /** Named event-data fields worth showing as evidence. */
    reportFields: z.array(z.string().min(1)).default([]),
    /**
     * The advanced audit policy that makes Windows write these events (Security 4625: failure
     * auditing of the Logon subcategory). While it is off no event is written, so finding none
     * proves nothing: the check is then unknown, never quiet. Read by the subcategory's GUID,
     * the same in every language.
     */
    auditedBy: z
      .object({
        subcategory: z
          .string()
          .regex(
            /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/,
            'must be an audit subcategory GUID in braces, upper case: {0CCE9215-69AE-11D9-BED3-505054503030}',
          ),
        setting: z.enum(['success', 'failure']),
      })
      .strict()
      .optional(),
  })
  .strict();

/**
 * The bit of a subcategory's audit setting (AuditQuerySystemPolicy's AuditingInformation, the
 * Setting Value column of auditpol /backup): POLICY_AUDIT_EVENT_SUCCESS 1, _FAILURE 2.
 */
export const AUDIT_SETTING_BIT = { success: 1, failure: 2 } as const;

const Comparison = z.discriminatedUnion('op', [
  z.object({ op: z.literal('equals'), value: z.union([z.number().int(), z.string()]) }).strict(),
  z
    .object({ op: z.literal('not-equals'), value: z.union([z.number().int(), z.string()]) })
    .strict(),
  z.object({ op: z.literal('absent') }).strict(),
  z.object({ op: z.literal('present') }).strict(),
  /** Fires when the value is absent or is none of these (a setting with several good values). */
  z
    .object({
      op: z.literal('none-of'),
      values: z.array(z.union([z.number().int(), z.string()])).min(2),
    })
    .strict(),
]);
export type Comparison = z.infer<typeof Comparison>;

export const RegistryValueCheck = z
  .object({
    kind: z.literal('registry-value'),
    id: Id,
    key: RegistryKey,
    name: RegistryValueName,
    /** When the check fires, judged on the effective value (policy wins over local). */
    firesWhen: Comparison,
    /** Group Policy location that overrides the local value when present. */
    policy: z.object({ key: RegistryKey, name: RegistryValueName }).strict().optional(),
  })
  .strict();

export const ServiceStateCheck = z
  .object({
    kind: z.literal('service-state'),
    id: Id,
    service: ServiceName,
    firesWhen: z.enum(['not-running', 'disabled', 'missing']),
  })
  .strict();

export const RdpListenerCheck = z
  .object({
    kind: z.literal('rdp-listener'),
    id: Id,
    /** Where the listener port is configured; never assume 3389. */
    portKey: RegistryKey,
    portName: RegistryValueName,
    defaultPort: z.number().int().min(1).max(65535),
    /**
     * The service that must own the listening socket. Fires when another PID holds the port;
     * nothing listening is no conflict (termservice-not-running and rdp-listener-disabled say
     * why TermService does not listen, and stopping a port owner there would only cut sessions).
     */
    service: ServiceName,
  })
  .strict();

/**
 * A certificate serves RDP's TLS only when it has a private key that opens, NETWORK SERVICE
 * (TermService's account) can read that key's file, and its Enhanced Key Usage is absent or
 * includes one of these ("Using certificates in Remote Desktop Services", Microsoft Learn).
 */
export const SERVER_AUTH_USAGES = [
  '1.3.6.1.5.5.7.3.1', // Server Authentication
  '1.3.6.1.4.1.311.54.1.2', // Remote Desktop Authentication
] as const;

export const CertificateStoreCheck = z
  .object({
    kind: z.literal('certificate-store'),
    id: Id,
    /** LocalMachine store name, e.g. "Remote Desktop". */
    store: z.string().min(1),
    /** Fires when the store holds no certificate, or only expired or unusable ones (see SERVER_AUTH_USAGES). */
    firesWhen: z.enum(['empty-or-expired']),
  })
  .strict();

export const CertificateBindingCheck = z
  .object({
    kind: z.literal('certificate-binding'),
    id: Id,
    key: RegistryKey,
    name: RegistryValueName,
    /** LocalMachine stores where the configured thumbprint may live. */
    stores: z.array(z.string().min(1)).min(1),
    /** Fires when a thumbprint is configured but no present, unexpired, usable certificate matches it. */
  })
  .strict();

export const AccessMask = z.number().int().positive().max(0xffffffff);

export const RequiredAce = z
  .object({
    sid: Sid,
    /** Access mask the SID must be allowed (at least these bits). 0x1f01ff = full control. */
    mask: AccessMask,
    /** The folder itself, or the files in it whose names start with a prefix. */
    target: z.union([
      z.literal('folder'),
      z.object({ filesStartingWith: z.string().min(1) }).strict(),
    ]),
  })
  .strict();

export const FolderAclCheck = z
  .object({
    kind: z.literal('folder-acl'),
    id: Id,
    path: WindowsPath,
    /** Fires when any required allow ACE is missing. */
    requiredAces: z.array(RequiredAce).min(1),
    /** The documented default security descriptor, for evidence and docs. */
    defaultSddl: z.string().startsWith('O:'),
  })
  .strict();

export const WindowsFeatureCheck = z
  .object({
    kind: z.literal('windows-feature'),
    id: Id,
    /** Server Manager feature name. Fires when installed. */
    feature: z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/),
    /** A service the feature installs, for machines without Server Manager cmdlets (CMD). */
    indicatorService: ServiceName,
  })
  .strict();

export const Check = z.discriminatedUnion('kind', [
  EventQueryCheck,
  RegistryValueCheck,
  ServiceStateCheck,
  RdpListenerCheck,
  CertificateStoreCheck,
  CertificateBindingCheck,
  FolderAclCheck,
  WindowsFeatureCheck,
  FileVersionCheck,
  UserRightCheck,
  BootEntryCheck,
  FirewallRuleCheck,
  FirewallInboundBlockedCheck,
  FirewallPortAllowedCheck,
  ServiceConfigCheck,
  RdshServerModeCheck,
]);
export type Check = z.infer<typeof Check>;
export type CheckKind = Check['kind'];
export type CheckOf<K extends CheckKind> = Extract<Check, { kind: K }>;
