import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession } from './fix-session.ts';
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
  rmSync(session.backupDir(fix), { recursive: true, force: true });
  const content = session.artifacts.find((a) => a.path === `cmd/${fix}.cmd`)!.content;
  const result = w.batch(w.put(`${fix}.cmd`, content), args);
  return { ...result, applied: result.stdout.includes(`RDPRESCUE ${fix} applied`) };
}

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
    expect(done.applied).toBe(true);
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
    expect(bound.applied).toBe(true);
    expect(bound.code).toBe(0);
    expect(w.exportKey(RDP)).toContain('"SSLCertificateSHA1Hash"=hex:00,11,22');
  });

  it('remove-rdp-cert-binding.cmd deletes the value and exits 0', () => {
    w.resetShims();
    w.reg(
      `reg add "${RDP}" /v SSLCertificateSHA1Hash /t REG_BINARY /d 00112233445566778899AABBCCDDEEFF00112233 /f`,
    );
    const result = run('remove-rdp-cert-binding');
    expect(result.applied).toBe(true);
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
    expect(stopped.applied).toBe(true);
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
    expect(tls12.applied).toBe(true);
    expect(tls12.code).toBe(0);
    expect(w.exportKey(TLS12)).toContain('"Enabled"=dword:00000001');
    expect(w.exportKey(TLS12)).toContain('"DisabledByDefault"=dword:00000000');
    const legacy = run('enable-legacy-tls-server');
    expect(legacy.applied).toBe(true);
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

  it('covers every fix .cmd file but the diagnosis', () => {
    const files = session.artifacts
      .filter((a) => a.kind === 'cmd-batch' && a.meta?.fix)
      .map((a) => String(a.meta!.fix));
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((f) => !tested.has(f))).toEqual([]);
  });
});
