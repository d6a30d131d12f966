import { describe, expect, it } from 'vitest';
import { moduleBody } from '../../src/emit/powershell/index.ts';
import { stringTable } from '../../src/emit/powershell/catalog-data.ts';
import { psLiteral, type PsValue } from '../../src/emit/powershell/literal.ts';
import { REPORT_LINE, VERDICT_LINE } from '../../src/model/index.ts';
import { emitted } from './emitted.ts';
import { requireHost, runInHost, UTILITY_SHIMS } from './host-harness.ts';

// Invoke-RdpDiagnosis from the generated module, run in PowerShell's real engine with the
// platform layer mocked by a described machine.

const MOCKS = String.raw`
$env:ProgramData = 'C:\ProgramData'
$script:Now = [datetime]'2026-11-23T12:00:00'
$script:XPaths = @()
function Get-RdpDate { $script:Now }
function Get-RdpRegistryValue {
    param([string]$Path, [string]$Name)
    $key = $Path + '|' + $Name
    if ($script:Machine.Registry.ContainsKey($key)) { return , $script:Machine.Registry[$key] }
    $null
}
function Get-RdpEventRecord {
    param([string]$Channel, [string]$XPath, [int]$MaxEvents = 1000)
    $script:XPaths += ($Channel + ' => ' + $XPath)
    if ($script:Machine.EventError) { throw $script:Machine.EventError }
    foreach ($e in $script:Machine.Events) {
        if ($e.Channel -eq $Channel) {
            [pscustomobject]@{ ProviderName = $e.ProviderName; Id = $e.Id; TimeCreated = $script:Now.AddHours(-$e.HoursAgo); Data = $e.Data }
        }
    }
}
function Get-RdpServiceInfo {
    param([string]$Name, [int]$ProcessId)
    foreach ($s in $script:Machine.Services) {
        if (($Name -and $s.Name -eq $Name) -or (-not $Name -and $s.ProcessId -eq $ProcessId)) { [pscustomobject]$s }
    }
}
function Get-RdpTcpListener {
    param([int]$Port)
    foreach ($l in $script:Machine.Listeners) {
        if ($l.Port -eq $Port) { [pscustomobject]@{ LocalAddress = '0.0.0.0'; LocalPort = $l.Port; OwningProcess = $l.OwningProcess } }
    }
}
function Get-RdpCertificate {
    param([string]$Store)
    foreach ($c in $script:Machine.Certificates) {
        if ($c.Store -eq $Store) {
            [pscustomobject]@{ Store = $Store; Thumbprint = $c.Thumbprint; Subject = $c.Subject; Issuer = $c.Issuer; NotBefore = $script:Now.AddDays(-30); NotAfter = $script:Now.AddDays($c.DaysLeft) }
        }
    }
}
function Get-RdpAccessRule {
    param([string]$Path)
    foreach ($r in $script:Machine.Acl[$Path]) { [pscustomobject]$r }
}
function Get-RdpChildFile {
    param([string]$Path, [string]$Prefix = '', [switch]$Recurse)
    foreach ($f in @($script:Machine.Files[$Path])) {
        if ($f -and $f.Substring($f.LastIndexOf('\') + 1).StartsWith($Prefix)) { $f }
    }
}
function Get-RdpWindowsFeatureState { param([string]$Name) $script:Machine.Broker }
`;

const MK = 'C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys';
const KEY_FILE = `${MK}\\f686aace6942fb7f7ceb231212eef4a4_0123`;
const TLS12 =
  'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server';
const TS_POLICY = 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';
const allow = (Sid: string, Rights: number) => ({
  Sid,
  Rights,
  AccessType: 'Allow',
  InheritOnly: false,
});

const healthy = {
  Broker: false,
  EventError: null,
  Registry: {},
  Events: [],
  Services: [{ Name: 'TermService', State: 'Running', StartMode: 'Auto', ProcessId: 1000 }],
  Listeners: [{ Port: 3389, OwningProcess: 1000 }],
  Certificates: [
    {
      Store: 'Remote Desktop',
      Thumbprint: 'A'.repeat(40),
      Subject: 'CN=vm',
      Issuer: 'CN=vm',
      DaysLeft: 100,
    },
  ],
  Acl: {
    [MK]: [allow('S-1-1-0', 0x12019f), allow('S-1-5-32-544', 0x1f01ff)],
    [KEY_FILE]: [
      allow('S-1-5-18', 0x1f01ff),
      allow('S-1-5-32-544', 0x1f01ff),
      allow('S-1-5-20', 0x120089),
    ],
  },
  Files: { [MK]: [KEY_FILE] },
};

const event = (
  ProviderName: string,
  Id: number,
  HoursAgo: number,
  Data: Record<string, string> = {},
) => ({
  Channel: 'System',
  ProviderName,
  Id,
  HoursAgo,
  Data,
});

const broken = {
  ...healthy,
  Registry: { [`${TLS12}|Enabled`]: 0, [`${TS_POLICY}|SecurityLayer`]: 2 },
  Events: [
    event('Schannel', 36871, 1, { ErrorState: '10013' }),
    event('Schannel', 36871, 3, { ErrorState: '10011' }),
    event('Schannel', 36871, 30, { ErrorState: '10011' }),
    event('Microsoft-Windows-TerminalServices-RemoteConnectionManager', 1057, 2),
  ],
  Services: [
    ...healthy.Services,
    { Name: 'Squatter', State: 'Running', StartMode: 'Auto', ProcessId: 999 },
  ],
  Listeners: [{ Port: 3389, OwningProcess: 999 }],
  Certificates: [],
  Acl: { ...healthy.Acl, [MK]: [allow('S-1-1-0', 0x12019f)] },
};

