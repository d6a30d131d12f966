import { Scenario, type Catalog, type Check } from '../src/model/index.ts';

/**
 * A catalog shaped like issue 15's final one, for sizing the targets before the scenarios
 * land: the real scenarios, plus stand-ins for issue ids not in the catalog yet (since
 * rds-licensing-expired landed, all 14 are real and every stand-in is skipped), each with checks
 * like the ones FIELD-NOTES section 10 lists (registry values with and without policy across
 * the keys they live in, services, logon failures by Status/SubStatus). The values are
 * plausible, not verified: this catalog measures sizes and drives the CMD logic tests only.
 */

const CCS = 'HKLM\\SYSTEM\\CurrentControlSet';
const TS = `${CCS}\\Control\\Terminal Server`;
const RDP_TCP = `${TS}\\WinStations\\RDP-Tcp`;
const TS_POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';
const FIREWALL = `${CCS}\\Services\\SharedAccess\\Parameters\\FirewallPolicy`;
const FIREWALL_POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall';
const CREDSSP =
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters';
const NETLOGON = `${CCS}\\Services\\Netlogon\\Parameters`;

type Role = 'primary' | 'supporting' | 'precondition';

const text = (s: string) => ({ 'en-US': s, 'sv-SE': s, 'nl-NL': s, 'zh-TW': s });

const dword = (
  id: string,
  key: string,
  name: string,
  op: 'equals' | 'not-equals',
  value: number | string,
  policy?: { key: string; name: string },
): Check => ({
  kind: 'registry-value',
  id,
  key,
  name,
  firesWhen: { op, value },
  ...(policy ? { policy } : {}),
});

const exists = (id: string, key: string, name: string, op: 'absent' | 'present'): Check => ({
  kind: 'registry-value',
  id,
  key,
  name,
  firesWhen: { op },
});

const service = (
  id: string,
  name: string,
  firesWhen: 'not-running' | 'disabled' | 'missing',
): Check => ({ kind: 'service-state', id, service: name, firesWhen });

const logonFailures = (id: string, field: string, values: string[]): Check => ({
  kind: 'event-query',
  id,
  channel: 'Security',
  provider: 'Microsoft-Windows-Security-Auditing',
  eventIds: [4625],
  windowHours: 24,
  dataConditions: [{ field, orFields: [], values }],
  reportFields: ['TargetUserName', field],
});

function scenario(id: string, evidence: [Role, Check][]) {
  return Scenario.parse({
    id,
    title: text(id),
    summary: text(id),
    symptoms: ['no-response'],
    evidence: evidence.map(([role, check]) => ({ role, check, finding: text(check.id) })),
    causes: [text(id)],
    manualSteps: [{ id: 'synthetic-step', text: text('synthetic') }],
    sources: [
      {
        url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-general-error',
        title: 'Troubleshoot an RDP general error in Azure VM',
        section: 'synthetic',
      },
    ],
  });
}

const tsPolicy = (name: string) => ({ key: TS_POLICY, name });

