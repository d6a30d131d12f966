import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, DEFAULT_CATALOG_DIR } from '../../src/model/load.ts';
import { cmdEmitter } from '../../src/emit/cmd/index.ts';
import type { Artifact } from '../../src/emit/artifact.ts';
import { WinePrefix, wineAvailable } from './wine.ts';

/**
 * Fix blocks pasted into a real interactive cmd.exe (Wine): the registry changes as intended,
 * the backup holds the state from before, a second paste changes nothing, undo restores the
 * exported state exactly.
 */
const PROTOCOLS =
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
const TLS12 = `${PROTOCOLS}\\TLS 1.2\\Server`;
const RDP = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';
const GPSVC = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\gpsvc';

let artifacts: Artifact[];
let w: WinePrefix;
const run = describe.skipIf(!wineAvailable());

function blocks(fix: string): string {
  return artifacts
    .filter((a) => a.kind === 'cmd-paste' && a.meta?.fix === fix)
    .sort((a, b) => Number(a.meta!.block) - Number(b.meta!.block))
    .map((a) => a.content.toString('latin1'))
    .join('');
}

function backupDir(fix: string): string {
  return join(w.prefix, 'drive_c', 'ProgramData', 'RdpRescue', 'backup', fix);
}

const undo = (fix: string) => `call "%ProgramData%\\RdpRescue\\backup\\${fix}\\undo.cmd"`;
const read = (file: string) => (existsSync(file) ? readFileSync(file, 'latin1') : '');

beforeAll(async () => {
  const catalog = await loadCatalog(DEFAULT_CATALOG_DIR);
  artifacts = await cmdEmitter.emit({ catalog, version: 'test', earlier: [] });
  if (wineAvailable()) {
    w = new WinePrefix('cmd-fixes').init();
    rmSync(join(w.prefix, 'drive_c', 'ProgramData', 'RdpRescue'), { recursive: true, force: true });
  }
});

