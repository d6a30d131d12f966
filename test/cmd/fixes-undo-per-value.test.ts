import { beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, read, undo } from './fix-session.ts';
import { CREDSSP, RDP } from './keys.ts';

/**
 * Undo is per value (review 15b, F3): undoing one fix gives back exactly the values it
 * changed, and leaves alone every other value of the key that another fix (or a person)
 * changed since. A value whose old data no undo line can write back exactly (a string) is
 * not changed at all.
 */

const session = new FixSession();
let w: FixSession['w'];

beforeAll(async () => {
  await session.start('cmd-fixes-undo-per-value');
  w = session.w;
});

/** The line of an exported key that holds one value, or undefined when it is absent. */
const valueLine = (exported: string, name: string) =>
  exported.split(/\r?\n/).find((l) => l.startsWith(`"${name}"=`));

/** A value as reg query prints it (name as stored, type, data), or undefined when absent. */
const queried = (name: string) =>
  w
    .reg(`reg query "${RDP}" /v ${name} 2>nul`)
    .split(/\r?\n/)
    .map((l) => l.trim().split(/ {4}/))
    .find((cells) => cells.length >= 2 && cells[0]!.toLowerCase() === name.toLowerCase())
    ?.join(' ');

function fresh(fix: string): void {
  rmSync(session.backupDir(fix), { recursive: true, force: true });
}

