import { beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, read, undo } from './fix-session.ts';
import { CREDSSP, FIPS, POLICY, RDP } from './keys.ts';

/**
 * The fixes of security-layer-mismatch, credssp-oracle and max-connections-reached pasted into
 * a real interactive cmd.exe (Wine): each writes its one value after a backup, a second paste
 * changes nothing, undo restores the key exactly (a value absent before included), each .cmd
 * exits 0 in batch mode, and where a policy value wins the fix says it did not take.
 */

const session = new FixSession();
let w: FixSession['w'];

beforeAll(async () => {
  await session.start('cmd-fixes-security-layer');
  w = session.w;
});

const cases = [
  {
    fix: 'set-rdp-encryption-high',
    key: RDP,
    broken: [`reg add "${RDP}" /v MinEncryptionLevel /t REG_DWORD /d 4 /f`],
    after: '"MinEncryptionLevel"=dword:00000003',
    check: 'rdp-encryption-fips-only',
    policy: `reg add "${POLICY}" /v MinEncryptionLevel /t REG_DWORD /d 4 /f`,
  },
  {
    fix: 'disable-fips-algorithm-policy',
    key: FIPS,
    broken: [`reg add "${FIPS}" /v Enabled /t REG_DWORD /d 1 /f`],
    after: '"Enabled"=dword:00000000',
    check: 'fips-algorithms-enforced',
  },
  {
    fix: 'set-rdp-security-layer-tls',
    key: RDP,
    broken: [`reg add "${RDP}" /v SecurityLayer /t REG_DWORD /d 0 /f`],
    after: '"SecurityLayer"=dword:00000002',
    check: 'rdp-security-layer-rdp',
    policy: `reg add "${POLICY}" /v SecurityLayer /t REG_DWORD /d 0 /f`,
  },
  {
    fix: 'set-credssp-mitigated',
    key: CREDSSP,
    broken: [`reg add "${CREDSSP}" /v AllowEncryptionOracle /t REG_DWORD /d 0 /f`],
    after: '"AllowEncryptionOracle"=dword:00000001',
    check: 'credssp-force-updated-clients',
  },
  {
    fix: 'restore-rdp-connection-limit',
    key: RDP,
    // Absent before: undo must delete the value again.
    broken: [
      `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`,
      `reg delete "${RDP}" /v MaxInstanceCount /f >nul 2>&1`,
    ],
    after: '"MaxInstanceCount"=dword:ffffffff',
    check: 'rdp-connection-limit-zero',
    policy: `reg add "${POLICY}" /v MaxInstanceCount /t REG_DWORD /d 0 /f`,
  },
];

describe.skipIf(!wineAvailable())(
  'security, CredSSP and connection-limit fixes in a real cmd.exe',
  () => {
    for (const c of cases) {
      it(`${c.fix}: backup first, applies, idempotent, exact undo`, () => {
        rmSync(session.backupDir(c.fix), { recursive: true, force: true });
        w.reg(`reg delete "${POLICY}" /f >nul 2>&1`, ...c.broken);
        const before = w.exportKey(c.key);

        const out = w.interactive(session.blocks(c.fix));
        expect(out).toContain(`RDPRESCUE ${c.fix} verify ${c.check} ok`);
        expect(out).toContain(`RDPRESCUE ${c.fix} applied`);
        const after = w.exportKey(c.key);
        expect(after).toContain(c.after);
        const undoFile = join(session.backupDir(c.fix), 'undo.cmd');
        const undoText = read(undoFile);

        // Pasting again changes nothing, not even the backup.
        w.interactive(session.blocks(c.fix));
        expect(w.exportKey(c.key)).toBe(after);
        expect(read(undoFile)).toBe(undoText);

        w.interactive(undo(c.fix));
        expect(w.exportKey(c.key)).toBe(before);
      });

      it(`${c.fix}.cmd as a batch file: exit 0 and the value written`, () => {
        rmSync(session.backupDir(c.fix), { recursive: true, force: true });
        w.reg(`reg delete "${POLICY}" /f >nul 2>&1`, ...c.broken);
        const done = session.batch(c.fix);
        expect(done.applied, done.stdout + done.stderr).toBe(true);
        expect(done.code).toBe(0);
        expect(w.exportKey(c.key)).toContain(c.after);
      });

      if (c.policy)
        it(`${c.fix}: refuses before any change while Group Policy holds the value (review 15b F11)`, () => {
          rmSync(session.backupDir(c.fix), { recursive: true, force: true });
          w.reg(...c.broken, c.policy!);
          const before = w.exportKey(c.key);
          try {
            const out = w.interactive(session.blocks(c.fix));
            expect(out).toContain(`RDPRESCUE ${c.fix} refused: Group Policy sets ${POLICY}\\`);
            expect(out).not.toContain(`RDPRESCUE ${c.fix} applied`);
            expect(w.exportKey(c.key)).toBe(before);
            expect(read(join(session.backupDir(c.fix), 'undo.cmd'))).toBe('');
            const done = session.batch(c.fix);
            expect(done.code).toBe(3);
            expect(w.exportKey(c.key)).toBe(before);
          } finally {
            w.reg(`reg delete "${POLICY}" /f >nul 2>&1`);
          }
        });
    }
  },
);
