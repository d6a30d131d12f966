import { moduleBody } from '../../src/emit/powershell/index.ts';
import { stringTable } from '../../src/emit/powershell/catalog-data.ts';
import { psLiteral, type PsValue } from '../../src/emit/powershell/literal.ts';
import type { Catalog } from '../../src/model/index.ts';
import { runInHost, UTILITY_SHIMS } from './host-harness.ts';
import { expect } from 'vitest';

/**
 * Described machines for running the generated module in the real engine: the platform
 * layer's read functions answer from $script:Machine, its write functions record calls in
 * $script:Calls and update the machine.
 */
export const READ_MOCKS = String.raw`
$env:ProgramData = 'C:\ProgramData'
$env:SystemRoot = 'C:\Windows'
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
        if (($Name -and $s.Name -eq $Name) -or (-not $Name -and $s.ProcessId -eq $ProcessId)) {
            # Every property the platform's Win32_Service reading returns, StartName too.
            [pscustomobject]@{ Name = $s.Name; State = $s.State; StartMode = $s.StartMode; ProcessId = $s.ProcessId; StartName = [string]$s['StartName'] }
        }
    }
}
function Get-RdpDependentService { param([string]$Name) }
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
            # Every certificate has a private key and no Enhanced Key Usage unless the machine says otherwise.
            [pscustomobject]@{ Store = $Store; Thumbprint = $c.Thumbprint; Subject = $c.Subject; Issuer = $c.Issuer; NotBefore = $script:Now.AddDays(-30); NotAfter = $script:Now.AddDays($c.DaysLeft); HasPrivateKey = -not $c.ContainsKey('NoKey'); EnhancedKeyUsages = $(if ($c.ContainsKey('Usages')) { $c.Usages } else { $null }) }
        }
    }
}
function Get-RdpPrivateKey {
    param([string]$Store, [string]$Thumbprint)
    $file = $null
    if ($script:Machine.ContainsKey('KeyFiles')) { $file = $script:Machine.KeyFiles[$Thumbprint] }
    [pscustomobject]@{ Opens = $true; File = $file }
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
function Get-RdpSecurityDescriptor { param([string]$Path) 'O:BAG:SYD:(A;;FA;;;BA)' }
function Get-RdpWindowsFeatureState { param([string]$Name) $script:Machine.Broker }
function Get-RdpTerminalServerMode { $script:Machine.TerminalServerMode }
# tspkg.dll of Windows Server 2019: a build the CredSSP table does not list.
function Get-RdpFileVersion { param([string]$Path) @(10, 0, 17763, 5830) }
function Get-RdpUserRightExport {
    '[Unicode]', 'Unicode=yes', '[Privilege Rights]',
    'SeRemoteInteractiveLogonRight = *S-1-5-32-544,*S-1-5-32-555',
    '[Version]', 'signature="$CHICAGO$"', 'Revision=1'
}
function Get-RdpAuditSetting {
    param([guid]$Subcategory)
    # Windows Server's default: Logon audits success and failure.
    3
}
function Get-RdpRegistryValueTable {
    param([string]$Path)
    $table = @{}
    foreach ($key in @($script:Machine.Registry.Keys)) {
        $at = $key.LastIndexOf('|')
        if ($key.Substring(0, $at) -eq $Path) { $table[$key.Substring($at + 1)] = $script:Machine.Registry[$key] }
    }
    $table
}
`;

export const MK = 'C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys';
export const KEY_FILE = `${MK}\\f686aace6942fb7f7ceb231212eef4a4_0123`;
export const TLS12 =
  'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server';
const TS_POLICY = 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';
/** The system store names its default entry (see src/powershell/boot-entry.ps1); no safeboot. */
const BOOT_STORE = {
  'HKLM:\\BCD00000000\\Objects\\{9dea862c-5cdd-4e70-acc1-f32b344d4795}\\Elements\\23000003|Element':
    '{6c1f4c2a-3d5e-11ee-9a5b-000d3a1f2b3c}',
};
const allow = (Sid: string, Rights: number) => ({
  Sid,
  Rights,
  AccessType: 'Allow',
  InheritOnly: false,
});

