import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/model/load.ts';
import { REPORT_LINE, VERDICT_LINE, type Catalog } from '../../src/model/index.ts';
import { diagnosisScripts } from '../../src/emit/cmd/index.ts';
import { checkCount, finalShapedCatalog } from '../../bench/final-catalog.ts';
import { WinePrefix, reportLines, wineAvailable } from './wine.ts';
import { POLICY, RDP, TERMINAL_SERVER, TERMSERVICE, TSSDIS } from './keys.ts';
import { probeAnswers } from './probe-answers.ts';

/**
 * Issue 15's catalog before it lands: the real scenarios plus the 11 issue ids it adds, with
 * checks shaped like FIELD-NOTES section 10's (bench/final-catalog.ts). Its Serial Console
 * diagnosis is measured here, and run in Wine's cmd on a healthy and a broken machine, so
 * the registry table, the event-data queries and the report listing are proved on logic.
 */

const CCS = 'HKLM\\SYSTEM\\CurrentControlSet';
const FIREWALL = `${CCS}\\Services\\SharedAccess\\Parameters\\FirewallPolicy`;
const CREDSSP =
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters';
const SERVICES = `${CCS}\\Services`;

/** What this encoding needs today for the final-shaped catalog (issue 15's limit is 4). */
const MEASURED_PASTES = 8;

let real: Catalog;
let catalog: Catalog;
let scripts: { pastes: string[]; batch: string };
let w: WinePrefix;

beforeAll(async () => {
  real = await loadCatalog();
  catalog = finalShapedCatalog(real);
  scripts = diagnosisScripts(catalog, 'test');
  if (wineAvailable()) {
    w = new WinePrefix('cmd-diagnosis-final').init();
    // A row of the registry table is one reg process: Wine takes minutes for 60 of them.
    w.timeoutMs = 900_000;
    w.put('diagnose.cmd', scripts.batch);
  }
});

describe('the diagnosis of a catalog shaped like issue 15 (19 scenarios)', () => {
  it('has the shape the issue describes', () => {
    expect(catalog.scenarios).toHaveLength(19);
    expect(checkCount(catalog)).toBeGreaterThanOrEqual(60);
  });

  it(`fits ${MEASURED_PASTES} pastes of at most 2,048 characters, and the real catalog 4`, () => {
    expect(scripts.pastes.length).toBeLessThanOrEqual(MEASURED_PASTES);
    for (const p of scripts.pastes) expect(p.length).toBeLessThanOrEqual(2048);
    expect(diagnosisScripts(real, 'test').pastes.length).toBeLessThanOrEqual(4);
  });
});

const tasks = (...services: string[]) =>
  services.map((s, i) => ({
    match: `SERVICES eq ${s}`,
    output: `"svchost.exe","${1000 + i}","${s}"`,
  }));

const logonFailure = (field: string, value: string) =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing'/><EventID>4625</EventID></System><EventData><Data Name='${field}'>${value}</Data></EventData></Event>`;

const listening = [
  '  Proto  Local Address          Foreign Address        State           PID',
  '  TCP    0.0.0.0:3389           0.0.0.0:0              LISTENING       1000',
].join('\n');

