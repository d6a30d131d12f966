import { describe, expect, it, type TestContext } from 'vitest';
import { emitted } from './emitted.ts';
import { requireHost } from './host-harness.ts';
import {
  broken,
  healthy,
  KEY_FILE,
  MK,
  runCases,
  TLS12,
  type Case,
  type CaseResult,
} from './machines.ts';

// Invoke-RdpRepair and the fix commands from the generated module, in the real engine, with
// the platform layer mocked: what is changed, in which order, and what is refused.

const ROOT = 'C:\\backup';
const FOLDER = `${ROOT}\\20261123-120000`;
const RESULTS =
  "| ForEach-Object { 'RESULT ' + $_.Fix + ' ' + $_.Result + ' reboot=' + $_.RebootRequired + ' ' + ($_.RestartedServices -join '+') }";
const THUMB = 'C'.repeat(40);
const RDP_TCP = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';

const elevated = (machine: object) => ({ Elevated: true, ...machine });
const CA_KEY = `${MK}\\0123456789abcdef0123456789abcdef_0123`;
const SYSTEM_FULL = { Sid: 'S-1-5-18', Rights: 0x1f01ff, AccessType: 'Allow', InheritOnly: false };
const NS_READ = { Sid: 'S-1-5-20', Rights: 0x120089, AccessType: 'Allow', InheritOnly: false };
const repairTls = `Invoke-RdpRepair -Scenario tls-disabled -BackupRoot '${ROOT}' -Confirm:$false ${RESULTS}`;
const repairPort = `Invoke-RdpRepair -Scenario rdp-port-conflict -BackupRoot '${ROOT}' -Confirm:$false ${RESULTS}`;

const CASES = {
  tls: { machine: elevated(broken), call: repairTls },
  alreadyClear: { machine: elevated(healthy), call: repairTls },
  whatIf: {
    machine: elevated(broken),
    call: `Invoke-RdpRepair -Scenario tls-disabled -BackupRoot '${ROOT}' -WhatIf ${RESULTS}`,
  },
  notElevated: { machine: { ...broken, Elevated: false }, call: repairTls },
  optInWithoutPort: {
    machine: elevated(broken),
    call: `Invoke-RdpRepair -Scenario rdp-port-conflict -Fix set-rdp-port -BackupRoot '${ROOT}' -Confirm:$false`,
  },
  portOwnerService: { machine: elevated(broken), call: repairPort },
  portOwnerProcess: {
    machine: elevated({ ...broken, Services: healthy.Services }),
    call: repairPort,
  },
  badThumbprint: {
    machine: elevated(broken),
    call: `Set-RdpCertificateBinding -Thumbprint ('b' * 40) -BackupRoot '${ROOT}' -Confirm:$false`,
  },
  goodThumbprint: {
    machine: elevated({
      ...broken,
      Certificates: [
        { Store: 'My', Thumbprint: THUMB, Subject: 'CN=vm', Issuer: 'CN=CA', DaysLeft: 300 },
      ],
      KeyFiles: { [THUMB]: CA_KEY },
      // The mocked icacls changes nothing, so the grant reads back only if it was there.
      Acl: { ...broken.Acl, [CA_KEY]: [{ ...SYSTEM_FULL }, { ...NS_READ }] },
    }),
    call: `Set-RdpCertificateBinding -Thumbprint ('c' * 40) -BackupRoot '${ROOT}' -Confirm:$false ${RESULTS}`,
  },
  restoreValues: {
    machine: elevated(broken),
    call: [
      '$context = New-RdpContext',
      `$script:Machine.Registry['${RDP_TCP}|SSLCertificateSHA1Hash'] = [byte[]](1, 2, 255)`,
      ...['Enabled', 'DisabledByDefault', 'SSLCertificateSHA1Hash'].map(
        (name, i) =>
          `$e${i} = [pscustomobject](Backup-RdpRegistryValueItem -Item @{ Kind = 'registry-value'; Key = '${i < 2 ? TLS12 : RDP_TCP}'; Name = '${name}' } -Context $context -Folder 'C:\\b')`,
      ),
      "Set-RdpRegistryValue -Path $e0.Key -Name 'Enabled' -Type 'REG_DWORD' -Value 1",
      "Set-RdpRegistryValue -Path $e1.Key -Name 'DisabledByDefault' -Type 'REG_DWORD' -Value 0",
      "Remove-RdpRegistryValue -Path $e2.Key -Name 'SSLCertificateSHA1Hash'",
      "foreach ($e in @($e2, $e1, $e0)) { Restore-RdpRegistryValueItem -Entry $e -Folder 'C:\\b' }",
      '$e2.Value',
    ].join('\n'),
  },
  suspendPolicy: {
    machine: elevated(broken),
    call: `Suspend-RdpGroupPolicy -BackupRoot '${ROOT}' -Confirm:$false ${RESULTS}`,
  },
  machineKeys: {
    machine: elevated(broken),
    call: `Invoke-RdpRepair -Scenario machinekeys-access -Fix reset-machinekeys-acl -BackupRoot '${ROOT}' -Confirm:$false ${RESULTS}`,
  },
  undo: {
    machine: elevated(broken),
    call: [
      `$null = Invoke-RdpRepair -Scenario tls-disabled -BackupRoot '${ROOT}' -Confirm:$false`,
      "$script:Calls = @('-- undo --')",
      `Undo-RdpRepair -BackupPath '${FOLDER}' -Confirm:$false | ForEach-Object { $_.Result + ' ' + $_.Restored + ' ' + $_.Summary }`,
      `Undo-RdpRepair -BackupPath '${ROOT}\\nothing-here' -Confirm:$false`,
    ].join('\n'),
  },
} satisfies Record<string, Case>;

