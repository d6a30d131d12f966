import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, read } from './fix-session.ts';
import { GPSVC, PROTOCOLS, RDP, TLS12 } from './keys.ts';
import { TERMSERVICE_PID, listener, listeners } from './listening.ts';

/**
 * Every .cmd file of dist-ps/cmd but the diagnosis, run as a batch file (cmd /c) in Wine:
 * the registry end state, exit code 0 only when applied and verified, 2 when a parameter
 * is refused (nothing changed), 1 when a change or its verification failed.
 */

const session = new FixSession();
let w: FixSession['w'];
const tested = new Set<string>();

beforeAll(async () => {
  await session.start('cmd-fixes-batch');
  w = session.w;
});

function run(fix: string, args: string[] = []) {
  tested.add(fix);
  return session.batch(fix, args);
}

/** Fix -> the test file that runs its .cmd in batch mode (its session needs its own set-up). */
const BATCH_TESTED_ELSEWHERE: Record<string, string> = {
  'allow-rdp-connections': 'fixes-rdp-disabled.test.ts',
  'enable-terminal-server': 'fixes-rdp-listener.test.ts',
  'enable-rdp-listener': 'fixes-rdp-listener.test.ts',
  'start-termservice': 'fixes-termservice.test.ts',
  'disable-nla': 'fixes-disable-nla.test.ts',
  'remove-safe-boot': 'fixes-safe-mode.test.ts',
  'set-rdp-encryption-high': 'fixes-security-layer.test.ts',
  'disable-fips-algorithm-policy': 'fixes-security-layer.test.ts',
  'set-rdp-security-layer-tls': 'fixes-security-layer.test.ts',
  'set-credssp-mitigated': 'fixes-security-layer.test.ts',
  'restore-rdp-connection-limit': 'fixes-security-layer.test.ts',
  'start-network-services': 'fixes-network-services.test.ts',
  'reset-dhcp-logon-account': 'fixes-network-services.test.ts',
  'reset-termservice-logon-account': 'fixes-network-services.test.ts',
  'allow-firewall-inbound-exceptions': 'fixes-firewall.test.ts',
  'enable-rdp-firewall-rules': 'fixes-firewall.test.ts',
  'open-rdp-port-in-firewall': 'fixes-firewall.test.ts',
};

const LEGACY = (v: string) => `${PROTOCOLS}\\TLS ${v}\\Server`;
const SQUATTER = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Squatter';