function healthy(): void {
  w.resetShims();
  w.reg(
    `reg delete "${POLICY}" /f >nul 2>&1`,
    `reg delete "${FIREWALL}" /f >nul 2>&1`,
    `reg delete "${CREDSSP}" /f >nul 2>&1`,
    `reg delete "${TERMINAL_SERVER}\\RCM\\Licensing Core" /f >nul 2>&1`,
    `reg delete "${CCS}\\Control\\SafeBoot\\Option" /f >nul 2>&1`,
    `reg delete "${SERVICES}\\Netlogon\\Parameters" /v DynamicSiteName /f >nul 2>&1`,
    `reg delete "${TSSDIS}" /f >nul 2>&1`,
    `reg add "${FIREWALL}\\FirewallRules" /v RemoteDesktop-UserMode-In-TCP /t REG_SZ /d "v2.30|Action=Allow" /f`,
    `reg add "${FIREWALL}\\FirewallRules" /v RemoteDesktop-UserMode-In-UDP /t REG_SZ /d "v2.30|Action=Allow" /f`,
    `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`,
    `reg add "${RDP}" /v SecurityLayer /t REG_DWORD /d 1 /f`,
    `reg delete "${RDP}" /v Security /f >nul 2>&1`,
    `reg delete "${RDP}" /v MaxInstanceCount /f >nul 2>&1`,
    `reg delete "${RDP}" /v fAllowSecProtocolNegotiation /f >nul 2>&1`,
    `reg delete "${RDP}" /v UserAuthentication /f >nul 2>&1`,
    `reg add "${TERMINAL_SERVER}" /v fDenyTSConnections /t REG_DWORD /d 0 /f`,
    `reg add "${TERMSERVICE}" /v Start /t REG_DWORD /d 3 /f`,
    `reg add "${SERVICES}\\Dhcp" /v Start /t REG_DWORD /d 2 /f`,
    `reg add "${SERVICES}\\Dhcp" /v ObjectName /t REG_SZ /d "NT Authority\\LocalService" /f`,
    `reg add "${SERVICES}\\BFE" /v Start /t REG_DWORD /d 2 /f`,
    `reg add "${SERVICES}\\MpsSvc" /v Start /t REG_DWORD /d 2 /f`,
  );
  w.fixture('tasklist', tasks('TermService', 'Dhcp', 'BFE', 'Netlogon'));
  w.fixture('netstat', [{ match: '*', output: listening }]);
  w.fixture('powershell', [{ match: '*', output: probeAnswers(scripts.batch).quiet }]);
}

const report = (stdout: string) =>
  reportLines(stdout).filter((l) => REPORT_LINE.test(l) || VERDICT_LINE.test(l));

const run = describe.skipIf(!wineAvailable());
const LONG = { timeout: 1_800_000 };

