import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, read, undo } from './fix-session.ts';
import { BCD_DEFAULT, BCD_POINTER, BCD_SAFEBOOT } from './keys.ts';

/**
 * remove-safe-boot pasted into a real interactive cmd.exe (Wine). bcdedit is the test shim
 * playing the system store at HKLM\BCD00000000 (test/shims/shim.c): /export and /import save
 * and restore the key, /deletevalue fails on a missing element as bcdedit does. The fix exports
 * the store, deletes safeboot only when the default entry carries it, reads it back from the
 * store's keys, and undo sets safeboot back with its old mode (bcdedit /set); the export stays an emergency copy.
 */

const FIX = 'remove-safe-boot';
const STORE = 'HKLM\\BCD00000000';
const session = new FixSession();
let w: FixSession['w'];

beforeAll(async () => {
  await session.start('cmd-fixes-safe-mode');
  w = session.w;
});

/** The default entry carries safeboot Network (1) and safebootalternateshell Yes. */
function inSafeMode(): void {
  w.reg(
    `reg delete "${STORE}" /f >nul 2>&1`,
    `reg add "${BCD_POINTER}" /v Element /t REG_SZ /d ${BCD_DEFAULT} /f`,
    `reg add "${BCD_SAFEBOOT}" /v Element /t REG_BINARY /d 0100000000000000 /f`,
    `reg add "${STORE}\\Objects\\${BCD_DEFAULT}\\Elements\\26000081" /v Element /t REG_BINARY /d 01 /f`,
  );
}

describe.skipIf(!wineAvailable())('remove-safe-boot in a real cmd.exe', () => {
  it('exports the store, deletes safeboot, is idempotent, and undo brings safeboot back exactly', () => {
    rmSync(session.backupDir(FIX), { recursive: true, force: true });
    w.resetShims();
    inSafeMode();
    const before = w.exportKey(STORE);
    expect(before).toContain('25000080');

    const out = w.interactive(session.blocks(FIX));
    expect(out).toContain(`RDPRESCUE ${FIX} verify default-entry-safeboot ok`);
    expect(out).toContain(`RDPRESCUE ${FIX} applied`);
    expect(out).toContain(`RDPRESCUE ${FIX}: restart the VM to finish`);
    const after = w.exportKey(STORE);
    expect(after).not.toContain('25000080');
    expect(after).toContain('26000081');
    const dir = session.backupDir(FIX);
    expect(existsSync(join(dir, 'bcd.export'))).toBe(true);
    const undoText = read(join(dir, 'undo.cmd'));
    // Undo sets the old mode back; the export is an emergency copy, never imported by undo.
    expect(undoText).toMatch(/^bcdedit \/set \{default\} safeboot network\r?$/im);
    expect(undoText).not.toMatch(/\/import/i);

    // Pasting again runs no /deletevalue (it would fail) and changes nothing, not the backup.
    const calls = w.log('bcdedit').length;
    const again = w.interactive(session.blocks(FIX));
    expect(again).toContain(`RDPRESCUE ${FIX} applied`);
    expect(w.log('bcdedit').slice(calls)).toEqual([]);
    expect(w.exportKey(STORE)).toBe(after);
    expect(read(join(dir, 'undo.cmd'))).toBe(undoText);

    // A boot change made after the fix (bcdedit /ems {current} on: element 26000022) survives undo.
    const EMS = `${STORE}\\Objects\\${BCD_DEFAULT}\\Elements\\26000022`;
    w.reg(`reg add "${EMS}" /v Element /t REG_BINARY /d 01 /f`);
    w.interactive(undo(FIX));
    expect(w.exportKey(STORE)).toContain('26000022');
    w.reg(`reg delete "${EMS}" /f`);
    expect(w.exportKey(STORE)).toBe(before);
  });

  it('remove-safe-boot.cmd as a batch file: exit 0 applied; exit 1, never applied, when bcdedit fails', () => {
    w.resetShims();
    inSafeMode();
    const done = session.batch(FIX);
    expect(done.applied, done.stdout + done.stderr).toBe(true);
    expect(done.code).toBe(0);
    expect(w.exportKey(STORE)).not.toContain('25000080');

    inSafeMode();
    w.fixture('bcdedit', [{ match: '/deletevalue', rc: 1 }]);
    const failed = session.batch(FIX);
    expect(failed.applied).toBe(false);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('failed bcdedit /deletevalue {default} safeboot');
    expect(w.exportKey(STORE)).toContain('25000080');
  });

  it('changes nothing and fails when the store names no default entry', () => {
    rmSync(session.backupDir(FIX), { recursive: true, force: true });
    w.resetShims();
    inSafeMode();
    w.reg(`reg delete "${BCD_POINTER}" /f`);
    const out = w.interactive(session.blocks(FIX));
    expect(out).toContain(`RDPRESCUE ${FIX} verify default-entry-safeboot could not run`);
    expect(out).not.toContain(`RDPRESCUE ${FIX} applied`);
    expect(w.log('bcdedit').filter((c) => /deletevalue/i.test(c))).toEqual([]);
  });
});