describe.skipIf(!wineAvailable())('CMD undo restores the values a fix changed, no others', () => {
  it('DWORD: undo of disable-nla gives back UserAuthentication, not a later PortNumber', () => {
    fresh('disable-nla');
    w.reg(
      `reg add "${RDP}" /v UserAuthentication /t REG_DWORD /d 1 /f`,
      `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`,
    );
    expect(w.interactive(session.blocks('disable-nla'))).toContain('RDPRESCUE disable-nla applied');
    // Another fix (set-rdp-port) moves the port afterwards.
    w.reg(`reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3390 /f`);

    w.interactive(undo('disable-nla'));
    const after = w.exportKey(RDP);
    expect(valueLine(after, 'UserAuthentication')).toBe('"UserAuthentication"=dword:00000001');
    expect(valueLine(after, 'PortNumber')).toBe('"PortNumber"=dword:00000d3e');

    const undoText = read(join(session.backupDir('disable-nla'), 'undo.cmd'));
    expect(undoText).toMatch(
      /^reg add "[^"]+RDP-Tcp" \/v UserAuthentication \/t REG_DWORD \/d "0x1" \/f\r$/im,
    );
    // The key's export stays only as a comment: no line of undo.cmd imports it.
    expect(undoText).toMatch(/^rem emergency copy only.*reg import/im);
    expect(undoText).not.toMatch(/^reg import/im);
  });

  it('absent value: undo deletes it again and keeps a value changed since', () => {
    fresh('disable-nla');
    w.reg(
      `reg delete "${RDP}" /v UserAuthentication /f >nul 2>&1`,
      `reg add "${RDP}" /v SecurityLayer /t REG_DWORD /d 1 /f`,
    );
    expect(w.interactive(session.blocks('disable-nla'))).toContain('RDPRESCUE disable-nla applied');
    w.reg(`reg add "${RDP}" /v SecurityLayer /t REG_DWORD /d 2 /f`);
    w.interactive(undo('disable-nla'));
    const after = w.exportKey(RDP);
    expect(valueLine(after, 'UserAuthentication')).toBeUndefined();
    expect(valueLine(after, 'SecurityLayer')).toBe('"SecurityLayer"=dword:00000002');
  });

  it('BINARY: undo of remove-rdp-cert-binding gives back the thumbprint exactly, nothing else', () => {
    fresh('remove-rdp-cert-binding');
    w.resetShims();
    w.reg(
      `reg delete "${RDP}" /v SSLCertificateSHA1Hash /f >nul 2>&1`,
      `reg add "${RDP}" /v SSLCertificateSHA1Hash /t REG_BINARY /d 00112233445566778899AABBCCDDEEFF00112233 /f`,
      `reg add "${RDP}" /v SecurityLayer /t REG_DWORD /d 1 /f`,
    );
    const out = w.interactive(session.blocks('remove-rdp-cert-binding'));
    expect(out).toContain('RDPRESCUE remove-rdp-cert-binding applied');
    expect(queried('SSLCertificateSHA1Hash')).toBeUndefined();
    w.reg(`reg add "${RDP}" /v SecurityLayer /t REG_DWORD /d 2 /f`);

    w.interactive(undo('remove-rdp-cert-binding'));
    // The name as it was spelled, too (undo recreates the deleted value).
    expect(queried('SSLCertificateSHA1Hash')).toBe(
      'SSLCertificateSHA1Hash REG_BINARY 00112233445566778899AABBCCDDEEFF00112233',
    );
    expect(queried('SecurityLayer')).toBe('SecurityLayer REG_DWORD 0x2');
  });

  it('an empty BINARY value comes back empty', () => {
    fresh('remove-rdp-cert-binding');
    w.resetShims();
    w.reg(
      `reg delete "${RDP}" /v SSLCertificateSHA1Hash /f >nul 2>&1`,
      `reg add "${RDP}" /v SSLCertificateSHA1Hash /t REG_BINARY /d "" /f`,
    );
    expect(valueLine(w.exportKey(RDP), 'SSLCertificateSHA1Hash')).toBe(
      '"SSLCertificateSHA1Hash"=hex:',
    );
    w.interactive(session.blocks('remove-rdp-cert-binding'));
    expect(queried('SSLCertificateSHA1Hash')).toBeUndefined();
    w.interactive(undo('remove-rdp-cert-binding'));
    expect(valueLine(w.exportKey(RDP), 'SSLCertificateSHA1Hash')).toBe(
      '"SSLCertificateSHA1Hash"=hex:',
    );
  });

  it('a key that did not exist: undo deletes the key, with no second line that would fail', () => {
    fresh('set-credssp-mitigated');
    const parent = CREDSSP.slice(0, CREDSSP.lastIndexOf('\\'));
    w.reg(`reg delete "${parent}" /f >nul 2>&1`);
    const out = w.interactive(session.blocks('set-credssp-mitigated'));
    expect(out).toContain('RDPRESCUE set-credssp-mitigated applied');

    const undoText = read(join(session.backupDir('set-credssp-mitigated'), 'undo.cmd'));
    expect(undoText).toMatch(/^reg delete "[^"]+CredSSP" \/f\r$/im);
    // Deleting the value after its key is gone would print an error and leave ERRORLEVEL 1.
    expect(undoText).not.toMatch(/\/v AllowEncryptionOracle/i);
    w.interactive(undo('set-credssp-mitigated'));
    expect(w.reg(`reg query "${parent}" >nul 2>&1`, 'echo EL=%errorlevel%')).toContain('EL=1');
  });

  it('a string where the fix writes: refused, nothing changed, FAILED, and undo.cmd has no line for it', () => {
    fresh('disable-nla');
    // Data no line written by cmd could give back exactly: leading spaces, a percent sign, a
    // quote (imported from a file: no command line would keep them either).
    const file = w.put(
      'string-value.reg',
      Buffer.from(
        `\ufeffWindows Registry Editor Version 5.00\r\n\r\n[${RDP.replace('HKLM', 'HKEY_LOCAL_MACHINE')}]\r\n"UserAuthentication"="  1 %OS% \\"x\\""\r\n\r\n`,
        'utf16le',
      ),
    );
    w.reg(`reg import ${file}`);
    const before = w.exportKey(RDP);
    expect(valueLine(before, 'UserAuthentication')).toBe('"UserAuthentication"="  1 %OS% \\"x\\""');

    const out = w.interactive(session.blocks('disable-nla'));
    expect(out).toContain(
      'RDPRESCUE disable-nla cannot save UserAuthentication exactly for undo: not changed',
    );
    expect(out).toContain('RDPRESCUE disable-nla FAILED');
    expect(out).not.toContain('RDPRESCUE disable-nla applied');
    expect(w.exportKey(RDP)).toBe(before);
    expect(read(join(session.backupDir('disable-nla'), 'undo.cmd'))).not.toMatch(
      /UserAuthentication/i,
    );

    // As a batch file too: exit 1, still unchanged.
    const done = session.batch('disable-nla');
    expect(done.code).toBe(1);
    expect(w.exportKey(RDP)).toBe(before);
  });
});