run('the final-shaped diagnosis in a real cmd.exe', () => {
  const newIds = [
    'account-locked-or-expired',
    'credssp-oracle',
    'guest-firewall-blocks-rdp',
    'max-connections-reached',
    'network-service-down',
    'nla-dc-unreachable',
    'rdp-port-firewall-mismatch',
    'rds-licensing-expired',
    'safe-mode-boot',
    'security-layer-mismatch',
    'user-not-authorized',
  ];
  const only = (lines: string[]) =>
    lines.filter((l) => newIds.some((id) => l.startsWith(`RDPRESCUE ${id} `)));

  it('reports every scenario CLEAR on a healthy machine, in catalog order', LONG, () => {
    healthy();
    const lines = report(w.interactive(scripts.pastes.join('')));
    expect(lines.map((l) => l.split(' ')[1])).toEqual([
      ...catalog.scenarios.map((s) => s.id),
      'verdict',
    ]);
    expect(only(lines)).toEqual([
      'RDPRESCUE account-locked-or-expired CLEAR -',
      'RDPRESCUE credssp-oracle CLEAR -',
      'RDPRESCUE guest-firewall-blocks-rdp CLEAR -',
      'RDPRESCUE max-connections-reached CLEAR -',
      'RDPRESCUE network-service-down CLEAR -',
      'RDPRESCUE nla-dc-unreachable CLEAR n/a:machine-domain-joined',
      'RDPRESCUE rdp-port-firewall-mismatch CLEAR -',
      'RDPRESCUE rds-licensing-expired CLEAR n/a:rdsh-licensing-configured',
      'RDPRESCUE safe-mode-boot CLEAR -',
      'RDPRESCUE security-layer-mismatch CLEAR -',
      'RDPRESCUE user-not-authorized CLEAR -',
    ]);
    expect(lines.at(-1)).toBe('RDPRESCUE verdict 0 detected');
  });

  it(
    'detects the new scenarios on a broken machine, judging policy, absent, present and event data',
    LONG,
    () => {
      healthy();
      w.reg(
        `reg add "${FIREWALL}\\PublicProfile" /v DoNotAllowExceptions /t REG_DWORD /d 1 /f`,
        `reg delete "${FIREWALL}\\FirewallRules" /v RemoteDesktop-UserMode-In-TCP /f`,
        `reg add "${SERVICES}\\MpsSvc" /v Start /t REG_DWORD /d 4 /f`,
        `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3390 /f`,
        // The policy wins: a local SecurityLayer 0 under a policy of 1 does not fire ...
        `reg add "${RDP}" /v SecurityLayer /t REG_DWORD /d 0 /f`,
        `reg add "${POLICY}" /v SecurityLayer /t REG_DWORD /d 1 /f`,
        // ... and a local limit of 5 under a policy of 1 does.
        `reg add "${RDP}" /v MaxInstanceCount /t REG_DWORD /d 5 /f`,
        `reg add "${POLICY}" /v MaxInstanceCount /t REG_DWORD /d 1 /f`,
        `reg add "${RDP}" /v fAllowSecProtocolNegotiation /t REG_DWORD /d 0 /f`,
        `reg add "${CREDSSP}" /v AllowEncryptionOracle /t REG_DWORD /d 0 /f`,
        `reg add "${TERMINAL_SERVER}\\RCM\\Licensing Core" /v LicensingMode /t REG_DWORD /d 5 /f`,
        `reg add "${CCS}\\Control\\SafeBoot\\Option" /v OptionValue /t REG_DWORD /d 0 /f`,
        `reg add "${SERVICES}\\Netlogon\\Parameters" /v DynamicSiteName /t REG_SZ /d Site1 /f`,
        `reg add "${SERVICES}\\Dhcp" /v Start /t REG_DWORD /d 4 /f`,
        `reg add "${SERVICES}\\Dhcp" /v ObjectName /t REG_SZ /d LocalSystem /f`,
        `reg add "${RDP}" /v Security /t REG_BINARY /d 01 /f`,
      );
      w.fixture('tasklist', tasks('TermService', 'BFE'));
      w.fixture('wevtutil', [
        { match: "'SubStatus']='0xc0000234'", output: logonFailure('SubStatus', '0xc0000234') },
        { match: "'Status']='0xc000005e'", output: '' },
      ]);
      const lines = report(w.interactive(scripts.pastes.join('')));
      expect(only(lines)).toEqual([
        'RDPRESCUE account-locked-or-expired DETECTED ev-logon-account-locked-or-expired',
        'RDPRESCUE credssp-oracle DETECTED credssp-force-updated-clients,credssp-oracle-policy-set',
        'RDPRESCUE guest-firewall-blocks-rdp DETECTED firewall-public-blocks-inbound,firewall-rdp-rule-missing,firewall-service-disabled',
        'RDPRESCUE max-connections-reached DETECTED max-instances-one',
        'RDPRESCUE network-service-down DETECTED dhcp-disabled,dhcp-stopped,dhcp-account-changed',
        'RDPRESCUE nla-dc-unreachable DETECTED netlogon-stopped',
        'RDPRESCUE rdp-port-firewall-mismatch DETECTED rdp-port-not-default',
        'RDPRESCUE rds-licensing-expired DETECTED licensing-mode-unset,license-servers-unset,licensing-grace-mode',
        'RDPRESCUE safe-mode-boot DETECTED safeboot-option-set',
        'RDPRESCUE security-layer-mismatch DETECTED sec-negotiation-off',
        'RDPRESCUE user-not-authorized DETECTED listener-permissions-custom',
      ]);
      // The batch file agrees with the pastes.
      const batch = w.batch('C:\\rr\\diagnose.cmd');
      expect(only(report(batch.stdout))).toEqual(only(lines));
    },
  );

  it('says UNKNOWN when the Security log cannot be read', LONG, () => {
    healthy();
    w.fixture('wevtutil', [{ match: 'Security', rc: 5 }]);
    const lines = report(w.interactive(scripts.pastes.join('')));
    expect(only(lines)).toContain(
      'RDPRESCUE account-locked-or-expired UNKNOWN ev-logon-account-locked-or-expired?',
    );
  });
});
