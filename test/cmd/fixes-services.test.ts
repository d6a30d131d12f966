import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, read, undo } from './fix-session.ts';
import { RDP } from './keys.ts';

/**
 * Fix blocks pasted into a real interactive cmd.exe (Wine): the registry changes as intended,
 * the backup holds the state from before, a second paste changes nothing, undo restores the
 * exported state exactly. (Split in two files so Wine runs them in parallel.)
 */

const session = new FixSession();
const blocks = (fix: string) => session.blocks(fix);
const backupDir = (fix: string) => session.backupDir(fix);
let w: FixSession['w'];
let artifacts: FixSession['artifacts'];

beforeAll(async () => {
  await session.start('cmd-fixes-services');
  w = session.w;
  artifacts = session.artifacts;
});

describe.skipIf(!wineAvailable())(
  'service, firewall, ACL and certificate fix blocks in a real cmd.exe',
  () => {
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
      // TermService is restarted, not just started: a running one that lost the port must rebind.
      expect(w.log('net').map((c) => c.toLowerCase())).toEqual([
        'stop "squatter" /y',
        'stop termservice /y',
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
      expect(w.log('net').map((c) => c.toLowerCase())).toEqual([
        'stop termservice /y',
        'start termservice',
      ]);
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
  },
);
