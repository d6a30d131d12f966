import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, DEFAULT_CATALOG_DIR } from '../../src/model/load.ts';
import { REPORT_LINE } from '../../src/model/index.ts';
import { cmdEmitter } from '../../src/emit/cmd/index.ts';
import type { Artifact } from '../../src/emit/artifact.ts';
import { upstreamIdentity } from '../../src/identity/identity.ts';
import { WinePrefix, reportLines, wineAvailable } from './wine.ts';
import { FIREWALL_GPO, RDP } from './keys.ts';
import { TCP_RULE, healthyFirewall, ruleData, setProfile, setRule } from './firewall-state.ts';

/**
 * The firewall checks of the CMD diagnosis (guest-firewall-blocks-rdp,
 * rdp-port-firewall-mismatch) run for real in Wine's cmd.exe: the rules and profiles are
 * registry values in the prefix, read with reg query and judged with findstr.
 */

let artifacts: Artifact[];
let w: WinePrefix;

const text = (a: Artifact) => a.content.toString('latin1');
const pasteAll = () =>
  artifacts
    .filter((a) => a.kind === 'cmd-paste' && a.meta?.role === 'diagnosis')
    .sort((a, b) => Number(a.meta!.block) - Number(b.meta!.block))
    .map(text)
    .join('');

/** The report line of one scenario. */
function line(stdout: string, id: string): string {
  const found = reportLines(stdout).filter(
    (l) => REPORT_LINE.test(l) && l.startsWith(`RDPRESCUE ${id} `),
  );
  expect(found, stdout).toHaveLength(1);
  return found[0]!;
}

function machine(...broken: string[]): void {
  w.resetShims();
  w.reg(
    `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f >nul`,
    ...healthyFirewall(),
    ...broken,
  );
  w.fixture('tasklist', [
    { match: 'SERVICES eq MpsSvc', output: '"svchost.exe","1400","BFE,MpsSvc"' },
    { match: 'SERVICES eq BFE', output: '"svchost.exe","1400","BFE,MpsSvc"' },
    { match: 'SERVICES eq TermService', output: '"svchost.exe","1000","SessionEnv,TermService"' },
    { match: '*', output: 'INFO: No tasks are running which match the specified criteria.' },
  ]);
}

const diagnose = () => w.interactive(pasteAll());

beforeAll(async () => {
  const catalog = await loadCatalog(DEFAULT_CATALOG_DIR);
  artifacts = await cmdEmitter.emit({
    catalog,
    version: 'test',
    identity: upstreamIdentity('test'),
    earlier: [],
  });
  if (wineAvailable()) w = new WinePrefix('cmd-diagnosis-firewall').init();
});

