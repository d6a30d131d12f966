import type {
  CheckKind,
  CheckOf,
  Comparison,
  Culture,
  Evidence,
  WindowsPath,
} from '../../model/index.ts';
import {
  assertNever,
  BOOT_ELEMENT_TYPES,
  RDSH_APP_SERVER_MODE,
  RDSH_CLASS,
  RDSH_NAMESPACE,
  SERVER_AUTH_USAGES,
  START_VALUE,
} from '../../model/index.ts';
import { label } from './labels.ts';
import { code } from './markdown.ts';
import { FIREWALL_DESCRIBE } from './firewall-evidence.ts';

/**
 * One Markdown sentence (plus optional sub-items) per check kind, from the check's own data.
 * A Record over every kind, so a new check kind does not compile until the docs describe it.
 */
type Describe<K extends CheckKind> = (check: CheckOf<K>, culture: Culture) => string[];

const WELL_KNOWN_SIDS = {
  'S-1-5-18': 'sidSystem',
  'S-1-5-20': 'sidNetworkService',
  'S-1-5-32-544': 'sidAdministrators',
  'S-1-5-32-555': 'sidRemoteDesktopUsers',
  'S-1-5-113': 'sidLocalAccount',
  'S-1-5-114': 'sidLocalAdministrator',
} as const;

const FULL_CONTROL = 0x1f01ff;
const READ_AND_EXECUTE = 0x1200a9;
const READ = 0x120089;

/** What makes a certificate one RDP can present (both certificate checks apply it). */
function usable(culture: Culture): string {
  return label('certificateUsable', culture, {
    usages: list(SERVER_AUTH_USAGES.map(code), culture),
  });
}

