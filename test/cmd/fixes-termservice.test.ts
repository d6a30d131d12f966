import { beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, read, undo } from './fix-session.ts';
import { TERMSERVICE } from './keys.ts';

/**
 * start-termservice pasted into a real interactive cmd.exe (Wine). `sc config` is a shim that
 * writes the start type as the service manager would (Wine's own fails); `net` and `tasklist`
 * are shims (the start is recorded, the running service is described).
 */

const FIX = 'start-termservice';
const session = new FixSession();
let w: FixSession['w'];

beforeAll(async () => {
  await session.start('cmd-fixes-termservice', { shimSc: true });
  w = session.w;
});

const running = '"svchost.exe","1000","SessionEnv,TermService"';

describe.skipIf(!wineAvailable())('start-termservice in a real cmd.exe', () => {
  it('sets the start type back to manual, starts the service, is idempotent, undo restores the start type', () => {
    w.resetShims();
    rmSync(session.backupDir(FIX), { recursive: true, force: true });
    w.reg(`reg add "${TERMSERVICE}" /v Start /t REG_DWORD /d 4 /f`);
    const before = w.exportKey(TERMSERVICE);
    expect(before).toContain('"Start"=dword:00000004');
    w.fixture('tasklist', [{ match: '*', output: running }]);

    const out = w.interactive(session.blocks(FIX));
    expect(out).toContain(`RDPRESCUE ${FIX} verify termservice-disabled ok`);
    expect(out).toContain(`RDPRESCUE ${FIX} verify termservice-down ok`);
    expect(out).toContain(`RDPRESCUE ${FIX} applied`);
    expect(w.exportKey(TERMSERVICE)).toContain('"Start"=dword:00000003');
    expect(w.log('sc').map((l) => l.toLowerCase())).toEqual(['config termservice start= demand']);
    expect(w.log('net').map((l) => l.toLowerCase())).toContain('start termservice');
    const undoFile = join(session.backupDir(FIX), 'undo.cmd');
    const undoText = read(undoFile);

    // Pasting again changes nothing, not even the backup.
    w.interactive(session.blocks(FIX));
    expect(w.exportKey(TERMSERVICE)).toContain('"Start"=dword:00000003');
    expect(read(undoFile)).toBe(undoText);

    w.interactive(undo(FIX));
    expect(w.exportKey(TERMSERVICE)).toBe(before);
  });

  it('start-termservice.cmd as a batch file: exit 0 when the service comes up, exit 1 when it does not', () => {
    w.resetShims();
    w.reg(`reg add "${TERMSERVICE}" /v Start /t REG_DWORD /d 4 /f`);
    w.fixture('tasklist', [{ match: '*', output: running }]);
    const done = session.batch(FIX);
    expect(done.applied, done.stdout + done.stderr).toBe(true);
    expect(done.code).toBe(0);
    expect(w.exportKey(TERMSERVICE)).toContain('"Start"=dword:00000003');

    w.resetShims();
    w.reg(`reg add "${TERMSERVICE}" /v Start /t REG_DWORD /d 4 /f`);
    w.fixture('tasklist', [
      { match: '*', output: 'INFO: No tasks are running which match the specified criteria.' },
    ]);
    const down = session.batch(FIX);
    expect(down.applied).toBe(false);
    expect(down.code).toBe(1);
  });

  it('says FAILED when the service does not come up', () => {
    w.resetShims();
    rmSync(session.backupDir(FIX), { recursive: true, force: true });
    w.reg(`reg add "${TERMSERVICE}" /v Start /t REG_DWORD /d 4 /f`);
    // What tasklist /fi prints when no process hosts the service.
    w.fixture('tasklist', [
      { match: '*', output: 'INFO: No tasks are running which match the specified criteria.' },
    ]);
    const out = w.interactive(session.blocks(FIX));
    expect(out).toContain(`RDPRESCUE ${FIX} verify termservice-down still-fires`);
    expect(out).not.toContain(`RDPRESCUE ${FIX} applied`);
  });
});
