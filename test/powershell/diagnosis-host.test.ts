import { describe, expect, it, type TestContext } from 'vitest';
import { REPORT_LINE, VERDICT_LINE } from '../../src/model/index.ts';
import { emitted } from './emitted.ts';
import { requireHost } from './host-harness.ts';
import { broken, healthy, runCases, type CaseResult } from './machines.ts';

// Invoke-RdpDiagnosis from the generated module, run in PowerShell's real engine with the
// platform layer mocked by described machines.

const CASES = {
  healthy: { machine: healthy, call: 'Invoke-RdpDiagnosis -AsText' },
  broken: { machine: broken, call: 'Invoke-RdpDiagnosis -AsText' },
  since: { machine: broken, call: 'Invoke-RdpDiagnosis -Since 48 -AsText' },
  sinceTimeSpan: {
    machine: broken,
    call: "Invoke-RdpDiagnosis -Since ([timespan]'2.00:00:00') -AsText",
  },
  badSince: { machine: broken, call: "Invoke-RdpDiagnosis -Since 'soon' -AsText" },
  unreadable: {
    machine: { ...healthy, EventError: 'The RPC server is unavailable.' },
    call: 'Invoke-RdpDiagnosis -AsText',
  },
  objects: {
    machine: broken,
    call: "Invoke-RdpDiagnosis -Scenario 'rdp-port-conflict' | ForEach-Object { $_.Id + '|' + $_.Status + '|' + $_.Title + '|' + ((@($_.RecommendedFixes) | ForEach-Object { $_.Command }) -join ',') }",
  },
};