function list(items: string[], culture: Culture): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${label('or', culture)} ${items.at(-1)}`;
}

export function windowsPath(path: WindowsPath): string {
  return `%${path.root}%\\${path.sub}`;
}

function sid(value: string, culture: Culture): string {
  const key = WELL_KNOWN_SIDS[value as keyof typeof WELL_KNOWN_SIDS];
  return key ? `${code(value)} (${label(key, culture)})` : code(value);
}

function rights(mask: number, culture: Culture): string {
  const hex = `0x${mask.toString(16).toUpperCase()}`;
  if (mask === FULL_CONTROL) return `${label('rightsFull', culture)} (${code(hex)})`;
  if (mask === READ || mask === READ_AND_EXECUTE)
    return `${label('rightsRead', culture)} (${code(hex)})`;
  return label('rightsMask', culture, { mask: code(hex) });
}

function condition(cmp: Comparison, culture: Culture): string {
  switch (cmp.op) {
    case 'equals':
      return label('cmpEquals', culture, { value: code(String(cmp.value)) });
    case 'not-equals':
      return label('cmpNotEquals', culture, { value: code(String(cmp.value)) });
    case 'absent':
      return label('cmpAbsent', culture);
    case 'present':
      return label('cmpPresent', culture);
    case 'none-of':
      return label('cmpNoneOf', culture, {
        values: cmp.values.map((v) => code(String(v))).join(', '),
      });
    default:
      return assertNever(cmp);
  }
}

const DESCRIBE: { [K in CheckKind]: Describe<K> } = {
  'event-query': (c, culture) => [
    label('eventQuery', culture, {
      ids: list(
        c.eventIds.map((id) => `**${id}**`),
        culture,
      ),
      provider: code(c.provider),
      channel: code(c.channel),
      hours: c.windowHours,
    }),
    ...c.dataConditions.map((d) =>
      label('eventCondition', culture, {
        field: list([d.field, ...d.orFields].map(code), culture),
        values: list(d.values.map(code), culture),
      }),
    ),
    ...(c.reportFields.length > 0
      ? [label('eventFields', culture, { fields: c.reportFields.map(code).join(', ') })]
      : []),
    ...(c.auditedBy
      ? [
          label('eventAudited', culture, {
            subcategory: code(c.auditedBy.subcategory),
            command: code(
              `auditpol /set /subcategory:${c.auditedBy.subcategory} /${c.auditedBy.setting}:enable`,
            ),
          }),
        ]
      : []),
  ],
  'registry-value': (c, culture) => [
    label('registryValue', culture, {
      name: code(c.name),
      key: code(c.key),
      condition: condition(c.firesWhen, culture),
    }),
    ...(c.policy
      ? [label('policyOverride', culture, { name: code(c.policy.name), key: code(c.policy.key) })]
      : []),
  ],
  'service-state': (c, culture) => {
    const key = {
      'not-running': 'serviceNotRunning',
      disabled: 'serviceDisabled',
      missing: 'serviceMissing',
    } as const;
    return [label(key[c.firesWhen], culture, { service: code(c.service) })];
  },
  'rdp-listener': (c, culture) => [
    label('rdpListener', culture, {
      name: code(c.portName),
      key: code(c.portKey),
      port: c.defaultPort,
      service: code(c.service),
    }),
  ],
  'certificate-store': (c, culture) => [
    label('certificateStore', culture, { store: code(`Cert:\\LocalMachine\\${c.store}`) }),
    usable(culture),
  ],
  'certificate-binding': (c, culture) => [
    label('certificateBinding', culture, {
      name: code(c.name),
      key: code(c.key),
      stores: c.stores.map((s) => code(`Cert:\\LocalMachine\\${s}`)).join(', '),
    }),
    usable(culture),
  ],
  'folder-acl': (c, culture) => [
    label('folderAcl', culture, { path: code(windowsPath(c.path)) }),
    ...c.requiredAces.map((ace) =>
      ace.target === 'folder'
        ? label('aceFolder', culture, {
            sid: sid(ace.sid, culture),
            rights: rights(ace.mask, culture),
          })
        : label('aceFiles', culture, {
            sid: sid(ace.sid, culture),
            rights: rights(ace.mask, culture),
            prefix: code(ace.target.filesStartingWith),
          }),
    ),
    label('defaultSddl', culture, { sddl: code(c.defaultSddl) }),
  ],
  'service-config': (c, culture) => [
    c.expected.setting === 'start-type'
      ? label('serviceStartTypeNotDefault', culture, {
          service: code(c.service),
          startType: code(`${c.expected.startType} (Start=${START_VALUE[c.expected.startType]})`),
        })
      : label('serviceAccountNotDefault', culture, {
          service: code(c.service),
          account: code(c.expected.account),
        }),
  ],
  'file-version': (c, culture) => [
    label('fileVersion', culture, {
      path: code(windowsPath(c.path)),
      minimums: list(
        c.minimumVersions.map((m) => code(m.minimum)),
        culture,
      ),
    }),
  ],
  'windows-feature': (c, culture) => [
    label('windowsFeature', culture, {
      feature: code(c.feature),
      service: code(c.indicatorService),
    }),
  ],
  'user-right': (c, culture) => [
    label(c.firesWhen === 'missing-any' ? 'userRightMissing' : 'userRightGranted', culture, {
      right: code(c.right),
      sids: list(
        c.sids.map((s) => sid(s, culture)),
        culture,
      ),
    }),
  ],
  'rdsh-server-mode': (_c, culture) => [
    label('rdshServerMode', culture, {
      property: code(`${RDSH_CLASS}.TerminalServerMode = ${RDSH_APP_SERVER_MODE}`),
      namespace: code(RDSH_NAMESPACE),
    }),
  ],
  'boot-entry': (c, culture) => [
    label('bootEntry', culture, {
      entry: code(c.entry),
      element: code(c.element),
      key: code(`Elements\\${BOOT_ELEMENT_TYPES[c.element]}`),
    }),
  ],
  ...FIREWALL_DESCRIBE,
};

/** Markdown sentences describing a piece of evidence: what is looked at first, then details. */
export function describeEvidence(evidence: Evidence, culture: Culture): string[] {
  const check = evidence.check;
  return (DESCRIBE[check.kind] as Describe<typeof check.kind>)(check, culture);
}

/** Event IDs of a scenario's evidence, with where they are logged. */
export function eventsOf(evidence: readonly Evidence[]) {
  return evidence.flatMap((e) =>
    e.check.kind === 'event-query'
      ? e.check.eventIds.map((id) => ({
          id,
          provider: (e.check as CheckOf<'event-query'>).provider,
          channel: (e.check as CheckOf<'event-query'>).channel,
          role: e.role,
        }))
      : [],
  );
}
