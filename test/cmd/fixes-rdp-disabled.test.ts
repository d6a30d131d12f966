import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, read, undo } from './fix-session.ts';
import { POLICY, TERMINAL_SERVER } from './keys.ts';

/**
 * allow-rdp-connections pasted into a real interactive cmd.exe (Wine): the local value turns
 * to 0 after a backup, a second paste changes nothing, undo restores exactly, and a policy
 * that denies Remote Desktop leaves the fix unverified (the policy wins).
 */

const FIX = 'allow-rdp-connections';
const session = new FixSession();
let w: FixSession['w'];

beforeAll(async () => {
  await session.start('cmd-fixes-rdp-disabled');
  w = session.w;
});

describe.skipIf(!wineAvailable())('allow-rdp-connections in a real cmd.exe', () => {
  it('backs up, sets fDenyTSConnections=0, is idempotent, and undo restores exactly', () => {
    rmSync(session.backupDir(FIX), { recursive: true, force: true });
    w.reg(
      `reg delete "${POLICY}" /f >nul 2>&1`,
      `reg add "${TERMINAL_SERVER}" /v fDenyTSConnections /t REG_DWORD /d 1 /f`,
    );
    const before = w.exportKey(TERMINAL_SERVER);
    expect(before).toContain('"fDenyTSConnections"=dword:00000001');

    const out = w.interactive(session.blocks(FIX));
    expect(out).toContain(`RDPRESCUE ${FIX} applied`);
    expect(out).toContain(`RDPRESCUE ${FIX} verify rdp-connections-denied ok`);
    const after = w.exportKey(TERMINAL_SERVER);
    expect(after).toContain('"fDenyTSConnections"=dword:00000000');
    const dir = session.backupDir(FIX);
    const saved = readdirSync(dir).filter((f) => f.endsWith('.reg'));
    expect(saved).toHaveLength(1);
    expect(readFileSync(join(dir, saved[0]!)).toString('utf16le')).toContain(
      '"fDenyTSConnections"=dword:00000001',
    );
    const undoText = read(join(dir, 'undo.cmd'));

    // Pasting again changes nothing, not even the backup.
    w.interactive(session.blocks(FIX));
    expect(w.exportKey(TERMINAL_SERVER)).toBe(after);
    expect(read(join(dir, 'undo.cmd'))).toBe(undoText);

    w.interactive(undo(FIX));
    expect(w.exportKey(TERMINAL_SERVER)).toBe(before);
  });

  it('allow-rdp-connections.cmd as a batch file: exit 0 and the value written; exit 2, nothing changed, when policy wins', () => {
    w.reg(
      `reg delete "${POLICY}" /f >nul 2>&1`,
      `reg add "${TERMINAL_SERVER}" /v fDenyTSConnections /t REG_DWORD /d 1 /f`,
    );
    const done = session.batch(FIX);
    expect(done.applied, done.stdout + done.stderr).toBe(true);
    expect(done.code).toBe(0);
    expect(w.exportKey(TERMINAL_SERVER)).toContain('"fDenyTSConnections"=dword:00000000');

    w.reg(
      `reg add "${TERMINAL_SERVER}" /v fDenyTSConnections /t REG_DWORD /d 1 /f`,
      `reg add "${POLICY}" /v fDenyTSConnections /t REG_DWORD /d 1 /f`,
    );
    const before = w.exportKey(TERMINAL_SERVER);
    const overridden = session.batch(FIX);
    expect(overridden.applied).toBe(false);
    expect(overridden.code).toBe(3);
    expect(w.exportKey(TERMINAL_SERVER)).toBe(before);
    w.reg(`reg delete "${POLICY}" /f >nul 2>&1`);
  });

  it('refuses before any change when Group Policy denies Remote Desktop', () => {
    rmSync(session.backupDir(FIX), { recursive: true, force: true });
    w.reg(
      `reg add "${TERMINAL_SERVER}" /v fDenyTSConnections /t REG_DWORD /d 1 /f`,
      `reg add "${POLICY}" /v fDenyTSConnections /t REG_DWORD /d 1 /f`,
    );
    const before = w.exportKey(TERMINAL_SERVER);
    const out = w.interactive(session.blocks(FIX));
    // Refused before any change (review 15b F11): the local value would not count.
    expect(out).toContain(
      `RDPRESCUE ${FIX} refused: Group Policy sets ${POLICY}\\fDenyTSConnections, which wins over the local value: not changed`,
    );
    expect(out).not.toContain(`RDPRESCUE ${FIX} applied`);
    expect(w.exportKey(TERMINAL_SERVER)).toBe(before);
    w.reg(`reg delete "${POLICY}" /f >nul 2>&1`);
  });
});
