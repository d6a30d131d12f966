import { beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, read, undo } from './fix-session.ts';
import { scRunning } from './sc-query.ts';

/**
 * start-network-services and reset-dhcp-logon-account pasted into a real interactive cmd.exe
 * (Wine). `sc config` is the shim writing Start as the service manager would; sc query says
 * which services run.
 */

const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';
const NETWORK = ['nsi', 'Dhcp', 'BFE', 'MpsSvc'];
const session = new FixSession();
let w: FixSession['w'];

beforeAll(async () => {
  await session.start('cmd-fixes-network');
  w = session.w;
  if (w) w.standing.sc = [];
});

describe.skipIf(!wineAvailable())('network service fixes in a real cmd.exe', () => {
  it('start-network-services: automatic again, started, idempotent, undo restores Start and tells sc', () => {
    const fix = 'start-network-services';
    w.resetShims();
    rmSync(session.backupDir(fix), { recursive: true, force: true });
    w.reg(...NETWORK.map((s) => `reg add "${SERVICES}\\${s}" /v Start /t REG_DWORD /d 4 /f`));
    const before = NETWORK.map((s) => w.exportKey(`${SERVICES}\\${s}`));
    w.fixture('sc', scRunning(NETWORK));

    const out = w.interactive(session.blocks(fix));
    expect(out).toContain(`RDPRESCUE ${fix} applied`);
    for (const s of NETWORK) {
      expect(w.exportKey(`${SERVICES}\\${s}`)).toContain('"Start"=dword:00000002');
      expect(out).toContain(`RDPRESCUE ${fix} verify netsvc-${s.toLowerCase()}-start ok`);
    }
    const undoFile = join(session.backupDir(fix), 'undo.cmd');
    const undoText = read(undoFile);
    w.interactive(session.blocks(fix));
    expect(read(undoFile)).toBe(undoText);

    w.interactive(undo(fix));
    expect(NETWORK.map((s) => w.exportKey(`${SERVICES}\\${s}`))).toEqual(before);
    expect(w.log('sc').map((l) => l.toLowerCase())).toContain('config dhcp start= disabled');
  }, 300_000);

  it('reset-dhcp-logon-account: sc config obj= with an empty password, FAILED when ObjectName does not read back, exact undo', () => {
    const fix = 'reset-dhcp-logon-account';
    w.resetShims();
    rmSync(session.backupDir(fix), { recursive: true, force: true });
    w.reg(`reg add "${SERVICES}\\Dhcp" /v ObjectName /t REG_SZ /d LocalSystem /f`);
    const before = w.exportKey(`${SERVICES}\\Dhcp`);
    // The shim cannot change a service's account: sc config obj= succeeds and writes nothing.
    w.fixture('sc', [
      { match: 'obj=', output: '[SC] ChangeServiceConfig SUCCESS' },
      ...scRunning(['Dhcp']),
    ]);
    const out = w.interactive(session.blocks(fix));
    // Hardening may alternate the letter case of "password" (doubled letters): sc reads it so.
    expect(w.log('sc').map((l) => l.toLowerCase())).toContain(
      'config dhcp obj= "nt authority\\localservice" password= ""',
    );
    expect(out).toContain(`RDPRESCUE ${fix} failed reading back ObjectName`);
    expect(out).toContain(`RDPRESCUE ${fix} verify netsvc-dhcp-account still-fires`);
    expect(out).not.toContain(`RDPRESCUE ${fix} applied`);
    w.interactive(undo(fix));
    expect(w.exportKey(`${SERVICES}\\Dhcp`)).toBe(before);
    // The service control manager is told the previous account too (it reads ObjectName at boot).
    expect(w.log('sc').map((l) => l.toLowerCase())).toContain('config dhcp obj= "localsystem"');
  }, 300_000);

  it('reset-dhcp-logon-account: undo never guesses a password, it says one is needed for an account that had one', () => {
    const fix = 'reset-dhcp-logon-account';
    w.resetShims();
    rmSync(session.backupDir(fix), { recursive: true, force: true });
    w.reg(`reg add "${SERVICES}\\Dhcp" /v ObjectName /t REG_SZ /d ".\\svc-dhcp" /f`);
    w.fixture('sc', [
      { match: 'obj=', output: '[SC] ChangeServiceConfig SUCCESS' },
      ...scRunning(['Dhcp']),
    ]);
    w.interactive(session.blocks(fix));
    const undoText = read(join(session.backupDir(fix), 'undo.cmd'));
    expect(undoText.toLowerCase()).not.toContain('svc-dhcp');
    expect(undoText).toContain('Dhcp logged on as an account with a password before');
    expect(w.interactive(undo(fix))).toContain(
      'RDPRESCUE undo: Dhcp logged on as an account with a password before',
    );
  }, 300_000);

  it('each network service fix runs as a .cmd batch file: exit 0 and applied where it leaves the defaults', () => {
    w.resetShims();
    w.reg(
      ...NETWORK.map((s) => `reg add "${SERVICES}\\${s}" /v Start /t REG_DWORD /d 2 /f`),
      `reg add "${SERVICES}\\Dhcp" /v ObjectName /t REG_SZ /d "NT Authority\\LocalService" /f`,
      `reg add "${SERVICES}\\TermService" /v ObjectName /t REG_SZ /d "NT Authority\\NetworkService" /f`,
    );
    w.fixture('sc', [
      { match: 'obj=', output: '[SC] ChangeServiceConfig SUCCESS' },
      ...scRunning([...NETWORK, 'TermService']),
    ]);
    for (const fix of [
      'start-network-services',
      'reset-dhcp-logon-account',
      'reset-termservice-logon-account',
    ]) {
      const done = session.batch(fix);
      expect(done.applied, `${fix}\n${done.stdout}${done.stderr}`).toBe(true);
      expect(done.code, fix).toBe(0);
    }
  }, 600_000);
});
