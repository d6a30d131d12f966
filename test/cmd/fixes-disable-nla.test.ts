import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
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

  it('warns that it weakens security, and never says applied while Group Policy requires NLA', () => {
    rmSync(session.backupDir(FIX), { recursive: true, force: true });
    w.reg(`reg add "${RDP}" /v UserAuthentication /t REG_DWORD /d 1 /f`);
    w.reg(`reg add "${POLICY}" /v UserAuthentication /t REG_DWORD /d 1 /f`);
    try {
      const out = w.interactive(session.blocks(FIX));
      expect(out).toContain('RDPRESCUE warning: Without Network Level Authentication');
      expect(out).toContain(`RDPRESCUE ${FIX} verify nla-required still-fires`);
      expect(out).toContain(`RDPRESCUE ${FIX} FAILED`);
      expect(out).not.toContain(`RDPRESCUE ${FIX} applied`);
      const done = session.batch(FIX);
      expect(done.applied).toBe(false);
      expect(done.code).toBe(1);
    } finally {
      w.reg(`reg delete "${POLICY}" /v UserAuthentication /f >nul 2>&1`);
      w.interactive(undo(FIX));
    }
  });

  it('disable-nla.cmd as a batch file: exit 0 with the value written', () => {
    w.reg(`reg add "${RDP}" /v UserAuthentication /t REG_DWORD /d 1 /f`);
    const done = session.batch(FIX);
    expect(done.applied, done.stdout + done.stderr).toBe(true);
    expect(done.code).toBe(0);
    expect(w.exportKey(RDP)).toContain('"UserAuthentication"=dword:00000000');
  });
});
