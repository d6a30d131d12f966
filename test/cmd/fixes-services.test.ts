import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, read, undo } from './fix-session.ts';
import { RDP } from './keys.ts';
import { TERMSERVICE_PID, listener, listeners } from './listening.ts';

/**
 * Fix blocks pasted into a real interactive cmd.exe (Wine): the registry changes as intended,
 * the backup holds the state from before, a second paste changes nothing, undo restores the
 * exported state exactly, and "applied" stands only where the verification passed. (Split
 * in two files so Wine runs them in parallel.)
 */

const session = new FixSession();
const blocks = (fix: string) => session.blocks(fix);
const backupDir = (fix: string) => session.backupDir(fix);
let w: FixSession['w'];

beforeAll(async () => {
  await session.start('cmd-fixes-services');
  w = session.w;
});

const SQUATTER = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Squatter';
const lower = (lines: string[]) => lines.map((c) => c.toLowerCase());

describe.skipIf(!wineAvailable())(
  'service, firewall, ACL and certificate fix blocks in a real cmd.exe',
  () => {
    it('set-rdp-port refuses a bad or missing port and changes nothing, then moves the port', () => {
      w.resetShims();
      rmSync(backupDir('set-rdp-port'), { recursive: true, force: true });
      w.reg(`reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`);
      const before = w.exportKey(RDP);
      const refused = w.interactive(`set RR_Port=99999\r\n${blocks('set-rdp-port')}`);
      expect(refused).toContain('NOT APPLIED');
      expect(refused).not.toMatch(/set-rdp-port (applied|FAILED)/);
      // The usage line is text: "<port>" is no redirection (it used to fail the whole line).
      const missing = w.interactive(`set RR_Port=\r\n${blocks('set-rdp-port')}`);
      expect(missing).toContain('RDPRESCUE set-rdp-port needs: set RR_Port=<port>');
      expect(w.exportKey(RDP)).toBe(before);
      expect(w.log('netsh')).toEqual([]);
      expect(w.log('net')).toEqual([]);
      expect(existsSync(backupDir('set-rdp-port'))).toBe(false);

      listeners(w, { before: [listener(3390, TERMSERVICE_PID)] });
      const out = w.interactive(`set RR_Port=3390\r\n${blocks('set-rdp-port')}`);
      expect(out).toContain('RDPRESCUE set-rdp-port verify rdp-listener ok');
      expect(out).toContain('RDPRESCUE set-rdp-port applied');
      const n = session.artifacts.filter(
        (a) => a.kind === 'cmd-paste' && a.meta?.fix === 'set-rdp-port',
      ).length;
      for (let k = 1; k <= n; k++)
        expect(out).toContain(`RDPRESCUE set-rdp-port block ${k}/${n} done`);
      expect(w.exportKey(RDP)).toContain('"PortNumber"=dword:00000d3e');
      const netsh = w.log('netsh');
      expect(netsh[0]).toMatch(/^advfirewall export ".*set-rdp-port\\f\d+\.wfw"$/i);
      expect(lower(netsh)).toContainEqual(
        'advfirewall firewall add rule name=rdprescue-remotedesktop-usermode-in-tcp dir=in action=allow protocol=tcp localport=3390',
      );
      w.interactive(undo('set-rdp-port'));
      expect(w.exportKey(RDP)).toBe(before);
      expect(w.log('netsh').at(-1)).toMatch(/^advfirewall import /i);
    });

    it('set-rdp-port carries a failure to the last block and needs every earlier block', () => {
      w.resetShims();
      rmSync(backupDir('set-rdp-port'), { recursive: true, force: true });
      w.reg(`reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`);
      listeners(w, { before: [listener(3390, TERMSERVICE_PID)] });
      // Block 2 opens the firewall; netsh fails there. Block 3 starts with a clean flag.
      w.fixture('netsh', [
        { match: 'add rule', rc: 1 },
        { match: '*', rc: 0 },
      ]);
      const out = w.interactive(`set RR_Port=3390\r\n${blocks('set-rdp-port')}`);
      expect(out).toContain('RDPRESCUE set-rdp-port failed earlier');
      expect(out).toContain('RDPRESCUE set-rdp-port FAILED');
      expect(out).not.toContain('RDPRESCUE set-rdp-port applied');

      w.resetShims();
      listeners(w, { before: [listener(3390, TERMSERVICE_PID)] });
      const all = session.artifacts.filter(
        (a) => a.kind === 'cmd-paste' && a.meta?.fix === 'set-rdp-port',
      );
      const n = all.length;
      const block = (k: number) =>
        all.find((a) => a.path.endsWith(`-${k}-of-${n}.txt`))!.content.toString('latin1');
      const skipped = w.interactive(`set RR_Port=3390\r\n${block(1)}${block(n)}`);
      expect(skipped).toContain('RDPRESCUE set-rdp-port missed a block');

      // A later block alone (a fresh console: block 1 never read the backup root back)
      // changes nothing.
      w.resetShims();
      const alone = w.interactive(`set RR_Port=3391\r\n${block(2)}`);
      expect(alone).toContain(
        'RDPRESCUE set-rdp-port NOT APPLIED: bad or missing parameter, or block 1 did not pass',
      );
      expect(w.log('netsh')).toEqual([]);
      expect(w.exportKey(RDP)).toContain('"PortNumber"=dword:00000d3e');
      expect(skipped).toContain('RDPRESCUE set-rdp-port FAILED');
    });

    it('stop-port-owner stops the service holding the port and verifies on values read after the restart', () => {
      w.resetShims();
      rmSync(backupDir('stop-port-owner'), { recursive: true, force: true });
      w.reg(
        `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`,
        `reg add "${SQUATTER}" /v ImagePath /t REG_SZ /d squat.exe /f`,
        `reg add "${SQUATTER}" /v Start /t REG_DWORD /d 2 /f`,
      );
      // netstat's first call is before the fix; from the second on, TermService holds it.
      listeners(w, {
        before: [listener(3389, 4242)],
        after: [listener(3389, TERMSERVICE_PID)],
        services: { 4242: '"svchost.exe","4242","Squatter"' },
      });
      const out = w.interactive(blocks('stop-port-owner'));
      expect(out).toContain('RDPRESCUE stop-port-owner stopping service Squatter');
      expect(out).toContain(
        'Squatter starts automatically and takes the port back at the next boot',
      );
      expect(out).toContain('RDPRESCUE stop-port-owner verify rdp-listener ok');
      expect(out).toContain('RDPRESCUE stop-port-owner applied');
      // TermService is restarted, not just started: a running one that lost the port must rebind.
      expect(lower(w.log('net'))).toEqual([
        'stop "squatter" /y',
        'stop termservice /y',
        'start termservice',
      ]);
      expect(read(join(backupDir('stop-port-owner'), 'undo.cmd'))).toMatch(/net start "Squatter"/i);
    });

    it('stop-port-owner fails when the port is still taken after the restart (no cached facts)', () => {
      w.resetShims();
      rmSync(backupDir('stop-port-owner'), { recursive: true, force: true });
      listeners(w, {
        before: [listener(3389, 4242)],
        services: { 4242: '"svchost.exe","4242","Squatter"' },
      });
      const out = w.interactive(blocks('stop-port-owner'));
      expect(out).toContain('RDPRESCUE stop-port-owner verify rdp-listener still-fires');
      expect(out).toContain('RDPRESCUE stop-port-owner FAILED');
      expect(out).not.toContain('RDPRESCUE stop-port-owner applied');
    });

    it('stop-port-owner never stops PID 4, a process that is no service (any language), or TermService', () => {
      const cases = [
        { pid: 4, row: '"System","4","N/A"', says: 'is held by PID 4' },
        { pid: 5555, row: '"app.exe","5555","N/A"', says: 'PID 5555 is not a service' },
        {
          pid: 5555,
          row: '"app.exe","5555","Nicht zutreffend"',
          says: 'PID 5555 is not a service',
        },
      ];
      for (const c of cases) {
        w.resetShims();
        rmSync(backupDir('stop-port-owner'), { recursive: true, force: true });
        listeners(w, { before: [listener(3389, c.pid)], services: { [c.pid]: c.row } });
        const out = w.interactive(blocks('stop-port-owner'));
        expect(out, c.row).toContain(c.says);
        expect(out, c.row).toContain('RDPRESCUE stop-port-owner FAILED');
        // Nothing stopped: restarting TermService would only drop every session (review 15b F10).
        expect(lower(w.log('net')), c.row).toEqual([]);
      }

      // TermService holds the port already: nothing to stop, nothing restarted, still verified.
      w.resetShims();
      listeners(w, { before: [listener(3389, TERMSERVICE_PID)] });
      const out = w.interactive(blocks('stop-port-owner'));
      expect(out).toContain('RDPRESCUE stop-port-owner verify rdp-listener ok');
      expect(out).toContain('RDPRESCUE stop-port-owner applied');
      expect(lower(w.log('net'))).toEqual([]);

      w.resetShims();
      listeners(w, { before: [listener(3389, TERMSERVICE_PID)] });
      const done = session.batch('stop-port-owner');
      expect(done.stdout).toContain('RDPRESCUE stop-port-owner verify rdp-listener ok');
      expect(done.code).toBe(0);
      expect(lower(w.log('net'))).toEqual([]);
    });

    it('reset-machinekeys-acl saves the ACLs first, uses SIDs only, and does not save twice', () => {
      w.resetShims();
      rmSync(backupDir('reset-machinekeys-acl'), { recursive: true, force: true });
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
      writeFileSync(join(keys, 'f686aace6942fb7f7ceb231212eef4a4_1234'), 'key');
      const out = w.interactive(blocks('reset-machinekeys-acl'));
      expect(out).toContain('RDPRESCUE reset-machinekeys-acl applied');
      // After the backup root check (its own test is in fixes-batch.test.ts).
      const calls = w.log('icacls').filter((c) => c.includes('MachineKeys'));
      expect(calls[0]).toMatch(
        /^"C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys" \/save ".*\.acl" \/t \/c$/i,
      );
      expect(calls[1]).toMatch(/\/setowner \*S-1-5-32-544 \/t \/c \/l$/i);
      expect(calls[2]).toMatch(/\/grant "\*S-1-5-18:\(F\)" "\*S-1-5-32-544:\(F\)" \/t \/c \/l$/i);
      expect(calls[3]).toMatch(
        /MachineKeys\\f686aace6942fb7f7ceb231212eef4a4_\*" \/grant "\*S-1-5-20:\(R\)" \/c \/l$/i,
      );
      expect(read(join(backupDir('reset-machinekeys-acl'), 'undo.cmd'))).toMatch(
        /icacls "C:\\ProgramData\\Microsoft\\Crypto\\RSA" \/restore ".*\.acl" \/c/i,
      );
      w.interactive(blocks('reset-machinekeys-acl'));
      expect(w.log('icacls').filter((c) => c.includes('/save'))).toHaveLength(1);
    });

    it('reset-machinekeys-acl keeps a partial save with a warning and skips missing RDP key files', () => {
      w.resetShims();
      rmSync(backupDir('reset-machinekeys-acl'), { recursive: true, force: true });
      const keys = join(
        w.prefix,
        'drive_c',
        'ProgramData',
        'Microsoft',
        'Crypto',
        'RSA',
        'MachineKeys',
      );
      rmSync(keys, { recursive: true, force: true });
      mkdirSync(keys, { recursive: true });
      // Some files could not be read: icacls still writes the file, and fails. Granting on a
      // pattern that matches no file fails too (as on Windows): it must not be tried.
      w.fixture('icacls', [
        { match: '/save', rc: 1 },
        { match: 'S-1-5-20', rc: 2 },
        { match: '*', rc: 0 },
      ]);
      const out = w.interactive(blocks('reset-machinekeys-acl'));
      expect(out).toContain(
        'RDPRESCUE reset-machinekeys-acl warning: some permissions could not be saved',
      );
      expect(out).toContain(
        'RDPRESCUE reset-machinekeys-acl no f686aace6942fb7f7ceb231212eef4a4_* files: skipped',
      );
      expect(out).toContain('RDPRESCUE reset-machinekeys-acl applied');
      expect(w.log('icacls').some((c) => c.includes('S-1-5-20'))).toBe(false);
      expect(read(join(backupDir('reset-machinekeys-acl'), 'undo.cmd'))).toMatch(/\/restore /i);
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
      const ps = w.log('powershell').filter((c) => !c.includes('$r=$env:RrR'));
      expect(ps[0]).toContain(
        "dir 'Cert:\\LocalMachine\\Remote Desktop'|?{$_.Subject -eq $_.Issuer}|Remove-Item",
      );
      expect(lower(w.log('net'))).toEqual(['stop sessionenv /y', 'start sessionenv']);
      // The shim removed nothing: simulate PowerShell's removal, then undo.
      w.reg(`reg delete "${store}\\Certificates\\AB12" /f`);
      w.interactive(undo('renew-rdp-self-signed-cert'));
      expect(w.exportKey(store)).toBe(before);
    });

    it('set-rdp-cert-binding needs a thumbprint of a certificate with a private key, in any case', () => {
      w.resetShims();
      rmSync(backupDir('set-rdp-cert-binding'), { recursive: true, force: true });
      w.reg(`reg delete "${RDP}" /v SSLCertificateSHA1Hash /f >nul 2>&1`);
      const before = w.exportKey(RDP);
      const thumb = '00112233445566778899aabbccddeeff00112233';
      const none = w.interactive(`set RR_Thumbprint=\r\n${blocks('set-rdp-cert-binding')}`);
      expect(none).toContain(
        'RDPRESCUE set-rdp-cert-binding needs: set RR_Thumbprint=<thumbprint>',
      );
      // The probe says: no such certificate with a private key.
      w.fixture('powershell', [
        { match: 'HasPrivateKey', rc: 3 },
        { match: '*', rc: 0 },
      ]);
      const refused = w.interactive(
        `set RR_Thumbprint=${thumb}\r\n${blocks('set-rdp-cert-binding')}`,
      );
      expect(refused).toContain('NOT APPLIED');
      expect(w.exportKey(RDP)).toBe(before);
      expect(w.log('net')).toEqual([]);

      w.resetShims();
      // Typed in lower case; reg query reads it back in upper case: still the same value.
      const out = w.interactive(`set RR_Thumbprint=${thumb}\r\n${blocks('set-rdp-cert-binding')}`);
      expect(out).toContain('RDPRESCUE set-rdp-cert-binding applied');
      const joined = w.exportKey(RDP).replace(/\\\r?\n\s*/g, '');
      expect(joined.toLowerCase()).toContain(
        '"sslcertificatesha1hash"=hex:00,11,22,33,44,55,66,77,88,99,aa,bb,cc,dd,ee,ff,00,11,22,33',
      );
      // Created with its canonical case.
      expect(w.exportKey(RDP)).toContain('"SSLCertificateSHA1Hash"');
      w.interactive(undo('set-rdp-cert-binding'));
      expect(w.exportKey(RDP)).toBe(before);
    });
  },
);