run('fix blocks in a real cmd.exe', () => {
  it('enable-tls12-server: backup first, applies, idempotent, undo restores exactly', () => {
    w.reg(
      `reg delete "${PROTOCOLS}" /f >nul 2>&1`,
      `reg add "${TLS12}" /v Enabled /t REG_DWORD /d 0 /f`,
    );
    const before = w.exportKey(PROTOCOLS);
    expect(before).toContain('"Enabled"=dword:00000000');

    const out = w.interactive(blocks('enable-tls12-server'));
    expect(out).toContain('RDPRESCUE enable-tls12-server applied');
    expect(out).toContain('RDPRESCUE enable-tls12-server verify tls12-server-off ok');
    const after = w.exportKey(PROTOCOLS);
    expect(after).toContain('"Enabled"=dword:00000001');
    expect(after).toContain('"DisabledByDefault"=dword:00000000');
    // The backup holds the state from before the change.
    const dir = backupDir('enable-tls12-server');
    const saved = readdirSync(dir).filter((f) => f.endsWith('.reg'));
    expect(saved).toHaveLength(1);
    expect(readFileSync(join(dir, saved[0]!)).toString('utf16le')).toContain(
      '"Enabled"=dword:00000000',
    );
    const undoText = read(join(dir, 'undo.cmd'));
    expect(undoText).toMatch(/reg import/i);
    expect(undoText).toMatch(
      /reg delete "HKLM\\SYSTEM\\CurRentControlSet.*TLS 1\.2\\Server" \/v DisabledByDefault \/f/i,
    );

    // Pasting again changes nothing, not even the backup.
    w.interactive(blocks('enable-tls12-server'));
    expect(w.exportKey(PROTOCOLS)).toBe(after);
    expect(read(join(dir, 'undo.cmd'))).toBe(undoText);

    w.interactive(undo('enable-tls12-server'));
    expect(w.exportKey(PROTOCOLS)).toBe(before);
  });

  it('enable-tls12-server when the key did not exist: undo removes what the fix created', () => {
    rmSync(backupDir('enable-tls12-server'), { recursive: true, force: true });
    w.reg(`reg delete "${PROTOCOLS}" /f >nul 2>&1`, `reg add "${PROTOCOLS}" /f`);
    const before = w.exportKey(PROTOCOLS);
    const file = w.put(
      'enable-tls12-server.cmd',
      artifacts.find((a) => a.path === 'cmd/enable-tls12-server.cmd')!.content,
    );
    const result = w.batch(file);
    expect(result.code).toBe(0);
    expect(w.exportKey(TLS12)).toContain('"Enabled"=dword:00000001');
    w.interactive(undo('enable-tls12-server'));
    expect(w.exportKey(PROTOCOLS)).toBe(before);
  });

  it('suspend-group-policy then resume: gpsvc Start via the registry, each undoable', () => {
    w.reg(`reg add "${GPSVC}" /v Start /t REG_DWORD /d 2 /f`);
    const before = w.exportKey(GPSVC);
    const out = w.interactive(blocks('suspend-group-policy'));
    expect(out).toContain('RDPRESCUE suspend-group-policy applied');
    expect(out).toContain('restart the VM');
    expect(w.exportKey(GPSVC)).toContain('"Start"=dword:00000004');
    w.interactive(blocks('resume-group-policy'));
    expect(w.exportKey(GPSVC)).toContain('"Start"=dword:00000002');
    w.interactive(undo('suspend-group-policy'));
    expect(w.exportKey(GPSVC)).toBe(before);
  });

  it('remove-rdp-cert-binding deletes the thumbprint, restarts TermService, undo puts it back', () => {
    w.resetShims();
    w.reg(
      `reg add "${RDP}" /v SSLCertificateSHA1Hash /t REG_BINARY /d 00112233445566778899AABBCCDDEEFF00112233 /f`,
    );
    const before = w.exportKey(RDP);
    const out = w.interactive(blocks('remove-rdp-cert-binding'));
    expect(out).toContain('RDPRESCUE remove-rdp-cert-binding applied');
    expect(w.exportKey(RDP)).not.toContain('SSLCertificateSHA1Hash');
    expect(w.log('net').map((c) => c.toLowerCase())).toEqual([
      'stop termservice /y',
      'start termservice',
    ]);
    w.interactive(undo('remove-rdp-cert-binding'));
    expect(w.exportKey(RDP)).toBe(before);
  });

  it('set-rdp-port refuses to run without a valid port, then moves the port and opens its own rule', () => {
    w.resetShims();
    w.reg(`reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`);
    const before = w.exportKey(RDP);
    const refused = w.interactive(`set RR_Port=99999\r\n${blocks('set-rdp-port')}`);
    expect(refused).toContain('NOT APPLIED');
    expect(w.exportKey(RDP)).toBe(before);
    expect(w.log('netsh')).toEqual([]);

    const out = w.interactive(`set RR_Port=3390\r\n${blocks('set-rdp-port')}`);
    expect(out).toContain('RDPRESCUE set-rdp-port applied');
    expect(w.exportKey(RDP)).toContain('"PortNumber"=dword:00000d3e');
    const netsh = w.log('netsh');
    expect(netsh[0]).toMatch(/^advfirewall export ".*set-rdp-port\\f\d+\.wfw"$/i);
    expect(netsh.map((c) => c.toLowerCase())).toContainEqual(
      'advfirewall firewall add rule name=rdprescue-remotedesktop-usermode-in-tcp dir=in action=allow protocol=tcp localport=3390',
    );
    w.interactive(undo('set-rdp-port'));
    expect(w.exportKey(RDP)).toBe(before);
    expect(w.log('netsh').at(-1)).toMatch(/^advfirewall import /i);
  });

  it('stop-port-owner stops the service holding the port, never TermService, and can restart it', () => {
    w.resetShims();
    w.reg(`reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`);
    w.fixture('netstat', [
      {
        match: '*',
        output: '  TCP    0.0.0.0:3389           0.0.0.0:0              LISTENING       4242',
      },
    ]);
    w.fixture('tasklist', [
      { match: 'SERVICES eq TermService', output: '"svchost.exe","1000","TermService"' },
      { match: 'PID eq 4242', output: '"svchost.exe","4242","Squatter"' },
    ]);
    const out = w.interactive(blocks('stop-port-owner'));
    expect(out).toContain('RDPRESCUE stopping service Squatter');
    expect(w.log('net').map((c) => c.toLowerCase())).toEqual([
      'stop "squatter" /y',
      'start termservice',
    ]);
    expect(read(join(backupDir('stop-port-owner'), 'undo.cmd'))).toMatch(/net start Squatter/i);

    w.resetShims();
    w.fixture('netstat', [
      {
        match: '*',
        output: '  TCP    0.0.0.0:3389           0.0.0.0:0              LISTENING       1000',
      },
    ]);
    w.fixture('tasklist', [
      { match: 'SERVICES eq TermService', output: '"svchost.exe","1000","TermService"' },
    ]);
    w.interactive(blocks('stop-port-owner'));
    expect(w.log('net').map((c) => c.toLowerCase())).toEqual(['start termservice']);
  });

  it('reset-machinekeys-acl saves the ACLs first, uses SIDs only, and does not save twice', () => {
    w.resetShims();
    const out = w.interactive(blocks('reset-machinekeys-acl'));
    expect(out).toContain('RDPRESCUE reset-machinekeys-acl applied');
    const calls = w.log('icacls');
    expect(calls[0]).toMatch(
      /^"C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys" \/save ".*\.acl" \/t \/c$/i,
    );
    expect(calls[1]).toMatch(/\/setowner \*S-1-5-32-544 \/t \/c$/i);
    expect(calls[2]).toMatch(/\/grant "\*S-1-5-18:\(F\)" "\*S-1-5-32-544:\(F\)" \/t \/c$/i);
    expect(calls[3]).toMatch(
      /MachineKeys\\f686aace6942fb7f7ceb231212eef4a4_\*" \/grant "\*S-1-5-20:\(R\)" \/c$/i,
    );
    expect(read(join(backupDir('reset-machinekeys-acl'), 'undo.cmd'))).toMatch(
      /icacls "C:\\ProgramData\\Microsoft\\Crypto\\RSA" \/restore ".*\.acl" \/c/i,
    );
    expect(calls.filter((c) => c.includes('/save'))).toHaveLength(1);
  });

  it('renew-rdp-self-signed-cert exports the store, removes only self-signed certificates, undo re-imports', () => {
    w.resetShims();
    const store = 'HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\Remote Desktop';
    w.reg(
      `reg delete "${store}" /f >nul 2>&1`,
      `reg add "${store}\\Certificates\\AB12" /v Blob /t REG_BINARY /d 0102 /f`,
    );
    const before = w.exportKey(store);
    const out = w.interactive(blocks('renew-rdp-self-signed-cert'));
    expect(out).toContain('RDPRESCUE renew-rdp-self-signed-cert applied');
    const ps = w.log('powershell');
    expect(ps[0]).toContain(
      "dir 'Cert:\\LocalMachine\\Remote Desktop'|?{$_.Subject -eq $_.Issuer}|Remove-Item",
    );
    expect(w.log('net').map((c) => c.toLowerCase())).toEqual([
      'stop sessionenv /y',
      'start sessionenv',
    ]);
    // The shim removed nothing: simulate PowerShell's removal, then undo.
    w.reg(`reg delete "${store}\\Certificates\\AB12" /f`);
    w.interactive(undo('renew-rdp-self-signed-cert'));
    expect(w.exportKey(store)).toBe(before);
  });
});