describe('Invoke-RdpRepair in the real PowerShell engine, platform mocked', async () => {
  const { catalog } = await emitted();
  let results: Record<keyof typeof CASES, CaseResult> | undefined;
  function result(ctx: TestContext, name: keyof typeof CASES): CaseResult | undefined {
    const dll = requireHost(ctx);
    if (!dll) return undefined;
    results ??= runCases(dll, catalog, CASES);
    return results[name];
  }

  it('backs up first, then applies the non-opt-in fix and reports the reboot', (ctx) => {
    const r = result(ctx, 'tls');
    if (!r) return;
    expect(r.lines).toEqual(['RESULT enable-tls12-server Applied reboot=True ']);
    expect(r.calls).toEqual([
      `MKDIR ${ROOT}`,
      `MKDIR ${FOLDER}`,
      `WRITE ${FOLDER}\\backup.json`,
      `SET ${TLS12}|Enabled=1 REG_DWORD`,
      `SET ${TLS12}|DisabledByDefault=0 REG_DWORD`,
    ]);
  });

  it('skips a fix whose checks are already clear, and changes nothing', (ctx) => {
    const r = result(ctx, 'alreadyClear');
    if (!r) return;
    expect(r.lines).toEqual(['RESULT enable-tls12-server Skipped reboot=False ']);
    expect(r.calls).toEqual([]);
  });

  it('changes nothing with -WhatIf', (ctx) => {
    const r = result(ctx, 'whatIf');
    if (!r) return;
    expect(r.lines).toEqual([]);
    expect(r.calls).toEqual([]);
  });

  it('refuses without elevation, before any backup or change', (ctx) => {
    const r = result(ctx, 'notElevated');
    if (!r) return;
    expect(r.lines).toEqual([
      'ERROR This command changes the machine: run it in an elevated session (as Administrator).',
    ]);
    expect(r.calls).toEqual([]);
  });

  it('runs an opt-in fix only when named, and demands its parameter', (ctx) => {
    const r = result(ctx, 'optInWithoutPort');
    if (!r) return;
    expect(r.lines).toEqual(["ERROR Fix 'set-rdp-port' needs -Port."]);
    expect(r.calls).toEqual([]);
  });

  it('stops the service holding the RDP port, then verifies TermService listens', (ctx) => {
    const r = result(ctx, 'portOwnerService');
    if (!r) return;
    expect(r.lines).toEqual(['RESULT stop-port-owner Applied reboot=False TermService']);
    expect(r.calls).toEqual([
      `MKDIR ${ROOT}`,
      `MKDIR ${FOLDER}`,
      `WRITE ${FOLDER}\\backup.json`,
      'SVC Squatter Stopped',
      'SVC TermService Restarted',
    ]);
  });

  it('never kills a process that is not a service', (ctx) => {
    const r = result(ctx, 'portOwnerProcess');
    if (!r) return;
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(
      /^ERROR Fix 'stop-port-owner' failed: Process 999 holds port 3389 and is not a service\./,
    );
    expect(r.calls.filter((c) => c.startsWith('SVC'))).toEqual([]);
  });

  it('refuses a thumbprint that is not a valid certificate in LocalMachine\\My', (ctx) => {
    const r = result(ctx, 'badThumbprint');
    if (!r) return;
    expect(r.lines).toEqual([
      `ERROR No present, unexpired certificate with thumbprint ${'B'.repeat(40)} is in Cert:\\LocalMachine\\My.`,
    ]);
    expect(r.calls).toEqual([]);
  });

  it('writes a valid thumbprint as REG_BINARY bytes and restarts TermService', (ctx) => {
    const r = result(ctx, 'goodThumbprint');
    if (!r) return;
    expect(r.lines).toEqual(['RESULT set-rdp-cert-binding Applied reboot=False TermService']);
    expect(r.calls).toEqual([
      `MKDIR ${ROOT}`,
      `MKDIR ${FOLDER}`,
      `WRITE ${FOLDER}\\backup.json`,
      `SET ${RDP_TCP}|SSLCertificateSHA1Hash=bytes:${Array(20).fill('204').join(' ')} REG_BINARY`,
      `NATIVE C:\\Windows\\System32\\icacls.exe ${CA_KEY} /grant *S-1-5-20:(R) /c /q`,
      'SVC TermService Restarted',
    ]);
  });

  it('restores registry values exactly: DWORDs, binary bytes, and absence', (ctx) => {
    const r = result(ctx, 'restoreValues');
    if (!r) return;
    expect(r.lines).toEqual(['AQL/']);
    expect(r.calls).toEqual([
      `SET ${TLS12}|Enabled=1 REG_DWORD`,
      `SET ${TLS12}|DisabledByDefault=0 REG_DWORD`,
      `DEL ${RDP_TCP}|SSLCertificateSHA1Hash`,
      `SET ${RDP_TCP}|SSLCertificateSHA1Hash=bytes:1 2 255 REG_BINARY`,
      `DEL ${TLS12}|DisabledByDefault`,
      `SET ${TLS12}|Enabled=0 REG_DWORD`,
    ]);
  });

  it('says how to restore when a fix weakens security, and that a reboot is needed', (ctx) => {
    const r = result(ctx, 'suspendPolicy');
    if (!r) return;
    expect(r.lines).toEqual(['RESULT suspend-group-policy Applied reboot=True ']);
    expect(r.calls.at(-1)).toBe(
      'SET HKLM:\\SYSTEM\\CurrentControlSet\\Services\\gpsvc|Start=4 REG_DWORD',
    );
    const fix = catalog.fixes.find((f) => f.id === 'suspend-group-policy')!;
    expect(r.warnings).toEqual([
      `SECURITY: ${fix.weakensSecurity!.warning['en-US']} To restore: ${fix.weakensSecurity!.restore['en-US']}`,
      'Restart the computer to complete the repair.',
    ]);
  });

  it('repairs MachineKeys owner by owner, grants by SID, and reports a grant that does not read back', (ctx) => {
    const r = result(ctx, 'machineKeys');
    if (!r) return;
    const icacls = 'NATIVE C:\\Windows\\System32\\icacls.exe';
    expect(r.calls).toEqual([
      `MKDIR ${ROOT}`,
      `MKDIR ${FOLDER}`,
      `WRITE ${FOLDER}\\backup.json`,
      `OWNER ${MK} S-1-5-32-544`,
      `OWNER ${KEY_FILE} S-1-5-32-544`,
      `${icacls} ${MK} /grant *S-1-5-18:(F) /grant *S-1-5-32-544:(F) /c /q /t`,
      `${icacls} ${KEY_FILE} /grant *S-1-5-20:(R) /c /q`,
      'SVC TermService Restarted',
    ]);
    // The mocked icacls changes nothing: the folder's grants do not read back.
    expect(r.lines).toEqual(['RESULT reset-machinekeys-acl Partial reboot=False TermService']);
    expect(r.warnings).toEqual([
      // A Partial result also says which checks still fire after the fix.
      `Fix 'reset-machinekeys-acl' was applied only in part: 1 item(s) were not changed: ${MK}: after icacls the permissions do not include *S-1-5-18:(F) *S-1-5-32-544:(F) Fix 'reset-machinekeys-acl' ran, but these checks still fire: machinekeys-acl.`,
    ]);
  });

  it('undoes a repair from its backup manifest, in reverse order', (ctx) => {
    const r = result(ctx, 'undo');
    if (!r) return;
    expect(r.calls).toEqual([
      '-- undo --',
      `DEL ${TLS12}|DisabledByDefault`,
      `SET ${TLS12}|Enabled=0 REG_DWORD`,
    ]);
    expect(r.lines).toEqual([
      `Restored 2 Restored 2 item(s) from ${FOLDER}.`,
      `ERROR No RdpRescue backup manifest (backup.json) in ${ROOT}\\nothing-here.`,
    ]);
  });
});
