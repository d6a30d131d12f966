import { FIREWALL_GPO, FIREWALL_POLICY, FIREWALL_RULES } from './keys.ts';

/**
 * Firewall states for the CMD tests, as `reg` lines for the Wine prefix: rules as the values
 * Windows writes (data as in Microsoft's "Enable or disable a firewall rule" article; in a
 * reg add /d argument `%` would expand, so the App= field is left out), profiles as DWORDs.
 */

export const TCP_RULE = 'RemoteDesktop-UserMode-In-TCP';
export const UDP_RULE = 'RemoteDesktop-UserMode-In-UDP';

export function ruleData(
  o: { action?: string; active?: boolean; protocol?: number; ports?: number[] } = {},
): string {
  const ports = (o.ports ?? [3389]).map((p) => `LPort=${p}|`).join('');
  return `v2.30|Action=${o.action ?? 'Allow'}|Active=${o.active === false ? 'FALSE' : 'TRUE'}|Dir=In|Protocol=${o.protocol ?? 6}|Profile=Domain|Profile=Private|Profile=Public|${ports}Svc=termservice|Name=@FirewallAPI.dll,-28775|Desc=@FirewallAPI.dll,-28756|EmbedCtxt=@FirewallAPI.dll,-28752|`;
}

export const setRule = (name: string, data: string, key = FIREWALL_RULES) =>
  `reg add "${key}" /v ${name} /t REG_SZ /d "${data}" /f >nul`;

export const setProfile = (profile: string, name: string, value: number, key = FIREWALL_POLICY) =>
  `reg add "${key}\\${profile}" /v ${name} /t REG_DWORD /d ${value} /f >nul`;

/** A healthy firewall: on in every profile, exceptions allowed, both RDP rules on 3389. */
export function healthyFirewall(): string[] {
  return [
    `reg delete "${FIREWALL_POLICY}" /f >nul 2>&1`,
    `reg delete "${FIREWALL_GPO}" /f >nul 2>&1`,
    setRule(TCP_RULE, ruleData()),
    setRule(UDP_RULE, ruleData({ protocol: 17 })),
    ...['DomainProfile', 'StandardProfile', 'PublicProfile'].flatMap((p) => [
      setProfile(p, 'EnableFirewall', 1),
      setProfile(p, 'DoNotAllowExceptions', 0),
    ]),
  ];
}
