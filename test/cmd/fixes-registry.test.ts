import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, read, undo } from './fix-session.ts';
import { GPSVC, PROTOCOLS, RDP, TLS12 } from './keys.ts';
import { probeAnswers } from './probe-answers.ts';

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
  await session.start('cmd-fixes-registry');
  w = session.w;
  artifacts = session.artifacts;
});

describe.skipIf(!wineAvailable())('registry fix blocks in a real cmd.exe', () => {
  it('enable-tls12-server: backup first, applies, idempotent, undo restores exactly', () => {
    w.reg(
      `reg delete "${PROTOCOLS}" /f >nul 2>&1`,
      `reg add "${TLS12}" /v Enabled /t REG_DWORD /d 0 /f`,
    );
    const before = w.exportKey(PROTOCOLS);
    expect(before).toContain('"Enabled"=dword:00000000');

    const out = w.interactive(blocks('enable-tls12-server'));
    expect(out).toContain('RDPRESCUE enable-tls12-server applied');
    expect(out).toContain('RDPRESCUE enable-tls12-server verify tls12-server-off ok');
    const after = w.exportKey(PROTOCOLS);
    expect(after).toContain('"Enabled"=dword:00000001');
    expect(after).toContain('"DisabledByDefault"=dword:00000000');
    // The backup holds the state from before the change.
    const dir = backupDir('enable-tls12-server');
    const saved = readdirSync(dir).filter((f) => f.endsWith('.reg'));
    expect(saved).toHaveLength(1);
    expect(readFileSync(join(dir, saved[0]!)).toString('utf16le')).toContain(
      '"Enabled"=dword:00000000',
    );
    const undoText = read(join(dir, 'undo.cmd'));
    // Per value: Enabled written back, the export only named in a comment.
    expect(undoText).toMatch(
      /^reg add "[^"]+TLS 1\.2\\Server" \/v Enabled \/t REG_DWORD \/d "0x0" \/f\r$/im,
    );
    expect(undoText).not.toMatch(/^reg import/im);
    expect(undoText).toMatch(
      /reg delete "HKLM\\SYSTEM\\CurRentControlSet.*TLS 1\.2\\Server" \/v DisabledByDefault \/f/i,
    );

    // Pasting again changes nothing, not even the backup.
    w.interactive(blocks('enable-tls12-server'));
    expect(w.exportKey(PROTOCOLS)).toBe(after);
    expect(read(join(dir, 'undo.cmd'))).toBe(undoText);

    w.interactive(undo('enable-tls12-server'));
    expect(w.exportKey(PROTOCOLS)).toBe(before);
  });

  it('enable-tls12-server when the key did not exist: undo removes what the fix created', () => {
    rmSync(backupDir('enable-tls12-server'), { recursive: true, force: true });
    w.reg(`reg delete "${PROTOCOLS}" /f >nul 2>&1`, `reg add "${PROTOCOLS}" /f`);
    const before = w.exportKey(PROTOCOLS);
    const file = w.put(
      'enable-tls12-server.cmd',
      artifacts.find((a) => a.path === 'cmd/enable-tls12-server.cmd')!.content,
    );
    const result = w.batch(file);
    expect(result.code).toBe(0);
    expect(w.exportKey(TLS12)).toContain('"Enabled"=dword:00000001');
    w.interactive(undo('enable-tls12-server'));
    expect(w.exportKey(PROTOCOLS)).toBe(before);
  });

  it('suspend-group-policy then resume: gpsvc Start via the registry, each undoable', () => {
    w.reg(`reg add "${GPSVC}" /v Start /t REG_DWORD /d 2 /f`);
    const before = w.exportKey(GPSVC);
    const out = w.interactive(blocks('suspend-group-policy'));
    expect(out).toContain('RDPRESCUE suspend-group-policy applied');
    expect(out).toContain('restart the VM');
    expect(w.exportKey(GPSVC)).toContain('"Start"=dword:00000004');
    w.interactive(blocks('resume-group-policy'));
    expect(w.exportKey(GPSVC)).toContain('"Start"=dword:00000002');
    w.interactive(undo('suspend-group-policy'));
    expect(w.exportKey(GPSVC)).toBe(before);
  });

  it('remove-rdp-cert-binding deletes the thumbprint, restarts TermService, undo puts it back', () => {
    w.resetShims();
    w.reg(
      `reg add "${RDP}" /v SSLCertificateSHA1Hash /t REG_BINARY /d 00112233445566778899AABBCCDDEEFF00112233 /f`,
    );
    const before = w.exportKey(RDP);
    // Diagnose first in the same console, as an operator would: the binding names a missing
    // certificate. The fix's verification must read the key again, not the diagnosis's values.
    // The diagnosis reads what its probe prints, the fix's verification the exit code.
    const answers = probeAnswers(session.diagnoseCmd());
    w.fixture('powershell', [
      { match: 'REG_BINARY', rc: 3, output: answers.fired },
      { match: '*', rc: 0, output: answers.quiet },
    ]);
    const out = w.interactive(session.diagnosis() + blocks('remove-rdp-cert-binding'));
    expect(out).toContain('RDPRESCUE rdp-cert-invalid DETECTED rdp-cert-binding');
    expect(out).toContain('RDPRESCUE remove-rdp-cert-binding verify rdp-cert-binding ok');
    expect(out).toContain('RDPRESCUE remove-rdp-cert-binding applied');
    expect(w.exportKey(RDP)).not.toContain('SSLCertificateSHA1Hash');
    expect(w.log('net').map((c) => c.toLowerCase())).toEqual([
      'stop termservice /y',
      'start termservice',
    ]);
    w.interactive(undo('remove-rdp-cert-binding'));
    expect(w.exportKey(RDP)).toBe(before);
  });
});
