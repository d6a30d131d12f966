import { beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, read, undo } from './fix-session.ts';
import { RDP, TERMINAL_SERVER } from './keys.ts';
import { scQuery } from './sc-query.ts';

/**
 * enable-terminal-server and enable-rdp-listener pasted into a real interactive cmd.exe
 * (Wine): each sets its switches back after a backup, restarts TermService, changes nothing
 * when pasted again, and its undo restores the key exactly (values absent before included).
 */

const session = new FixSession();
let w: FixSession['w'];

beforeAll(async () => {
  await session.start('cmd-fixes-rdp-listener');
  w = session.w;
});

const cases = [
  {
    fix: 'enable-terminal-server',
    key: TERMINAL_SERVER,
    broken: [
      `reg add "${TERMINAL_SERVER}" /v TSEnabled /t REG_DWORD /d 0 /f`,
      `reg add "${TERMINAL_SERVER}" /v TSUserEnabled /t REG_DWORD /d 1 /f`,
      `reg delete "${TERMINAL_SERVER}" /v TSServerDrainMode /f >nul 2>&1`,
    ],
    after: [
      '"TSEnabled"=dword:00000001',
      '"TSUserEnabled"=dword:00000000',
      '"TSServerDrainMode"=dword:00000000',
    ],
    verified: ['terminal-server-off', 'terminal-server-logons-off', 'terminal-server-draining'],
  },
  {
    fix: 'enable-rdp-listener',
    key: RDP,
    broken: [
      `reg add "${RDP}" /v fEnableWinStation /t REG_DWORD /d 0 /f`,
      `reg add "${RDP}" /v fLogonDisabled /t REG_DWORD /d 1 /f`,
    ],
    after: ['"fEnableWinStation"=dword:00000001', '"fLogonDisabled"=dword:00000000'],
    verified: ['rdp-listener-off', 'rdp-listener-logons-off'],
  },
];

describe.skipIf(!wineAvailable())('listener fixes in a real cmd.exe', () => {
  for (const c of cases)
    it(`${c.fix}: backup first, applies, restarts TermService, idempotent, exact undo`, () => {
      w.resetShims();
      rmSync(session.backupDir(c.fix), { recursive: true, force: true });
      w.reg(...c.broken);
      const before = w.exportKey(c.key);

      const out = w.interactive(session.blocks(c.fix));
      expect(out).toContain(`RDPRESCUE ${c.fix} applied`);
      for (const check of c.verified)
        expect(out).toContain(`RDPRESCUE ${c.fix} verify ${check} ok`);
      const after = w.exportKey(c.key);
      for (const value of c.after) expect(after).toContain(value);
      expect(w.log('net').map((l) => l.toLowerCase())).toEqual([
        'stop termservice /y',
        'start termservice',
      ]);
      const undoFile = join(session.backupDir(c.fix), 'undo.cmd');
      const undoText = read(undoFile);
      // Per value: the export is only named in a comment.
      expect(undoText).toMatch(/^reg add /im);
      expect(undoText).not.toMatch(/^reg import/im);

      // Pasting again changes nothing, not even the backup.
      w.interactive(session.blocks(c.fix));
      expect(w.exportKey(c.key)).toBe(after);
      expect(read(undoFile)).toBe(undoText);

      w.interactive(undo(c.fix));
      expect(w.exportKey(c.key)).toBe(before);
    });

  for (const c of cases)
    it(`${c.fix}.cmd as a batch file: exit 0, the values written, TermService restarted`, () => {
      w.resetShims();
      w.reg(...c.broken);
      const done = session.batch(c.fix);
      expect(done.applied, done.stdout + done.stderr).toBe(true);
      expect(done.code).toBe(0);
      const after = w.exportKey(c.key);
      for (const value of c.after) expect(after).toContain(value);
      expect(w.log('net').map((l) => l.toLowerCase())).toEqual([
        'stop termservice /y',
        'start termservice',
      ]);
    });

  it('names the step that failed: a TermService stuck stopping is "failed stopping", not a failed restart', () => {
    const fix = 'enable-terminal-server';
    w.resetShims();
    rmSync(session.backupDir(fix), { recursive: true, force: true });
    w.reg(...cases[0]!.broken);
    // net stop returned, but the service is still STOP_PENDING (3).
    w.standing.sc = [{ match: 'query TermService', output: scQuery('TermService', 3) }];
    w.resetShims();
    let out: string;
    try {
      out = w.interactive(session.blocks(fix));
    } finally {
      w.standing.sc = [{ match: 'query', output: scQuery('Service', 1) }];
    }
    expect(out).toContain(`RDPRESCUE ${fix} failed stopping TermService`);
    expect(out).not.toContain('failed restarting');
    expect(out).not.toContain(`RDPRESCUE ${fix} applied`);
  });
});