describe('Invoke-RdpDiagnosis in the real PowerShell engine, platform mocked', async () => {
  const { catalog } = await emitted();
  const body = moduleBody(catalog, '9.8.7');
  const strings = psLiteral(stringTable(catalog, 'en-US'));

  function diagnose(ctx: Parameters<typeof requireHost>[0], machine: object, call: string) {
    const dll = requireHost(ctx);
    if (!dll) return undefined;
    const run = runInHost(dll, [
      'Set-StrictMode -Version Latest',
      "$ErrorActionPreference = 'Stop'",
      `$script:RdpStrings = ${strings}`,
      body,
      UTILITY_SHIMS,
      MOCKS,
      `$script:Machine = ${psLiteral(machine as PsValue)}`,
      call,
      "$script:XPaths | ForEach-Object { 'XPATH ' + $_ }",
    ]);
    expect(run.terminatingError).toBeNull();
    expect(run.errors).toEqual([]);
    const output = run.output.map(String);
    return {
      report: output.filter((l) => !l.startsWith('XPATH ')),
      xpaths: output.filter((l) => l.startsWith('XPATH ')).map((l) => l.slice(6)),
    };
  }

  it('a healthy machine: every scenario CLEAR, the broker one not applicable', (ctx) => {
    const r = diagnose(ctx, healthy, 'Invoke-RdpDiagnosis -AsText');
    if (!r) return;
    expect(r.report).toEqual([
      'RDPRESCUE broker-hostname CLEAR n/a:broker-role-installed',
      'RDPRESCUE machinekeys-access CLEAR -',
      'RDPRESCUE rdp-cert-invalid CLEAR -',
      'RDPRESCUE rdp-port-conflict CLEAR -',
      'RDPRESCUE tls-disabled CLEAR -',
      'RDPRESCUE verdict 0 detected',
    ]);
  });

  it('a broken machine: four scenarios DETECTED with their evidence, policy winning over local', (ctx) => {
    const r = diagnose(ctx, broken, 'Invoke-RdpDiagnosis -AsText');
    if (!r) return;
    expect(r.report).toEqual([
      'RDPRESCUE broker-hostname CLEAR n/a:broker-role-installed',
      'RDPRESCUE machinekeys-access DETECTED ev-rcm-cert=1,machinekeys-acl=missing:S-1-5-32-544',
      'RDPRESCUE rdp-cert-invalid DETECTED rdp-cert-store=empty',
      'RDPRESCUE rdp-port-conflict DETECTED rdp-listener=3389/pid:999',
      'RDPRESCUE tls-disabled DETECTED ev-schannel-credential=2/ErrorState:10013,tls12-server-off=0,rdp-requires-tls=gpo:2',
      'RDPRESCUE verdict 4 detected',
    ]);
    for (const line of r.report.slice(0, -1)) expect(line).toMatch(REPORT_LINE);
    expect(r.report.at(-1)).toMatch(VERDICT_LINE);
    expect(Buffer.byteLength(r.report.join('\r\n') + '\r\n')).toBeLessThan(1500);
  });

  it('reads each channel once, covering every provider and id of that channel', (ctx) => {
    const r = diagnose(ctx, broken, 'Invoke-RdpDiagnosis -Since 48 -AsText');
    if (!r) return;
    const channels = r.xpaths.map((x) => x.split(' => ')[0]);
    expect(channels).toEqual([...new Set(channels)]);
    expect(channels).toHaveLength(3);
    const system = r.xpaths.find((x) => x.startsWith('System => '))!;
    expect(system).toBe(
      "System => *[System[Provider[@Name='Microsoft-Windows-TerminalServices-RemoteConnectionManager' or @Name='Schannel'] and (EventID=1057 or EventID=1058 or EventID=36870 or EventID=36871 or EventID=36872) and TimeCreated[timediff(@SystemTime) <= 172800000]]]",
    );
    expect(r.report).toContain(
      'RDPRESCUE tls-disabled DETECTED ev-schannel-credential=3/ErrorState:10013,tls12-server-off=0,rdp-requires-tls=gpo:2',
    );
  });

  it('an event log that cannot be read makes its scenarios UNKNOWN, never CLEAR', (ctx) => {
    const r = diagnose(
      ctx,
      { ...healthy, EventError: 'The RPC server is unavailable.' },
      'Invoke-RdpDiagnosis -AsText',
    );
    if (!r) return;
    expect(r.report).toContain(
      'RDPRESCUE machinekeys-access UNKNOWN ev-rcm-cert?,ev-schannel-key?',
    );
    expect(r.report).toContain('RDPRESCUE tls-disabled UNKNOWN ev-schannel-credential?');
    expect(r.report).toContain('RDPRESCUE rdp-port-conflict CLEAR -');
  });

  it('returns objects with a localized title, a status word and the recommended fix commands', (ctx) => {
    const r = diagnose(
      ctx,
      broken,
      "Invoke-RdpDiagnosis -Scenario 'rdp-port-conflict' | ForEach-Object { $_.Id + '|' + $_.Status + '|' + $_.Title + '|' + ((@($_.RecommendedFixes) | ForEach-Object { $_.Command }) -join ',') }",
    );
    if (!r) return;
    const title = catalog.scenarios.find((s) => s.id === 'rdp-port-conflict')!.title['en-US'];
    expect(r.report).toEqual([
      `rdp-port-conflict|Detected|${title}|Stop-RdpPortConflict,Set-RdpPort`,
    ]);
  });
});