describe.skipIf(!wineAvailable())('every fix .cmd file in a real cmd.exe', () => {
  it('set-rdp-port.cmd 3390 writes PortNumber 3390 and exits 0; without a port exits 2 having changed nothing', () => {
    w.resetShims();
    w.reg(`reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`);
    const before = w.exportKey(RDP);
    for (const args of [[], ['abc'], ['0x10'], ['70000']]) {
      const refused = run('set-rdp-port', args);
      expect(refused.code, args.join()).toBe(2);
      expect(refused.applied).toBe(false);
      expect(w.exportKey(RDP)).toBe(before);
    }
    expect(w.log('netsh')).toEqual([]);
    expect(w.log('net')).toEqual([]);

    listeners(w, { before: [listener(3390, TERMSERVICE_PID)] });
    const done = run('set-rdp-port', ['3390']);
    expect(done.stdout).toContain('RDPRESCUE set-rdp-port verify rdp-listener ok');
    expect(done.applied, done.stdout).toBe(true);
    expect(done.code).toBe(0);
    expect(w.exportKey(RDP)).toContain('"PortNumber"=dword:00000d3e');
  });

  it('set-rdp-port.cmd exits 1 and never says applied when another process holds the new port', () => {
    w.resetShims();
    listeners(w, { before: [listener(3391, 777)] });
    const result = run('set-rdp-port', ['3391']);
    expect(result.stdout).toContain('verify rdp-listener still-fires');
    expect(result.applied).toBe(false);
    expect(result.code).toBe(1);
  });

  it('set-rdp-cert-binding.cmd needs a usable thumbprint (exit 2), then binds it (exit 0)', () => {
    w.resetShims();
    w.reg(`reg delete "${RDP}" /v SSLCertificateSHA1Hash /f >nul 2>&1`);
    const before = w.exportKey(RDP);
    expect(run('set-rdp-cert-binding').code).toBe(2);
    w.fixture('powershell', [
      { match: 'HasPrivateKey', rc: 3 },
      { match: '*', rc: 0 },
    ]);
    const noKey = run('set-rdp-cert-binding', ['00112233445566778899AABBCCDDEEFF00112233']);
    expect(noKey.code).toBe(2);
    expect(w.exportKey(RDP)).toBe(before);
    w.resetShims();
    const bound = run('set-rdp-cert-binding', ['00112233445566778899aabbccddeeff00112233']);
    expect(bound.applied, bound.stdout).toBe(true);
    expect(bound.code).toBe(0);
    expect(w.exportKey(RDP)).toContain('"SSLCertificateSHA1Hash"=hex:00,11,22');
  });

  it('remove-rdp-cert-binding.cmd deletes the value and exits 0', () => {
    w.resetShims();
    w.reg(
      `reg add "${RDP}" /v SSLCertificateSHA1Hash /t REG_BINARY /d 00112233445566778899AABBCCDDEEFF00112233 /f`,
    );
    const result = run('remove-rdp-cert-binding');
    expect(result.applied, result.stdout).toBe(true);
    expect(result.code).toBe(0);
    expect(w.exportKey(RDP)).not.toContain('SSLCertificateSHA1Hash');
  });

  it('stop-port-owner.cmd stops the squatter (exit 0) and refuses PID 4 (exit 1)', () => {
    w.resetShims();
    w.reg(
      `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`,
      `reg add "${SQUATTER}" /v ImagePath /t REG_SZ /d squat.exe /f`,
      `reg add "${SQUATTER}" /v Start /t REG_DWORD /d 3 /f`,
    );
    listeners(w, {
      before: [listener(3389, 4242)],
      after: [listener(3389, TERMSERVICE_PID)],
      services: { 4242: '"svchost.exe","4242","Squatter"' },
    });
    const stopped = run('stop-port-owner');
    expect(stopped.stdout).toContain('stopping service Squatter');
    expect(stopped.stdout).not.toContain('starts automatically');
    expect(stopped.applied, stopped.stdout).toBe(true);
    expect(stopped.code).toBe(0);

    w.resetShims();
    listeners(w, { before: [listener(3389, 4)], services: { 4: '"System","4","N/A"' } });
    const system = run('stop-port-owner');
    expect(system.stdout).toContain('is held by PID 4');
    expect(system.applied).toBe(false);
    expect(system.code).toBe(1);
  });

  it('enable-tls12-server.cmd and enable-legacy-tls-server.cmd write their values and exit 0', () => {
    w.resetShims();
    w.reg(`reg delete "${PROTOCOLS}" /f >nul 2>&1`, `reg add "${PROTOCOLS}" /f`);
    const tls12 = run('enable-tls12-server');
    expect(tls12.applied, tls12.stdout).toBe(true);
    expect(tls12.code).toBe(0);
    expect(w.exportKey(TLS12)).toContain('"Enabled"=dword:00000001');
    expect(w.exportKey(TLS12)).toContain('"DisabledByDefault"=dword:00000000');
    const legacy = run('enable-legacy-tls-server');
    expect(legacy.applied, legacy.stdout).toBe(true);
    expect(legacy.code).toBe(0);
    for (const v of ['1.0', '1.1']) {
      expect(w.exportKey(LEGACY(v))).toContain('"Enabled"=dword:00000001');
      expect(w.exportKey(LEGACY(v))).toContain('"DisabledByDefault"=dword:00000000');
    }
  });

  it('suspend-group-policy.cmd and resume-group-policy.cmd set gpsvc Start and exit 0', () => {
    w.resetShims();
    w.reg(`reg add "${GPSVC}" /v Start /t REG_DWORD /d 2 /f`);
    expect(run('suspend-group-policy').code).toBe(0);
    expect(w.exportKey(GPSVC)).toContain('"Start"=dword:00000004');
    expect(run('resume-group-policy').code).toBe(0);
    expect(w.exportKey(GPSVC)).toContain('"Start"=dword:00000002');
  });

  it('renew-rdp-self-signed-cert.cmd exits 0, and 1 (never applied) when PowerShell fails', () => {
    w.resetShims();
    expect(run('renew-rdp-self-signed-cert').code).toBe(0);
    w.fixture('powershell', [{ match: 'Remove-Item', rc: 1 }]);
    const failed = run('renew-rdp-self-signed-cert');
    expect(failed.applied).toBe(false);
    expect(failed.stdout).toContain('RDPRESCUE renew-rdp-self-signed-cert FAILED');
    expect(failed.code).toBe(1);
  });

  it('reset-machinekeys-acl.cmd exits 0, and 1 when icacls cannot change the owner', () => {
    w.resetShims();
    const keys = join(
      w.prefix,
      'drive_c',
      'ProgramData',
      'Microsoft',
      'Crypto',
      'RSA',
      'MachineKeys',
    );
    mkdirSync(keys, { recursive: true });
    writeFileSync(join(keys, 'f686aace6942fb7f7ceb231212eef4a4_1'), 'key');
    expect(run('reset-machinekeys-acl').code).toBe(0);
    w.fixture('icacls', [{ match: '/setowner', rc: 5 }]);
    const failed = run('reset-machinekeys-acl');
    expect(failed.applied).toBe(false);
    expect(failed.code).toBe(1);
  });

  it('changes no owner or permission of a pre-created backup root (takeown and icacls follow links a user planted) and refuses, changing nothing, when it does not read back protected', () => {
    w.resetShims();
    w.reg(
      `reg add "${RDP}" /v SSLCertificateSHA1Hash /t REG_BINARY /d 00112233445566778899AABBCCDDEEFF00112233 /f`,
    );
    // A standard user made the root first (Wine has no ACLs: the read-back answers N).
    mkdirSync(join(w.prefix, 'drive_c', 'ProgramData', 'RdpRescue', 'backup'), { recursive: true });
    const standing = w.standing.powershell;
    w.standing.powershell = [];
    w.resetShims();
    try {
      const refused = run('remove-rdp-cert-binding');
      expect(refused.stdout).toMatch(
        /remove-rdp-cert-binding refused: backup root.*SYSTEM and Administrators only/,
      );
      expect(refused.applied, refused.stdout).toBe(false);
      expect(refused.code).toBe(1);
      expect(w.exportKey(RDP)).toContain('SSLCertificateSHA1Hash');
      expect(w.log('net')).toEqual([]);
      expect(w.log('takeown')).toEqual([]);
      expect(w.log('icacls')).toEqual([]);
      // One PowerShell line renames an untrusted root or parent aside (reparse points too)
      // and creates it anew, SYSTEM and Administrators only, before reading it back.
      const protect = w.log('powershell').find((c) => c.includes('$r=$env:RrR'));
      expect(protect).toContain('-band 1024');
      expect(protect).toContain('mi -LiteralPath $d');
      expect(protect).toContain(
        "SetSecurityDescriptorSddlForm('O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)')",
      );
    } finally {
      w.standing.powershell = standing;
    }
  });

  it('reset-machinekeys-acl.cmd saves each owner by SID before icacls /setowner, and undo sets them back before restoring the permissions', () => {
    w.resetShims();
    const keys = join(
      w.prefix,
      'drive_c',
      'ProgramData',
      'Microsoft',
      'Crypto',
      'RSA',
      'MachineKeys',
    );
    mkdirSync(keys, { recursive: true });
    writeFileSync(join(keys, 'f686aace6942fb7f7ceb231212eef4a4_1'), 'key');
    const owners = [
      'icacls "C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys" /setowner *S-1-5-18 /c /l',
      'icacls "C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\f686aace6942fb7f7ceb231212eef4a4_1" /setowner *S-1-5-21-1-2-3-500 /c /l',
    ];
    w.fixture('powershell', [{ match: 'GetOwner($i).Value+', output: owners.join('\n') }]);
    const done = run('reset-machinekeys-acl');
    expect(done.applied, done.stdout).toBe(true);
    const undo = read(join(session.backupDir('reset-machinekeys-acl'), 'undo.cmd'));
    const callOwners = undo
      .toLowerCase()
      .indexOf('call "c:\\programdata\\rdprescue\\backup\\reset-machinekeys-acl\\a1-owners.cmd"');
    expect(callOwners, undo).toBeGreaterThanOrEqual(0);
    expect(callOwners).toBeLessThan(undo.indexOf('/restore'));
    w.resetShims();
    w.batch(w.put('undo.cmd', undo));
    const icacls = w.log('icacls');
    expect(icacls.slice(0, 2)).toEqual(owners.map((l) => l.slice('icacls '.length)));
    expect(icacls[2]).toContain('/restore');
  });

  it('refuses a registry change whose existing key cannot be exported: undo never deletes the key', () => {
    w.resetShims();
    w.reg(`reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`);
    const before = w.exportKey(RDP);
    w.shimReg(true);
    w.fixture('reg', [{ match: 'export', rc: 1 }]);
    let result: ReturnType<typeof run>;
    try {
      result = run('set-rdp-port', ['3390']);
    } finally {
      w.shimReg(false);
    }
    expect(result.stdout).toMatch(/set-rdp-port failed saving HKLM.*RDP-Tcp: not changed/);
    expect(result.applied, result.stdout).toBe(false);
    expect(result.code).toBe(1);
    expect(w.exportKey(RDP)).toBe(before);
    const undo = read(join(session.backupDir('set-rdp-port'), 'undo.cmd'));
    expect(undo).not.toMatch(/reg delete "[^"]*RDP-Tcp" \/f/i);
    expect(undo).not.toMatch(/reg delete "[^"]*WinStations" \/f/i);
  });

  it('fails, saying so, when TermService does not start again (net start exit code)', () => {
    w.resetShims();
    const keys = join(
      w.prefix,
      'drive_c',
      'ProgramData',
      'Microsoft',
      'Crypto',
      'RSA',
      'MachineKeys',
    );
    mkdirSync(keys, { recursive: true });
    w.fixture('net', [{ match: 'start TermService', rc: 2 }]);
    const result = run('reset-machinekeys-acl');
    expect(result.stdout).toContain('RDPRESCUE reset-machinekeys-acl failed starting TermService');
    expect(result.applied, result.stdout).toBe(false);
    expect(result.code).toBe(1);

    w.resetShims();
    listeners(w, { before: [listener(3392, TERMSERVICE_PID)] });
    w.fixture('net', [{ match: 'start TermService', rc: 2 }]);
    const port = run('set-rdp-port', ['3392']);
    expect(port.stdout).toContain('RDPRESCUE set-rdp-port failed starting TermService');
    expect(port.code).toBe(1);
  });

  it('says which step failed on its own line before FAILED (set-rdp-port: a firewall rule)', () => {
    w.resetShims();
    listeners(w, { before: [listener(3393, TERMSERVICE_PID)] });
    w.fixture('netsh', [{ match: 'add rule', rc: 1 }]);
    const result = run('set-rdp-port', ['3393']);
    const lines = result.stdout.split(/\r?\n/).filter((l) => l.startsWith('RDPRESCUE'));
    const failedAt = lines.indexOf('RDPRESCUE set-rdp-port FAILED');
    expect(failedAt, result.stdout).toBeGreaterThan(0);
    expect(lines.slice(0, failedAt)).toContain(
      'RDPRESCUE set-rdp-port failed adding firewall rule RdpRescue-RemoteDesktop-UserMode-In-TCP',
    );
    expect(result.code).toBe(1);
  });

  it('covers every fix .cmd file but the diagnosis', () => {
    const files = session.artifacts
      .filter((a) => a.kind === 'cmd-batch' && a.meta?.fix)
      .map((a) => String(a.meta!.fix));
    expect(files.length).toBeGreaterThan(5);
    // Fixes whose Wine session needs its own set-up run their .cmd in their own test file.
    const elsewhere = Object.entries(BATCH_TESTED_ELSEWHERE)
      .filter(([fix, file]) => {
        const text = readFileSync(join(import.meta.dirname, file), 'utf8');
        return text.includes('session.batch(') && text.includes(`'${fix}'`);
      })
      .map(([fix]) => fix);
    expect(files.filter((f) => !tested.has(f) && !elsewhere.includes(f))).toEqual([]);
  });
});