/** A healthy Windows Firewall: the Remote Desktop rule enabled on 3389 (rules are registry values). */
const FIREWALL = {
  'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\FirewallRules|RemoteDesktop-UserMode-In-TCP':
    'v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Domain|Profile=Private|Profile=Public|LPort=3389|Svc=termservice|EmbedCtxt=@FirewallAPI.dll,-28752|',
};
const FIREWALL_SERVICES = [
  { Name: 'MpsSvc', State: 'Running', StartMode: 'Auto', ProcessId: 1400 },
  { Name: 'BFE', State: 'Running', StartMode: 'Auto', ProcessId: 1400 },
];

/** The network services at Microsoft's defaults (network-service-down). */
const NETWORK_SERVICES = [
  {
    Name: 'Dhcp',
    State: 'Running',
    StartMode: 'Auto',
    StartName: 'NT Authority\\LocalService',
    ProcessId: 1200,
  },
  { Name: 'nsi', State: 'Running', StartMode: 'Auto', ProcessId: 1200 },
];

export const healthy = {
  Broker: false,
  /** Win32_TerminalServiceSetting.TerminalServerMode: 0, not a Session Host. */
  TerminalServerMode: 0,
  EventError: null,
  Registry: { ...BOOT_STORE, ...FIREWALL },
  Events: [],
  Services: [
    {
      Name: 'TermService',
      State: 'Running',
      StartMode: 'Manual',
      StartName: 'NT Authority\\NetworkService',
      ProcessId: 1000,
    },
    ...FIREWALL_SERVICES,
    ...NETWORK_SERVICES,
  ],
  Listeners: [{ Port: 3389, OwningProcess: 1000 }],
  Certificates: [
    {
      Store: 'Remote Desktop',
      Thumbprint: 'A'.repeat(40),
      Subject: 'CN=vm',
      Issuer: 'CN=vm',
      DaysLeft: 100,
      Usages: ['1.3.6.1.5.5.7.3.1'],
    },
  ],
  KeyFiles: { ['A'.repeat(40)]: KEY_FILE },
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

export const broken = {
  ...healthy,
  Registry: {
    ...BOOT_STORE,
    ...FIREWALL,
    [`${TLS12}|Enabled`]: 0,
    [`${TS_POLICY}|SecurityLayer`]: 2,
  },
  Events: [
    event('Schannel', 36871, 1, { Type: 'server', ErrorState: '10013' }),
    // A client credential (any program's outgoing TLS): nothing to do with RDP.
    event('Schannel', 36871, 2, { Type: 'client', ErrorState: '10013' }),
    event('Schannel', 36871, 3, { Type: 'server', ErrorState: '10011' }),
    event('Schannel', 36871, 30, { Type: 'server', ErrorState: '10011' }),
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

export const WRITE_MOCKS = String.raw`
$script:Calls = @()
$script:Manifests = @{}
# Folders never exist beforehand; a backup.json exists once written.
function Test-Path { param([string]$LiteralPath, [string]$PathType) $PathType -eq 'Leaf' -and $script:Manifests.ContainsKey($LiteralPath) }
function Resolve-RdpFileSystemPath { param([string]$Path) $Path }
function Write-Information { param([object]$MessageData, [string]$InformationAction) }
function Start-Sleep { param([int]$Seconds) }
function Test-RdpElevation { $script:Machine.Elevated }
function Get-RdpRegistryValueKind {
    param([string]$Path, [string]$Name)
    $key = $Path + '|' + $Name
    if (-not $script:Machine.Registry.ContainsKey($key)) { return $null }
    if ($script:Machine.Registry[$key] -is [byte[]]) { return 'Binary' }
    if ($script:Machine.Registry[$key] -is [int]) { return 'DWord' }
    'String'
}
function Set-RdpRegistryValue {
    param([string]$Path, [string]$Name, [string]$Type, [object]$Value)
    $shown = $Value
    if ($Value -is [byte[]]) { $shown = 'bytes:' + ($Value -join ' ') }
    $script:Calls += ('SET {0}|{1}={2} {3}' -f $Path, $Name, $shown, $Type)
    $script:Machine.Registry[$Path + '|' + $Name] = $Value
}
function Remove-RdpRegistryValue {
    param([string]$Path, [string]$Name)
    $script:Calls += ('DEL {0}|{1}' -f $Path, $Name)
    $script:Machine.Registry.Remove($Path + '|' + $Name)
}
# Stands in for services.ps1's Set-RdpServiceState itself (not the platform calls under it):
# these cases check the order of operations; the Pester suite runs the service logic.
function Set-RdpServiceState {
    param([string]$Name, [string]$State)
    $script:Calls += ('SVC {0} {1}' -f $Name, $State)
    if ($State -eq 'Stopped') { $script:Machine.Listeners = @(@{ Port = 3389; OwningProcess = 1000 }) }
}
function New-RdpProtectedDirectory { param([string]$Path) $script:Calls += ('MKDIR ' + $Path) }
function Get-RdpItemSecurity { param([string]$Path) [pscustomobject]@{ Owner = 'S-1-5-32-544'; Rules = @() } }
function Set-RdpOwner {
    param([string]$Path, [string]$Sid)
    $script:Calls += ('OWNER {0} {1}' -f $Path, $Sid)
}
function Write-RdpBackupManifest {
    param([string]$Path, [System.Collections.IDictionary]$Manifest)
    $script:Calls += ('WRITE ' + $Path)
    $script:Manifests[$Path] = $Manifest
}
function Read-RdpBackupManifest {
    param([string]$Path)
    if ($script:Manifests.ContainsKey($Path)) { return $script:Manifests[$Path] }
    $null
}
function Invoke-RdpNative { param([string]$FilePath, [string[]]$ArgumentList) $script:Calls += ('NATIVE ' + $FilePath + ' ' + ($ArgumentList -join ' ')) }
`;

export interface Case {
  machine: object;
  /** PowerShell to run against the module on that machine. */
  call: string;
}

export interface CaseResult {
  /** Output lines of the call (an uncaught error becomes "ERROR <message>"). */
  lines: string[];
  /** Platform write calls, in order. */
  calls: string[];
  /** Event queries, "<channel> => <xpath>". */
  xpaths: string[];
  /** Write-Warning messages. */
  warnings: string[];
}

/**
 * Runs every case against the generated module in one engine session (starting the engine
 * costs seconds); each case starts from its own machine and empty call records.
 */
export function runCases<K extends string>(
  dll: string,
  catalog: Catalog,
  cases: Record<K, Case>,
): Record<K, CaseResult> {
  const names = Object.keys(cases) as K[];
  const script = [
    'Set-StrictMode -Version Latest',
    "$ErrorActionPreference = 'Stop'",
    `$script:RdpStrings = ${psLiteral(stringTable(catalog, 'en-US'))}`,
    moduleBody(catalog, '9.8.7'),
    UTILITY_SHIMS,
    READ_MOCKS,
    WRITE_MOCKS,
    ...names.flatMap((name) => [
      `'CASE ${name}'`,
      `$script:Machine = ${psLiteral(cases[name].machine as PsValue)}`,
      '$script:Calls = @()',
      '$script:XPaths = @()',
      '$script:Warnings = @()',
      'try {',
      cases[name].call,
      '}',
      "catch { 'ERROR ' + $_.Exception.Message }",
      "$script:XPaths | ForEach-Object { 'XPATH ' + $_ }",
      "$script:Calls | ForEach-Object { 'CALL ' + $_ }",
      "$script:Warnings | ForEach-Object { 'WARN ' + $_ }",
    ]),
  ];
  const run = runInHost(dll, script);
  expect(run.terminatingError).toBeNull();
  expect(run.errors).toEqual([]);
  const results = {} as Record<K, CaseResult>;
  let current: CaseResult | undefined;
  for (const line of run.output.map(String)) {
    if (line.startsWith('CASE ')) {
      current = { lines: [], calls: [], xpaths: [], warnings: [] };
      results[line.slice(5) as K] = current;
    } else if (!current) throw new Error(`output before the first case: ${line}`);
    else if (line.startsWith('XPATH ')) current.xpaths.push(line.slice(6));
    else if (line.startsWith('CALL ')) current.calls.push(line.slice(5));
    else if (line.startsWith('WARN ')) current.warnings.push(line.slice(5));
    else current.lines.push(line);
  }
  expect(Object.keys(results)).toEqual(names);
  return results;
}
