import { beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, read, undo } from './fix-session.ts';
import { TERMSERVICE } from './keys.ts';
import { scQuery } from './sc-query.ts';

/**
 * start-termservice pasted into a real interactive cmd.exe (Wine). `sc config` is a shim that
 * writes the start type as the service manager would (Wine's own fails); `net` and `sc query`
 * are shims (the start is recorded, the service's state is described).
 */

const FIX = 'start-termservice';
const session = new FixSession();
let w: FixSession['w'];

beforeAll(async () => {
  await session.start('cmd-fixes-termservice');
  w = session.w;
  // Each test says whether TermService runs.
  if (w) w.standing.sc = [];
});

const running = [{ match: 'query TermService', output: scQuery('TermService', 4) }];
const stopped = [{ match: 'query TermService', output: scQuery('TermService', 1) }];

describe.skipIf(!wineAvailable())('start-termservice in a real cmd.exe', () => {
  it('sets the start type back to manual, starts the service, is idempotent, undo restores the start type', () => {
    w.resetShims();
    rmSync(session.backupDir(FIX), { recursive: true, force: true });
    w.reg(`reg add "${TERMSERVICE}" /v Start /t REG_DWORD /d 4 /f`);
    const before = w.exportKey(TERMSERVICE);
    expect(before).toContain('"Start"=dword:00000004');
    w.fixture('sc', running);

    const out = w.interactive(session.blocks(FIX));
    expect(out).toContain(`RDPRESCUE ${FIX} verify termservice-disabled ok`);
    expect(out).toContain(`RDPRESCUE ${FIX} verify termservice-down ok`);
    expect(out).toContain(`RDPRESCUE ${FIX} applied`);
    expect(w.exportKey(TERMSERVICE)).toContain('"Start"=dword:00000003');
    expect(w.log('sc').map((l) => l.toLowerCase())).toContain('config termservice start= demand');
    expect(w.log('net').map((l) => l.toLowerCase())).toContain('start termservice');
    const undoFile = join(session.backupDir(FIX), 'undo.cmd');
    const undoText = read(undoFile);

    // Pasting again changes nothing, not even the backup.
    w.interactive(session.blocks(FIX));
    expect(w.exportKey(TERMSERVICE)).toContain('"Start"=dword:00000003');
    expect(read(undoFile)).toBe(undoText);

    // Undo gives the service control manager the old start type too, not only the registry.
    expect(undoText).toMatch(/^sc config TermService start= disabled/im);
    w.interactive(undo(FIX));
    expect(w.exportKey(TERMSERVICE)).toBe(before);
    expect(w.log('sc').map((l) => l.toLowerCase())).toContain('config termservice start= disabled');
  });

  it('start-termservice.cmd as a batch file: exit 0 when the service comes up, exit 1 when it does not', () => {
    w.resetShims();
    w.reg(`reg add "${TERMSERVICE}" /v Start /t REG_DWORD /d 4 /f`);
    w.fixture('sc', running);
    const done = session.batch(FIX);
    expect(done.applied, done.stdout + done.stderr).toBe(true);
    expect(done.code).toBe(0);
    expect(w.exportKey(TERMSERVICE)).toContain('"Start"=dword:00000003');

    w.resetShims();
    w.reg(`reg add "${TERMSERVICE}" /v Start /t REG_DWORD /d 4 /f`);
    w.fixture('sc', stopped);
    const down = session.batch(FIX);
    expect(down.applied).toBe(false);
    expect(down.code).toBe(1);
  });

  it('says FAILED when the service does not come up', () => {
    w.resetShims();
    rmSync(session.backupDir(FIX), { recursive: true, force: true });
    w.reg(`reg add "${TERMSERVICE}" /v Start /t REG_DWORD /d 4 /f`);
    w.fixture('sc', stopped);
    const out = w.interactive(session.blocks(FIX));
    expect(out).toContain(`RDPRESCUE ${FIX} verify termservice-down still-fires`);
    expect(out).not.toContain(`RDPRESCUE ${FIX} applied`);
  });
});