/** The 11 scenarios issue 15 adds that the catalog does not have yet. */
export function issue15Scenarios() {
  return [
    scenario('guest-firewall-blocks-rdp', [
      [
        'primary',
        dword(
          'firewall-std-blocks-inbound',
          `${FIREWALL}\\StandardProfile`,
          'DoNotAllowExceptions',
          'equals',
          1,
        ),
      ],
      [
        'primary',
        dword(
          'firewall-public-blocks-inbound',
          `${FIREWALL}\\PublicProfile`,
          'DoNotAllowExceptions',
          'equals',
          1,
        ),
      ],
      [
        'primary',
        dword(
          'firewall-domain-blocks-inbound',
          `${FIREWALL}\\DomainProfile`,
          'DoNotAllowExceptions',
          'equals',
          1,
        ),
      ],
      [
        'primary',
        exists(
          'firewall-rdp-rule-missing',
          `${FIREWALL}\\FirewallRules`,
          'RemoteDesktop-UserMode-In-TCP',
          'absent',
        ),
      ],
      ['primary', service('firewall-service-disabled', 'MpsSvc', 'disabled')],
      [
        'supporting',
        exists(
          'firewall-set-by-policy',
          `${FIREWALL_POLICY}\\StandardProfile`,
          'EnableFirewall',
          'present',
        ),
      ],
    ]),
    scenario('rdp-port-firewall-mismatch', [
      ['primary', dword('rdp-port-not-default', RDP_TCP, 'PortNumber', 'not-equals', 3389)],
      [
        'supporting',
        exists(
          'firewall-rdp-udp-rule-missing',
          `${FIREWALL}\\FirewallRules`,
          'RemoteDesktop-UserMode-In-UDP',
          'absent',
        ),
      ],
    ]),
    scenario('security-layer-mismatch', [
      [
        'primary',
        dword(
          'security-layer-rdp-only',
          RDP_TCP,
          'SecurityLayer',
          'equals',
          0,
          tsPolicy('SecurityLayer'),
        ),
      ],
      [
        'primary',
        dword(
          'encryption-level-fips-only',
          RDP_TCP,
          'MinEncryptionLevel',
          'equals',
          4,
          tsPolicy('MinEncryptionLevel'),
        ),
      ],
      [
        'primary',
        dword('sec-negotiation-off', RDP_TCP, 'fAllowSecProtocolNegotiation', 'equals', 0),
      ],
      [
        'supporting',
        dword(
          'nla-required',
          RDP_TCP,
          'UserAuthentication',
          'equals',
          1,
          tsPolicy('UserAuthentication'),
        ),
      ],
    ]),
    scenario('nla-dc-unreachable', [
      ['precondition', exists('machine-domain-joined', NETLOGON, 'DynamicSiteName', 'present')],
      [
        'primary',
        logonFailures('ev-logon-dc-unreachable', 'Status', [
          '0xc000005e',
          '0xc000018c',
          '0xc0000192',
        ]),
      ],
      ['primary', service('netlogon-stopped', 'Netlogon', 'not-running')],
      ['supporting', dword('nla-required-by-policy', TS_POLICY, 'UserAuthentication', 'equals', 1)],
    ]),
    scenario('user-not-authorized', [
      ['primary', exists('listener-permissions-custom', RDP_TCP, 'Security', 'present')],
      [
        'primary',
        dword(
          'remote-sam-restricted',
          `${CCS}\\Control\\Lsa`,
          'RestrictRemoteSAM',
          'equals',
          'O:BAG:BAD:(A;;RC;;;BA)',
        ),
      ],
      [
        'supporting',
        dword(
          'limit-blank-password-use',
          `${CCS}\\Control\\Lsa`,
          'LimitBlankPasswordUse',
          'equals',
          0,
        ),
      ],
    ]),
    scenario('account-locked-or-expired', [
      [
        'primary',
        logonFailures('ev-logon-account-locked-or-expired', 'SubStatus', [
          '0xc0000234',
          '0xc0000072',
          '0xc0000193',
          '0xc0000071',
          '0xc0000224',
        ]),
      ],
      [
        'supporting',
        dword(
          'lockout-threshold-policy',
          `${CCS}\\Services\\RemoteAccess\\Parameters\\AccountLockout`,
          'MaxDenials',
          'equals',
          1,
        ),
      ],
    ]),
    scenario('credssp-oracle', [
      [
        'primary',
        dword('credssp-force-updated-clients', CREDSSP, 'AllowEncryptionOracle', 'equals', 0),
      ],
      [
        'supporting',
        exists('credssp-oracle-policy-set', CREDSSP, 'AllowEncryptionOracle', 'present'),
      ],
      ['supporting', dword('nla-required-credssp', RDP_TCP, 'UserAuthentication', 'equals', 1)],
    ]),
    scenario('max-connections-reached', [
      [
        'primary',
        dword(
          'max-instances-one',
          RDP_TCP,
          'MaxInstanceCount',
          'equals',
          1,
          tsPolicy('MaxInstanceCount'),
        ),
      ],
      [
        'primary',
        dword('max-connections-policy-one', TS_POLICY, 'MaxConnectionsPolicy', 'equals', 1),
      ],
      [
        'supporting',
        dword(
          'single-session-per-user',
          TS,
          'fSingleSessionPerUser',
          'equals',
          1,
          tsPolicy('fSingleSessionPerUser'),
        ),
      ],
    ]),
    scenario('safe-mode-boot', [
      [
        'primary',
        exists(
          'safeboot-option-set',
          `${CCS}\\Control\\SafeBoot\\Option`,
          'OptionValue',
          'present',
        ),
      ],
      [
        'supporting',
        dword(
          'safeboot-network-off',
          `${CCS}\\Control\\SafeBoot\\Option`,
          'OptionValue',
          'equals',
          1,
        ),
      ],
    ]),
    scenario('network-service-down', [
      ['primary', service('dhcp-disabled', 'Dhcp', 'disabled')],
      ['primary', service('nsi-disabled', 'nsi', 'disabled')],
      ['primary', service('netlogon-disabled', 'Netlogon', 'disabled')],
      ['primary', service('bfe-disabled', 'BFE', 'disabled')],
      ['primary', service('dhcp-stopped', 'Dhcp', 'not-running')],
      ['primary', service('bfe-stopped', 'BFE', 'not-running')],
      [
        'supporting',
        dword(
          'dhcp-account-changed',
          `${CCS}\\Services\\Dhcp`,
          'ObjectName',
          'not-equals',
          'NT Authority\\LocalService',
        ),
      ],
    ]),
  ];
}

/** The real catalog with issue 15's other scenarios added, in id order as the loader gives them. */
export function finalShapedCatalog(real: Catalog): Catalog {
  const known = new Set(real.scenarios.map((s) => s.id));
  const scenarios = [...real.scenarios, ...issue15Scenarios().filter((s) => !known.has(s.id))];
  scenarios.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...real, scenarios };
}

/** Evidence checks in a catalog. */
export function checkCount(catalog: Catalog): number {
  return catalog.scenarios.reduce((n, s) => n + s.evidence.length, 0);
}
