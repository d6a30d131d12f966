import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, read, undo } from './fix-session.ts';
import { POLICY, RDP } from './keys.ts';

/**
 * disable-nla (opt-in, weakens security) pasted into a real interactive cmd.exe (Wine):
 * UserAuthentication turns to 0 after a backup, a second paste changes nothing, and undo
 * restores exactly what was there: the value 1, or no value at all.
 */

const FIX = 'disable-nla';
const session = new FixSession();
let w: FixSession['w'];

beforeAll(async () => {
  await session.start('cmd-fixes-disable-nla');
  w = session.w;
});

describe.skipIf(!wineAvailable())('disable-nla in a real cmd.exe', () => {
  it('backs up, sets UserAuthentication=0, is idempotent, and undo restores 1 exactly', () => {
    rmSync(session.backupDir(FIX), { recursive: true, force: true });
    w.reg(`reg add "${RDP}" /v UserAuthentication /t REG_DWORD /d 1 /f`);
    const before = w.exportKey(RDP);

    const out = w.interactive(session.blocks(FIX));
    expect(out).toContain(`RDPRESCUE ${FIX} applied`);
    const after = w.exportKey(RDP);
    expect(after).toContain('"UserAuthentication"=dword:00000000');
    const dir = session.backupDir(FIX);
    const saved = readdirSync(dir).filter((f) => f.endsWith('.reg'));
    expect(saved).toHaveLength(1);
    expect(readFileSync(join(dir, saved[0]!)).toString('utf16le')).toContain(
      '"UserAuthentication"=dword:00000001',
    );
    const undoText = read(join(dir, 'undo.cmd'));

    w.interactive(session.blocks(FIX));
    expect(w.exportKey(RDP)).toBe(after);
    expect(read(join(dir, 'undo.cmd'))).toBe(undoText);

    w.interactive(undo(FIX));
    expect(w.exportKey(RDP)).toBe(before);
  });

  it('undo deletes the value again when there was none', () => {
    rmSync(session.backupDir(FIX), { recursive: true, force: true });
    w.reg(`reg delete "${RDP}" /v UserAuthentication /f >nul 2>&1`);
    const before = w.exportKey(RDP);
    expect(before).not.toContain('UserAuthentication');
    expect(w.interactive(session.blocks(FIX))).toContain(`RDPRESCUE ${FIX} applied`);
    expect(w.exportKey(RDP)).toContain('"UserAuthentication"=dword:00000000');
    w.interactive(undo(FIX));
    expect(w.exportKey(RDP)).toBe(before);
  });

  it('refuses before any change while Group Policy requires NLA, and says which policy wins (review 15b F11)', () => {
    rmSync(session.backupDir(FIX), { recursive: true, force: true });
    w.reg(`reg add "${RDP}" /v UserAuthentication /t REG_DWORD /d 1 /f`);
    w.reg(`reg add "${POLICY}" /v UserAuthentication /t REG_DWORD /d 1 /f`);
    const before = w.exportKey(RDP);
    try {
      const out = w.interactive(session.blocks(FIX));
      expect(out).toContain(
        `RDPRESCUE ${FIX} refused: Group Policy sets ${POLICY}\\UserAuthentication, which wins over the local value: not changed`,
      );
      expect(out).not.toContain(`RDPRESCUE ${FIX} applied`);
      expect(out).not.toContain(`RDPRESCUE ${FIX} FAILED`);
      expect(w.exportKey(RDP)).toBe(before);
      expect(read(join(session.backupDir(FIX), 'undo.cmd'))).toBe('');
      const done = session.batch(FIX);
      expect(done.stdout).toContain(`RDPRESCUE ${FIX} refused: Group Policy sets`);
      expect(done.code).toBe(3);
      expect(existsSync(session.backupDir(FIX))).toBe(false);
      expect(w.exportKey(RDP)).toBe(before);
    } finally {
      w.reg(`reg delete "${POLICY}" /v UserAuthentication /f >nul 2>&1`);
    }
  });

  it('prints its warning once, in block 1 before any change, and changes nothing unless confirmed (review 15b F7)', () => {
    rmSync(session.backupDir(FIX), { recursive: true, force: true });
    w.reg(`reg add "${RDP}" /v UserAuthentication /t REG_DWORD /d 1 /f`);
    const before = w.exportKey(RDP);
    const warning = `RDPRESCUE ${FIX} warning: Without Network Level Authentication`;

    // A confirmation left for another fix confirms nothing.
    const out = w.interactive(
      `set RR_CONFIRM=set-credssp-mitigated\r\n${session.blocks(FIX, { confirmed: false })}`,
    );
    expect(out.indexOf(warning)).toBeGreaterThan(-1);
    expect(out.indexOf(warning)).toBeLessThan(out.indexOf(`RDPRESCUE ${FIX} block 1/`));
    expect(out).toContain(
      `RDPRESCUE ${FIX} NOT APPLIED: it lowers security (above). To confirm, type: set RR_CONFIRM=${FIX}, then paste block 1 again`,
    );
    expect(out).toContain(`RDPRESCUE ${FIX} refused: block 1 did not pass`);
    expect(out).not.toContain(`RDPRESCUE ${FIX} applied`);
    expect(w.exportKey(RDP)).toBe(before);
    expect(existsSync(session.backupDir(FIX))).toBe(false);

    const refused = session.batch(FIX, [], { confirmed: false });
    expect(refused.code).toBe(2);
    expect(refused.stdout.indexOf(warning)).toBeGreaterThan(-1);
    expect(refused.stdout).toContain(`To confirm, run: ${FIX}.cmd /confirm`);
    expect(existsSync(session.backupDir(FIX))).toBe(false);
    expect(w.exportKey(RDP)).toBe(before);

    // Confirmed: the warning still comes first, once, and the restore hint stays at the end.
    const applied = w.interactive(session.blocks(FIX));
    expect(applied).toContain(`RDPRESCUE ${FIX} applied`);
    expect(applied.split('Without Network Level Authentication').length - 1).toBe(1);
    expect(applied.indexOf(warning)).toBeLessThan(applied.indexOf(`RDPRESCUE ${FIX} block 2/`));
    expect(applied.lastIndexOf(`RDPRESCUE ${FIX} to restore:`)).toBeGreaterThan(
      applied.indexOf(`RDPRESCUE ${FIX} applied`),
    );
    w.interactive(undo(FIX));
    expect(w.exportKey(RDP)).toBe(before);
  });

  it('disable-nla.cmd as a batch file: exit 0 with the value written', () => {
    w.reg(`reg add "${RDP}" /v UserAuthentication /t REG_DWORD /d 1 /f`);
    const done = session.batch(FIX);
    expect(done.applied, done.stdout + done.stderr).toBe(true);
    expect(done.code).toBe(0);
    expect(w.exportKey(RDP)).toContain('"UserAuthentication"=dword:00000000');
  });
});
