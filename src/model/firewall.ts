import { z } from 'zod';
import { Id } from './text.ts';
import { RegistryKey, RegistryValueName } from './platform.ts';

/**
 * Windows Firewall primitives, read from where the firewall keeps its configuration: the
 * local store (SYSTEM hive, so the same reads work on an attached disk) and the Group Policy
 * store (SOFTWARE hive), which wins per value and returns at each policy refresh. A rule is a
 * REG_SZ value named by the rule's language-neutral Name; its data is `|`-separated fields
 * (`v2.22|Action=Allow|Active=TRUE|Dir=In|Protocol=6|...|LPort=3389|...`), read field by field,
 * never through the localized Name=/Desc= texts ("Enable or disable a firewall rule on an
 * Azure VM Guest OS", Microsoft Learn).
 */

export const FIREWALL_POLICY =
  'HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy';
export const FIREWALL_GROUP_POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall';
export const FIREWALL_RULE_STORES = [
  `${FIREWALL_POLICY}\\FirewallRules`,
  `${FIREWALL_GROUP_POLICY}\\FirewallRules`,
] as const;
/** Registry names of the Domain, Private and Public profiles. */
export const FIREWALL_PROFILES = ['DomainProfile', 'StandardProfile', 'PublicProfile'] as const;

/** A firewall rule's Name (not its DisplayName), e.g. RemoteDesktop-UserMode-In-TCP. */
export const FirewallRuleName = z.string().regex(/^[A-Za-z0-9-]+$/, 'must be a firewall rule Name');

/**
 * Fires when no store holds the rule with Active=TRUE (disabled, or deleted). With
 * `unlessPortAllowed`, stays quiet when another active inbound TCP allow rule lists the
 * configured port: a hardened VM that replaced the built-in rule by a scoped one is not blocked.
 */
export const FirewallRuleCheck = z
  .object({
    kind: z.literal('firewall-rule'),
    id: Id,
    rule: FirewallRuleName,
    unlessPortAllowed: z
      .object({
        portKey: RegistryKey,
        portName: RegistryValueName,
        defaultPort: z.number().int().min(1).max(65535),
      })
      .strict()
      .optional(),
  })
  .strict();

/**
 * Fires when a profile whose firewall is on (EnableFirewall not 0; absent = on) has
 * DoNotAllowExceptions=1: every inbound connection is blocked, allow rules included. Each
 * value is judged on its effective value (the policy's when present). `policy` fires only when
 * the Group Policy value is the one that blocks.
 */
export const FirewallInboundBlockedCheck = z
  .object({
    kind: z.literal('firewall-inbound-blocked'),
    id: Id,
    source: z.enum(['effective', 'policy']),
  })
  .strict();

/**
 * On the configured RDP port (never assumed 3389): `blocked` fires when an active inbound TCP
 * block rule lists it in LPort (local or policy store); `not-allowed` fires then too, and when
 * no active inbound TCP allow rule lists it (a block rule beats an allow rule). Rules are
 * matched on exact LPort entries; port ranges, keywords and profile scoping are not evaluated.
 */
export const FirewallPortAllowedCheck = z
  .object({
    kind: z.literal('firewall-port-allowed'),
    id: Id,
    portKey: RegistryKey,
    portName: RegistryValueName,
    defaultPort: z.number().int().min(1).max(65535),
    firesWhen: z.enum(['not-allowed', 'blocked']),
  })
  .strict();

/** Enables a rule by Name (local store). */
export const FirewallRuleEnableOp = z
  .object({ kind: z.literal('firewall-rule-enable'), rule: FirewallRuleName })
  .strict();