describe.skipIf(!wineAvailable())(
  'the firewall checks in a real cmd.exe',
  { timeout: 600_000 },
  () => {
    it('are clear on a healthy firewall', () => {
      machine();
      const out = diagnose();
      expect(line(out, 'guest-firewall-blocks-rdp')).toMatch(/ CLEAR /);
      expect(line(out, 'rdp-port-firewall-mismatch')).toMatch(/ CLEAR /);
    });

    it('find the Remote Desktop rule disabled, by its Name and its Active field only', () => {
      machine(setRule(TCP_RULE, ruleData({ active: false })));
      expect(line(diagnose(), 'guest-firewall-blocks-rdp')).toMatch(
        / DETECTED \S*rdp-firewall-rule-off/,
      );
    });

    it('stay quiet while another active allow rule (a custom one) lists the RDP port', () => {
      machine(setRule(TCP_RULE, ruleData({ active: false })), setRule('Admins-RDP-In', ruleData()));
      expect(line(diagnose(), 'guest-firewall-blocks-rdp')).toMatch(/ CLEAR /);
    });

    it('take the rule active in the Group Policy store', () => {
      machine(
        setRule(TCP_RULE, ruleData({ active: false })),
        setRule(TCP_RULE, ruleData(), `${FIREWALL_GPO}\\FirewallRules`),
      );
      expect(line(diagnose(), 'guest-firewall-blocks-rdp')).toMatch(/ CLEAR /);
    });

    it('find a profile that blocks all inbound, and the policy that does', () => {
      machine(setProfile('PublicProfile', 'DoNotAllowExceptions', 1));
      const local = line(diagnose(), 'guest-firewall-blocks-rdp');
      expect(local).toMatch(/ DETECTED \S*firewall-blocks-all-inbound/);
      expect(local).not.toMatch(/firewall-block-all-by-policy/);

      machine(setProfile('DomainProfile', 'DoNotAllowExceptions', 1, FIREWALL_GPO));
      const policy = line(diagnose(), 'guest-firewall-blocks-rdp');
      expect(policy).toMatch(/ DETECTED \S*firewall-blocks-all-inbound/);
      expect(policy).toMatch(/firewall-block-all-by-policy/);

      // Group Policy writes the Private profile as PrivateProfile (the local store: Standard),
      // and it wins over the legacy StandardProfile policy key.
      machine(
        setProfile('PrivateProfile', 'DoNotAllowExceptions', 1, FIREWALL_GPO),
        setProfile('StandardProfile', 'DoNotAllowExceptions', 0, FIREWALL_GPO),
      );
      expect(line(diagnose(), 'guest-firewall-blocks-rdp')).toMatch(
        / DETECTED \S*firewall-blocks-all-inbound\S*firewall-block-all-by-policy/,
      );
    });

    it('ignore block-all-inbound in a profile whose firewall is off, or that the policy clears', () => {
      machine(
        setProfile('PublicProfile', 'DoNotAllowExceptions', 1),
        setProfile('PublicProfile', 'EnableFirewall', 0),
        setProfile('StandardProfile', 'DoNotAllowExceptions', 1),
        setProfile('StandardProfile', 'DoNotAllowExceptions', 0, FIREWALL_GPO),
      );
      expect(line(diagnose(), 'guest-firewall-blocks-rdp')).toMatch(/ CLEAR /);
    });

    it('find a block rule on the configured port, which beats the allow rules', () => {
      machine(setRule('Block-RDP', ruleData({ action: 'Block' })));
      expect(line(diagnose(), 'guest-firewall-blocks-rdp')).toMatch(
        / DETECTED \S*rdp-port-block-rule/,
      );
      // An inactive block rule, or one on another port, blocks nothing.
      machine(
        setRule('Block-RDP', ruleData({ action: 'Block', active: false })),
        setRule('Block-Other', ruleData({ action: 'Block', ports: [33890] })),
      );
      expect(line(diagnose(), 'guest-firewall-blocks-rdp')).toMatch(/ CLEAR /);
    });

    it('find a moved port that no rule allows, and clear it once a rule lists that exact port', () => {
      machine(`reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3390 /f >nul`);
      expect(line(diagnose(), 'rdp-port-firewall-mismatch')).toMatch(
        / DETECTED \S*rdp-port-not-allowed/,
      );
      // LPort=33900 contains 3390 as text: only the whole field counts.
      machine(
        `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3390 /f >nul`,
        setRule('Other', ruleData({ ports: [33900] })),
      );
      expect(line(diagnose(), 'rdp-port-firewall-mismatch')).toMatch(/ DETECTED /);
      machine(
        `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3390 /f >nul`,
        setRule(TCP_RULE, ruleData({ ports: [3390] })),
      );
      expect(line(diagnose(), 'rdp-port-firewall-mismatch')).toMatch(/ CLEAR /);
    });

    it('find the firewall service stopped (supporting evidence)', () => {
      machine(setRule(TCP_RULE, ruleData({ active: false })));
      w.fixture('tasklist', [
        {
          match: 'SERVICES eq TermService',
          output: '"svchost.exe","1000","SessionEnv,TermService"',
        },
        { match: '*', output: 'INFO: No tasks are running which match the specified criteria.' },
      ]);
      const out = line(diagnose(), 'guest-firewall-blocks-rdp');
      expect(out).toMatch(/firewall-service-stopped/);
      expect(out).toMatch(/bfe-service-stopped/);
    });
  },
);