describe('Invoke-RdpDiagnosis in the real PowerShell engine, platform mocked', async () => {
  const { catalog } = await emitted();
  let results: Record<keyof typeof CASES, CaseResult> | undefined;
  function result(ctx: TestContext, name: keyof typeof CASES): CaseResult | undefined {
    const dll = requireHost(ctx);
    if (!dll) return undefined;
    results ??= runCases(dll, catalog, CASES);
    return results[name];
  }

  it('a healthy machine: every scenario CLEAR, the broker one not applicable', (ctx) => {
    const r = result(ctx, 'healthy');
    if (!r) return;
    expect(r.lines).toEqual([
      'RDPRESCUE account-locked-or-expired CLEAR -',
      'RDPRESCUE broker-hostname CLEAR n/a:broker-role-installed',
      'RDPRESCUE credssp-oracle CLEAR -',
      'RDPRESCUE guest-firewall-blocks-rdp CLEAR -',
      'RDPRESCUE machinekeys-access CLEAR -',
      'RDPRESCUE max-connections-reached CLEAR -',
      'RDPRESCUE network-service-down CLEAR -',
      'RDPRESCUE nla-dc-unreachable CLEAR -',
      'RDPRESCUE rdp-cert-invalid CLEAR -',
      'RDPRESCUE rdp-disabled CLEAR -',
      'RDPRESCUE rdp-listener-disabled CLEAR -',
      'RDPRESCUE rdp-port-conflict CLEAR -',
      'RDPRESCUE rdp-port-firewall-mismatch CLEAR n/a:rdp-port-changed',
      'RDPRESCUE rds-licensing-expired CLEAR n/a:rdsh-role-installed',
      'RDPRESCUE safe-mode-boot CLEAR -',
      'RDPRESCUE security-layer-mismatch CLEAR n/a:rdp-security-layer-rdp',
      'RDPRESCUE termservice-not-running CLEAR -',
      'RDPRESCUE tls-disabled CLEAR -',
      'RDPRESCUE user-not-authorized CLEAR -',
      'RDPRESCUE verdict 0 detected',
    ]);
  });

  it('a broken machine: four scenarios DETECTED with their evidence, policy winning over local', (ctx) => {
    const r = result(ctx, 'broken');
    if (!r) return;
    expect(r.lines).toEqual([
      'RDPRESCUE account-locked-or-expired CLEAR -',
      'RDPRESCUE broker-hostname CLEAR n/a:broker-role-installed',
      'RDPRESCUE credssp-oracle CLEAR -',
      'RDPRESCUE guest-firewall-blocks-rdp CLEAR -',
      'RDPRESCUE machinekeys-access DETECTED ev-rcm-cert=1,machinekeys-acl=missing:S-1-5-32-544',
      'RDPRESCUE max-connections-reached CLEAR -',
      'RDPRESCUE network-service-down CLEAR -',
      'RDPRESCUE nla-dc-unreachable CLEAR -',
      'RDPRESCUE rdp-cert-invalid DETECTED rdp-cert-store=empty',
      'RDPRESCUE rdp-disabled CLEAR -',
      'RDPRESCUE rdp-listener-disabled CLEAR -',
      'RDPRESCUE rdp-port-conflict DETECTED rdp-listener=3389/pid:999',
      'RDPRESCUE rdp-port-firewall-mismatch CLEAR n/a:rdp-port-changed',
      'RDPRESCUE rds-licensing-expired CLEAR n/a:rdsh-role-installed',
      'RDPRESCUE safe-mode-boot CLEAR -',
      'RDPRESCUE security-layer-mismatch CLEAR n/a:rdp-security-layer-rdp',
      'RDPRESCUE termservice-not-running CLEAR -',
      'RDPRESCUE tls-disabled DETECTED ev-schannel-credential=2/ErrorState:10013+10011,tls12-server-off=0,rdp-requires-tls=gpo:2',
      'RDPRESCUE user-not-authorized CLEAR -',
      'RDPRESCUE verdict 4 detected',
    ]);
    for (const line of r.lines.slice(0, -1)) expect(line).toMatch(REPORT_LINE);
    expect(r.lines.at(-1)).toMatch(VERDICT_LINE);
    expect(Buffer.byteLength(r.lines.join('\r\n') + '\r\n')).toBeLessThan(1500);
  });

  it('reads each channel once, covering every provider and id of that channel', (ctx) => {
    const r = result(ctx, 'since');
    if (!r) return;
    const channels = r.xpaths.map((x) => x.split(' => ')[0]);
    expect(channels).toEqual([...new Set(channels)]);
    // Security, System, the two broker channels, RemoteConnectionManager/Admin.
    expect(channels).toHaveLength(5);
    expect(r.xpaths.find((x) => x.startsWith('System => '))).toBe(
      "System => *[System[Provider[@Name='Microsoft-Windows-TerminalServices-RemoteConnectionManager' or @Name='Schannel' or @Name='Service Control Manager'] and (EventID=1057 or EventID=1058 or EventID=7000 or EventID=7001 or EventID=7022 or EventID=7023 or EventID=36870 or EventID=36871 or EventID=36872) and TimeCreated[timediff(@SystemTime) <= 172800000]]]",
    );
    expect(r.lines).toContain(
      'RDPRESCUE tls-disabled DETECTED ev-schannel-credential=3/ErrorState:10013+10011,tls12-server-off=0,rdp-requires-tls=gpo:2',
    );
  });

  it('takes -Since as a TimeSpan too, and rejects what is neither', (ctx) => {
    const span = result(ctx, 'sinceTimeSpan');
    const bad = result(ctx, 'badSince');
    if (!span || !bad) return;
    expect(span.lines).toEqual(result(ctx, 'since')!.lines);
    expect(bad.lines).toEqual([
      'ERROR -Since must be a positive TimeSpan or a number of hours, not "soon".',
    ]);
  });

  it('an event log that cannot be read makes its scenarios UNKNOWN, never CLEAR', (ctx) => {
    const r = result(ctx, 'unreadable');
    if (!r) return;
    expect(r.lines).toContain('RDPRESCUE machinekeys-access UNKNOWN ev-rcm-cert?,ev-schannel-key?');
    expect(r.lines).toContain('RDPRESCUE tls-disabled UNKNOWN ev-schannel-credential?');
    expect(r.lines).toContain('RDPRESCUE rdp-port-conflict CLEAR -');
  });

  it('returns objects with a localized title, a status word and the recommended fix commands', (ctx) => {
    const r = result(ctx, 'objects');
    if (!r) return;
    const title = catalog.scenarios.find((s) => s.id === 'rdp-port-conflict')!.title['en-US'];
    expect(r.lines).toEqual([
      `rdp-port-conflict|Detected|${title}|Stop-RdpPortConflict,Set-RdpPort`,
    ]);
  });
});
