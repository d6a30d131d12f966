import { beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { wineAvailable } from './wine.ts';
import { FixSession, ROOT_PROTECTED, read, undo } from './fix-session.ts';
import { FIREWALL_POLICY, RDP } from './keys.ts';
import { TCP_RULE, healthyFirewall, ruleData, setProfile, setRule } from './firewall-state.ts';

/**
 * The firewall fix blocks pasted into a real interactive cmd.exe (Wine), with the rules and
 * profiles as registry values in the prefix. netsh and powershell are shims there: they log
 * their calls but change no rule, so "applied" can only come from a rule that reads back.
 */

const session = new FixSession();
let w: FixSession['w'];

beforeAll(async () => {
  await session.start('cmd-fixes-firewall');
  w = session.w;
});

function fresh(fix: string, ...state: string[]): void {
  w.resetShims();
  rmSync(session.backupDir(fix), { recursive: true, force: true });
  w.reg(
    `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f >nul`,
    ...healthyFirewall(),
    ...state,
  );
}

describe.skipIf(!wineAvailable())('firewall fixes in a real cmd.exe', { timeout: 600_000 }, () => {
  it('allow-firewall-inbound-exceptions: backup first, clears DoNotAllowExceptions, idempotent, exact undo', () => {
    const fix = 'allow-firewall-inbound-exceptions';
    fresh(
      fix,
      setProfile('PublicProfile', 'DoNotAllowExceptions', 1),
      `reg delete "${FIREWALL_POLICY}\\DomainProfile" /v DoNotAllowExceptions /f >nul`,
    );
    const before = w.exportKey(FIREWALL_POLICY);

    const out = w.interactive(session.blocks(fix));
    expect(out).toContain(`RDPRESCUE ${fix} verify firewall-blocks-all-inbound ok`);
    expect(out).toContain(`RDPRESCUE ${fix} applied`);
    const after = w.exportKey(FIREWALL_POLICY);
    expect(after.match(/"DoNotAllowExceptions"=dword:00000000/g)).toHaveLength(3);
    const undoFile = join(session.backupDir(fix), 'undo.cmd');
    const undoText = read(undoFile);

    w.interactive(session.blocks(fix));
    expect(w.exportKey(FIREWALL_POLICY)).toBe(after);
    expect(read(undoFile)).toBe(undoText);

    w.interactive(undo(fix));
    expect(w.exportKey(FIREWALL_POLICY)).toBe(before);
  });

  it('allow-firewall-inbound-exceptions refuses before any change while a Group Policy blocks all inbound (review 15b F11)', () => {
    const fix = 'allow-firewall-inbound-exceptions';
    fresh(
      fix,
      setProfile(
        'PublicProfile',
        'DoNotAllowExceptions',
        1,
        'HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall',
      ),
    );
    const before = w.exportKey(FIREWALL_POLICY);
    const out = w.interactive(session.blocks(fix));
    expect(out).toContain(
      `RDPRESCUE ${fix} refused: Group Policy (HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall) sets DoNotAllowExceptions=1`,
    );
    expect(out).not.toContain(`RDPRESCUE ${fix} applied`);
    expect(w.exportKey(FIREWALL_POLICY)).toBe(before);
    const done = session.batch(fix);
    expect(done.code).toBe(3);
    expect(w.exportKey(FIREWALL_POLICY)).toBe(before);
  });

  it('enable-rdp-firewall-rules: exports the policy first, enables by Name, applied only when the rule reads back active', () => {
    const fix = 'enable-rdp-firewall-rules';
    fresh(fix, setRule(TCP_RULE, ruleData({ active: false })));
    const out = w.interactive(session.blocks(fix));
    const netsh = w.log('netsh');
    expect(netsh[0]).toMatch(/^advfirewall export ".*enable-rdp-firewall-rules\\f\d+\.wfw"$/i);
    const enabled = w.log('powershell').filter((l) => /Enable-NetFirewallRule/i.test(l));
    expect(enabled).toEqual([
      '-nop -noni -c "Enable-NetFirewallRule -Name \'RemoteDesktop-UserMode-In-TCP\' -ErrorAction Stop"',
      '-nop -noni -c "Enable-NetFirewallRule -Name \'RemoteDesktop-UserMode-In-UDP\' -ErrorAction Stop"',
    ]);
    // The shim changed nothing: the rule still reads Active=FALSE.
    expect(out).toContain(`RDPRESCUE ${fix} verify rdp-firewall-rule-off still-fires`);
    expect(out).toContain(`RDPRESCUE ${fix} FAILED`);
    // Undo is exact per rule: only the rule that was disabled before is disabled again; the
    // whole-policy export is only an emergency copy, named in a comment.
    const undoText = read(join(session.backupDir(fix), 'undo.cmd'));
    expect(undoText).toMatch(
      /^powershell -nop -noni -c "Disable-NetFirewallRule -Name 'RemoteDesktop-UserMode-In-TCP' -ErrorAction Stop"\r?$/im,
    );
    expect(undoText).not.toMatch(/UserMode-In-UDP/);
    expect(undoText).toMatch(/^rem emergency copy only.*netsh advfirewall import/im);
    expect(undoText).not.toMatch(/^netsh/im);

    // Where the rule reads back active (as Enable-NetFirewallRule leaves it), it is applied.
    fresh(fix);
    const done = w.interactive(session.blocks(fix));
    expect(done).toContain(`RDPRESCUE ${fix} verify rdp-firewall-rule-off ok`);
    expect(done).toContain(`RDPRESCUE ${fix} applied`);
    expect(read(join(session.backupDir(fix), 'undo.cmd'))).not.toMatch(/Disable-NetFirewallRule/i);
  });

  it('enable-rdp-firewall-rules reports a rule the cmdlet cannot enable', () => {
    const fix = 'enable-rdp-firewall-rules';
    fresh(fix);
    w.fixture('powershell', [ROOT_PROTECTED, { match: 'Enable-NetFirewallRule', rc: 1 }]);
    const out = w.interactive(session.blocks(fix));
    expect(out).toContain(
      `RDPRESCUE ${fix} failed enabling firewall rule RemoteDesktop-UserMode-In-TCP`,
    );
    expect(out).toContain(`RDPRESCUE ${fix} FAILED`);
  });

  it('open-rdp-port-in-firewall: adds rules for the given port; applied only when a rule lists the configured port', () => {
    const fix = 'open-rdp-port-in-firewall';
    fresh(fix, `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3390 /f >nul`);
    const out = w.interactive(`set RR_Port=3390\r\n${session.blocks(fix)}`);
    expect(w.log('netsh').map((l) => l.toLowerCase())).toContainEqual(
      'advfirewall firewall add rule name=rdprescue-remotedesktop-usermode-in-tcp dir=in action=allow protocol=tcp localport=3390',
    );
    expect(out).toContain(`RDPRESCUE ${fix} verify rdp-port-not-allowed still-fires`);

    fresh(
      fix,
      `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3390 /f >nul`,
      setRule('{6C4B1E1A-0000-4000-8000-000000000001}', ruleData({ ports: [3390] })),
    );
    const done = w.interactive(`set RR_Port=3390\r\n${session.blocks(fix)}`);
    expect(done).toContain(`RDPRESCUE ${fix} verify rdp-port-not-allowed ok`);
    expect(done).toContain(`RDPRESCUE ${fix} applied`);
  });

  it('each firewall fix runs as a .cmd batch file: exit 0 and applied on a machine it leaves open to RDP', () => {
    const cases: [string, string[], string[]][] = [
      ['allow-firewall-inbound-exceptions', [], []],
      ['enable-rdp-firewall-rules', [], []],
      [
        'open-rdp-port-in-firewall',
        ['3390'],
        [
          `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3390 /f >nul`,
          setRule('{6C4B1E1A-0000-4000-8000-000000000001}', ruleData({ ports: [3390] })),
        ],
      ],
    ];
    for (const [fix, args, state] of cases) {
      fresh(fix, ...state);
      const done = session.batch(fix, args);
      expect(done.applied, `${fix}\n${done.stdout}${done.stderr}`).toBe(true);
      expect(done.code, fix).toBe(0);
    }
  });
});
