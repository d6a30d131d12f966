import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, DEFAULT_CATALOG_DIR } from '../../src/model/load.ts';
import { REPORT_LINE, VERDICT_LINE } from '../../src/model/index.ts';
import { cmdEmitter } from '../../src/emit/cmd/index.ts';
import { diagnosis } from '../../src/emit/cmd/diagnosis.ts';
import {
  Name,
  Namer,
  hardenedText,
  printLines,
  type Command,
} from '../../src/emit/cmd/syntax/index.ts';
import { setsOf } from '../../src/emit/cmd/syntax/analysis.ts';
import type { Catalog } from '../../src/model/index.ts';
import type { Artifact } from '../../src/emit/artifact.ts';
import { WinePrefix, reportLines, wineAvailable } from './wine.ts';
import {
  BCD_DEFAULT,
  BCD_POINTER,
  BCD_SAFEBOOT,
  CREDSSP,
  FIPS,
  LICENSE_SERVERS,
  LICENSING_CORE,
  POLICY,
  PROTOCOLS,
  RDP,
  TERMINAL_SERVER,
  TERMSERVICE,
  TSSDIS,
} from './keys.ts';
import { probeAnswers as answersIn } from './probe-answers.ts';
import { scQuery, scRunning } from './sc-query.ts';
import { healthyFirewall } from './firewall-state.ts';
import { upstreamIdentity } from '../../src/identity/identity.ts';
import { reports as transferLines } from '../transfer/wine.ts';

/**
 * The diagnosis, run for real: the .cmd file run as a batch for the logic cases, and the paste
 * blocks (a transfer that carries that file and runs it) fed to an interactive cmd.exe (Wine)
 * on a healthy and a broken machine, twice in one console, and with a damaged block. Machine
 * states come from reg add in the prefix and shim outputs; certutil, findstr and expand are the
 * transfer tests' shims (test/transfer/shims, installed by WinePrefix).
 */

const listener = (address: string, pid: number) =>
  `  TCP    ${address.padEnd(23)}${address.startsWith('[') ? '[::]:0' : '0.0.0.0:0'}              LISTENING       ${pid}`;

const netstat = (...listeners: string[]) =>
  [
    '',
    'Active Connections',
    '',
    '  Proto  Local Address          Foreign Address        State           PID',
    ...listeners,
    '  TCP    10.0.0.4:3389          10.0.0.9:50123         ESTABLISHED     1000',
    '  UDP    0.0.0.0:3389           *:*                                    1000',
  ].join('\n');

const listening = (pid: number) =>
  netstat(listener('0.0.0.0:3389', pid), listener('[::]:3389', pid));

const event = (provider: string, id: number) =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='${provider}'/><EventID Qualifiers='49152'>${id}</EventID><Level>2</Level></System><EventData><Data Name='ErrorStatus'>10001</Data></EventData></Event>`;

/** A failed logon as wevtutil writes it: the status codes in lower case, as data elements. */
const failedLogon = (status: string, subStatus: string, user = 'alice') =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>4625</EventID><Level>0</Level></System><EventData><Data Name='TargetUserName'>${user}</Data><Data Name='Status'>${status}</Data><Data Name='FailureReason'>%%2307</Data><Data Name='SubStatus'>${subStatus}</Data><Data Name='LogonType'>3</Data></EventData></Event>`;

/**
 * The Security log as wevtutil answers each check's own query: the XPath names the check's
 * codes as `Data[@Name='Status']='0x...'`, so a query gets the events that carry one of them
 * (a shim section per code, matched in the query's arguments) and nothing else.
 */
const securityLog = (...events: [status: string, subStatus: string, user?: string][]) => {
  const codes = [...new Set(events.flatMap(([st, sub]) => [st, sub]))].filter((c) => c !== '0x0');
  return [
    ...codes.map((code) => ({
      match: `='${code}'`,
      output: events
        .filter(([st, sub]) => st === code || sub === code)
        .map(([st, sub, user]) => failedLogon(st, sub, user))
        .join('\n'),
    })),
    { match: 'Security', output: '' },
  ];
};

/** secedit's USER_RIGHTS template, as `type` hands it to for /f on Windows (see shim.c). */
const rights = (...lines: string[]) =>
  ['[Unicode]', 'Unicode=yes', '[Privilege Rights]', ...lines, '[Version]', 'Revision=1'].join(
    '\n',
  );
const HEALTHY_RIGHTS = 'SeRemoteInteractiveLogonRight = *S-1-5-32-544,*S-1-5-32-555';

let catalog: Catalog;
let artifacts: Artifact[];
let w: WinePrefix;
const run = describe.skipIf(!wineAvailable());

const text = (a: Artifact) => a.content.toString('latin1');

function blocks(): string[] {
  return artifacts
    .filter((a) => a.kind === 'cmd-paste' && a.meta?.role === 'diagnosis')
    .sort((a, b) => Number(a.meta!.block) - Number(b.meta!.block))
    .map(text);
}

const pasteAll = () => blocks().join('');
const batchFile = () => text(artifacts.find((a) => a.path === 'cmd/diagnose.cmd')!);
/** The same diagnosis, the batch file run directly (what the last block calls). */
/** C:\\Program Files of the prefix, where the blocks make their folder. */
const programFiles = () => join(w.prefix, 'drive_c', 'Program Files');
const runBatch = () => w.batch('C:\\rr\\diagnose.cmd').stdout;
/** "block k of n OK" for every block: the transfer's own lines of a clean paste. */
/** The blocks check no chunk of their own: the last one checks the whole payload. */
const allOk = (): string[] => [];

/** The report contract's lines only (not the blocks' own messages). */
const report = (stdout: string) =>
  reportLines(stdout).filter((l) => REPORT_LINE.test(l) || VERDICT_LINE.test(l));

/**
 * What a PowerShell probe prints for fired and quiet: the names of the slot families the
 * diagnosis fills, from its first line (`... do (set <F>_%%a=?&set <X>_%%a=.&set <Q>_%%a=?)`).
 */
const probeAnswers = () => answersIn(batchFile());

const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';
const NETWORK = ['Dhcp', 'nsi', 'BFE', 'MpsSvc'];

function healthy(): void {
  w.resetShims();
  w.reg(
    `reg delete "${PROTOCOLS}" /f >nul 2>&1`,
    `reg delete "${POLICY}" /f >nul 2>&1`,
    `reg delete "${TSSDIS}" /f >nul 2>&1`,
    `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`,
    `reg add "${RDP}" /v SecurityLayer /t REG_DWORD /d 1 /f`,
    `reg delete "${RDP}" /v SSLCertificateSHA1Hash /f >nul 2>&1`,
    `reg add "${TERMINAL_SERVER}" /v fDenyTSConnections /t REG_DWORD /d 0 /f`,
    `reg add "${TERMINAL_SERVER}" /v TSEnabled /t REG_DWORD /d 1 /f`,
    `reg delete "${TERMINAL_SERVER}" /v TSUserEnabled /f >nul 2>&1`,
    `reg delete "${TERMINAL_SERVER}" /v TSServerDrainMode /f >nul 2>&1`,
    `reg add "${RDP}" /v fEnableWinStation /t REG_DWORD /d 1 /f`,
    `reg add "${RDP}" /v fLogonDisabled /t REG_DWORD /d 0 /f`,
    `reg add "${TERMSERVICE}" /v Start /t REG_DWORD /d 3 /f`,
    `reg delete "HKLM\\BCD00000000" /f >nul 2>&1`,
    `reg add "${BCD_POINTER}" /v Element /t REG_SZ /d ${BCD_DEFAULT} /f`,
    `reg add "${TERMSERVICE}" /v ObjectName /t REG_SZ /d "NT Authority\\NetworkService" /f`,
    `reg add "${SERVICES}\\Dhcp" /v ObjectName /t REG_SZ /d "NT AUTHORITY\\LocalService" /f`,
    ...NETWORK.map((s) => `reg add "${SERVICES}\\${s}" /v Start /t REG_DWORD /d 2 /f`),
    `reg delete "${RDP}" /v MinEncryptionLevel /f >nul 2>&1`,
    `reg delete "${RDP}" /v MaxInstanceCount /f >nul 2>&1`,
    `reg delete "${FIPS}" /v Enabled /f >nul 2>&1`,
    `reg delete "${CREDSSP}" /f >nul 2>&1`,
    ...healthyFirewall(),
    `reg delete "${LICENSING_CORE}" /v LicensingMode /f >nul 2>&1`,
    `reg delete "${LICENSE_SERVERS}" /f >nul 2>&1`,
  );
  w.fixture('netstat', [{ match: '*', output: listening(1000) }]);
  w.fixture('tasklist', [
    { match: 'SERVICES eq TermService', output: '"svchost.exe","1000","SessionEnv,TermService"' },
    { match: '*', output: 'INFO: No tasks are running which match the specified criteria.' },
  ]);
  w.fixture('sc', scRunning(['TermService', ...NETWORK]));
  w.fixture('powershell', [{ match: '*', output: probeAnswers().quiet }]);
  w.fixture('secedit', [{ match: '/export', output: rights(HEALTHY_RIGHTS) }]);
}

beforeAll(async () => {
  catalog = await loadCatalog(DEFAULT_CATALOG_DIR);
  artifacts = await cmdEmitter.emit({
    catalog,
    version: 'test',
    identity: upstreamIdentity('test'),
    earlier: [],
  });
  if (wineAvailable()) {
    w = new WinePrefix('cmd-diagnosis').init({ shimSc: true });
    w.put('diagnose.cmd', artifacts.find((a) => a.path === 'cmd/diagnose.cmd')!.content);
    // The prefix outlives a test run: folders an interrupted run left would be counted.
    for (const folder of readdirSync(programFiles()).filter((d) => d.startsWith('rdpd')))
      rmSync(join(programFiles(), folder), { recursive: true, force: true });
  }
});

describe('the diagnosis paste blocks', () => {
  it('need at most 4 pastes of at most 2,048 characters (issue 15: the whole catalog in 4)', () => {
    const all = blocks();
    expect(all.length).toBeLessThanOrEqual(4);
    for (const b of all) expect(b.length).toBeLessThanOrEqual(2048);
  });

  it('are a transfer of the batch file: the last block checks the whole payload before it calls the file', () => {
    const all = blocks();
    all.forEach((b, i) => {
      const lines = b.replace(/\r\n$/, '').split('\r\n');
      expect(lines[0]).toMatch(/^cd \/d "%ProgramFiles%"&md rdpd\w+ 2>nul&cd rdpd\w+$/);
      const where = `block ${i + 1} of ${all.length}`;
      const checked = lines.some((l) =>
        l.endsWith(`(echo ${where} DAMAGED - paste it again) else echo ${where} OK`),
      );
      expect(checked, where).toBe(false);
    });
    const last = all.at(-1)!;
    expect(last.match(/calL d\.cmd/g)).toHaveLength(1);
    expect(last.indexOf('calL d.cmd')).toBeGreaterThan(
      last.indexOf('certutil -hashfile p.cab SHA256'),
    );
  });

  it('clear, then set every variable before reading it (no value of an earlier run counts)', () => {
    /** The variables a statement reads: every name in it but the ones it sets. */
    const readsOf = (command: Command): Set<Name> => {
      const found = new Set<Name>();
      const visit = (value: unknown): void => {
        if (value instanceof Name) found.add(value.root);
        else if (Array.isArray(value)) value.forEach(visit);
        else if (value && typeof value === 'object')
          for (const [key, inner] of Object.entries(value)) {
            const kind = (value as { kind?: string }).kind;
            if ((kind === 'set' || kind === 'set-a') && key === 'name') continue;
            if (kind === 'set-computed' && key === 'sets') continue;
            visit(inner);
          }
      };
      visit(command);
      return found;
    };
    const { start, body } = diagnosis(catalog);
    // The first statement clears what an earlier run may have left: the values read by key.
    const [clearing, ...rest] = start;
    const set = new Set<Name>(setsOf(clearing!));
    let checked = 0;
    for (const statement of [...rest, ...body.flat()]) {
      for (const name of readsOf(statement))
        if (name.owned) {
          expect(set.has(name), `${name.hint} is read before anything sets it`).toBe(true);
          checked++;
        }
      setsOf(statement).forEach((n) => set.add(n));
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('write every temporary file before anything reads or deletes it (files tie no variables, so the packer cannot see them)', () => {
    const script = batchFile();
    const files = new Set(
      [...script.matchAll(/%TEMP%\\(rdprescue_[a-z0-9_]+\.[a-z]+)/gi)].map((m) => m[1]!),
    );
    expect(files.size).toBeGreaterThan(3);
    for (const file of files) {
      const mentions = [
        ...script.matchAll(new RegExp(`([^\\r\\n]{0,12})"%TEMP%\\\\${file}"`, 'gi')),
      ];
      const written = mentions.findIndex((m) => /(>|\/cfg |\/file:)$/.test(m[1]!));
      expect(written, `${file} is never written`).toBeGreaterThanOrEqual(0);
      // Before its write only a delete of a leftover, on the writing line itself (one
      // statement, which the packer cannot split).
      const lineOf = (index: number) => script.slice(0, index).split('\n').length;
      const writeLine = lineOf(mentions[written]!.index!);
      for (const earlier of mentions.slice(0, written)) {
        expect(earlier[1], `${file} is read before it is written`).toMatch(/del $/i);
        expect(lineOf(earlier.index!), `${file} is deleted apart from its write`).toBe(writeLine);
      }
    }
  });

  it('leave no two identical letters touching where cmd ignores case (the console drops them)', () => {
    const { start, body } = diagnosis(catalog);
    const lines = printLines([...start, ...body.flat()], { dialect: 'paste', namer: new Namer() });
    const texts = lines.map((line) => {
      const text = hardenedText(line);
      const ci = line.flatMap((chunk) => [...chunk.text].map(() => chunk.ci));
      for (let i = 1; i < text.length; i++)
        if (text[i] === text[i - 1] && /[A-Za-z]/.test(text[i]!) && (ci[i] || ci[i - 1]))
          throw new Error(`"${text.slice(i - 20, i + 20)}" keeps a doubled letter`);
      return text;
    });
    expect(texts.join('\n')).toContain('CurRentControlSet');
  });
});

run('diagnosis in a real cmd.exe', () => {
  it('reports every scenario CLEAR on a healthy machine (paste blocks, interactive cmd)', () => {
    healthy();
    const out = w.interactive(pasteAll());
    const lines = report(out);
    expect(lines).toEqual([
      'RDPRESCUE account-locked-or-expired CLEAR -',
      'RDPRESCUE broker-hostname CLEAR n/a:broker-role-installed',
      'RDPRESCUE credssp-oracle CLEAR -',
      'RDPRESCUE guest-firewall-blocks-rdp CLEAR -',
      'RDPRESCUE machinekeys-access CLEAR -',
      'RDPRESCUE max-connections-reached CLEAR -',
      'RDPRESCUE network-service-down CLEAR -',
      'RDPRESCUE nla-dc-unreachable CLEAR -',
      'RDPRESCUE rdp-cert-invalid CLEAR -',
      'RDPRESCUE rdp-disabled CLEAR -',
      'RDPRESCUE rdp-listener-disabled CLEAR -',
      'RDPRESCUE rdp-port-conflict CLEAR -',
      'RDPRESCUE rdp-port-firewall-mismatch CLEAR n/a:rdp-port-changed',
      'RDPRESCUE rds-licensing-expired CLEAR n/a:rdsh-role-installed',
      'RDPRESCUE safe-mode-boot CLEAR -',
      'RDPRESCUE security-layer-mismatch CLEAR n/a:rdp-security-layer-rdp',
      'RDPRESCUE termservice-not-running CLEAR -',
      'RDPRESCUE tls-disabled CLEAR -',
      'RDPRESCUE user-not-authorized CLEAR -',
      'RDPRESCUE verdict 0 detected',
    ]);
    expect(transferLines(out)).toEqual(allOk());
    // The last block removed its folder, chunks and batch file with it.
    expect(readdirSync(programFiles()).filter((d) => d.startsWith('rdpd'))).toEqual([]);
    // One query per channel, newest first, with the model's 24-hour window.
    const queries = w.log('wevtutil');
    expect(queries.map((q) => q.split('"')[1])).toEqual([
      'Security',
      'Security',
      'Security',
      'Microsoft-Windows-TerminalServices-SessionBroker/Operational',
      'Microsoft-Windows-TerminalServices-SessionBroker-Client/Operational',
      'System',
      'Security',
      'Microsoft-Windows-TerminalServices-RemoteConnectionManager/Admin',
      'System',
      'Security',
    ]);
    for (const q of queries) {
      expect(q).toContain('/rd:true');
      expect(q).toContain('timediff(@SystemTime) <= 86400000');
      expect(q).toContain('/f:xml');
    }
    const security = queries.filter((q) => q.split('"')[1] === 'Security');
    for (const q of security) {
      expect(q).toContain(' /c:1 ');
      expect(q).toMatch(/ and EventData\[\(?Data\[@Name='Status'\]='0xc[0-9a-f]{7}' or /);
      expect(q).toContain("Data[@Name='SubStatus']=");
    }
    expect(security.find((q) => q.includes("='0xc000015b'"))).toContain(
      "EventData[Data[@Name='Status']='0xc000015b' or Data[@Name='SubStatus']='0xc000015b']]",
    );
    expect(queries[5]).toContain("Provider[@Name='Schannel'] and (EventID=36870 or EventID=36872)");
    // 36871 only for a server credential: its own query, the data in the XPath.
    expect(queries[8]).toContain('EventID=36871 and ');
    expect(queries[8]).toContain("EventData[Data[@Name='Type']='server']");
    expect(queries[8]).toContain(' /c:1 ');
  });

  it('detects every scenario when the machine is broken in every way (paste blocks)', () => {
    healthy();
    w.reg(
      `reg add "${TSSDIS}" /v Start /t REG_DWORD /d 2 /f`,
      `reg add "${PROTOCOLS}\\TLS 1.2\\Server" /v Enabled /t REG_DWORD /d 0 /f`,
      `reg add "${RDP}" /v SecurityLayer /t REG_DWORD /d 2 /f`,
      // Group Policy wins over the local value: native RDP security, where MinEncryptionLevel applies.
      `reg add "${POLICY}" /v SecurityLayer /t REG_DWORD /d 0 /f`,
      `reg add "${POLICY}" /v fDenyTSConnections /t REG_DWORD /d 1 /f`,
      `reg add "${TERMINAL_SERVER}" /v TSServerDrainMode /t REG_DWORD /d 1 /f`,
      `reg add "${RDP}" /v fLogonDisabled /t REG_DWORD /d 1 /f`,
      `reg add "${TERMSERVICE}" /v Start /t REG_DWORD /d 4 /f`,
      `reg add "${BCD_SAFEBOOT}" /v Element /t REG_BINARY /d 0100000000000000 /f`,
      `reg add "${TERMSERVICE}" /v ObjectName /t REG_SZ /d LocalSystem /f`,
      `reg add "${SERVICES}\\Dhcp" /v Start /t REG_DWORD /d 3 /f`,
      `reg add "${SERVICES}\\Dhcp" /v ObjectName /t REG_SZ /d LocalSystem /f`,
      `reg add "${CREDSSP}" /v AllowEncryptionOracle /t REG_DWORD /d 0 /f`,
      `reg add "${FIPS}" /v Enabled /t REG_DWORD /d 1 /f`,
      `reg add "${RDP}" /v MinEncryptionLevel /t REG_DWORD /d 4 /f`,
      // The policy limit wins over the listener's own (unlimited) value.
      `reg add "${RDP}" /v MaxInstanceCount /t REG_DWORD /d 4294967295 /f`,
      `reg add "${POLICY}" /v MaxInstanceCount /t REG_DWORD /d 0 /f`,
      // A Session Host (the probe below) whose licensing was never configured.
      `reg add "${LICENSING_CORE}" /v LicensingMode /t REG_DWORD /d 5 /f`,
    );
    // nsi stopped, every other service runs.
    w.fixture('sc', scRunning(['TermService', 'Dhcp', 'BFE', 'MpsSvc']));
    w.fixture('wevtutil', [
      {
        match: 'SessionBroker/Operational',
        output: event('Microsoft-Windows-TerminalServices-SessionBroker', 2056),
      },
      { match: 'SessionBroker-Client', output: '' },
      {
        match: 'RemoteConnectionManager/Admin',
        output: event('Microsoft-Windows-TerminalServices-RemoteConnectionManager', 1069),
      },
      ...securityLog(
        ['0xc000006d', '0xc000006a', 'guess'],
        ['0xc000006e', '0xc0000072', 'Guest'],
        ['0xc0000234', '0x0'],
        ['0xc000005e', '0x0'],
        ['0xc000015b', '0x0'],
      ),
      {
        match: 'System',
        output: [
          event('Microsoft-Windows-TerminalServices-RemoteConnectionManager', 1058),
          event('Schannel', 36871),
        ].join('\n'),
      },
    ]);
    w.fixture('secedit', [
      {
        match: '/export',
        output: rights(HEALTHY_RIGHTS, 'SeDenyRemoteInteractiveLogonRight = *S-1-5-32-555'),
      },
    ]);
    w.fixture('netstat', [{ match: '*', output: listening(4242) }]);
    const answers = probeAnswers();
    w.fixture('powershell', [
      { match: "Remote Desktop'|?{$_.NotAfter", output: answers.fired },
      { match: 'TerminalServerMode', output: answers.fired },
      { match: 'tspkg.dll', output: answers.fired },
      { match: '*', output: answers.quiet },
    ]);
    expect(report(w.interactive(pasteAll()))).toEqual([
      'RDPRESCUE account-locked-or-expired DETECTED ev-logon-account,ev-logon-disabled,ev-logon-bad-password',
      'RDPRESCUE broker-hostname DETECTED ev-broker-db-logon',
      'RDPRESCUE credssp-oracle DETECTED credssp-update-missing,credssp-force-updated-clients',
      'RDPRESCUE guest-firewall-blocks-rdp CLEAR -',
      'RDPRESCUE machinekeys-access DETECTED ev-rcm-cert',
      'RDPRESCUE max-connections-reached DETECTED rdp-connection-limit-zero,rdp-connection-limit-by-policy',
      'RDPRESCUE network-service-down DETECTED netsvc-dhcp-start,netsvc-nsi-down,netsvc-dhcp-account',
      'RDPRESCUE nla-dc-unreachable DETECTED ev-logon-no-dc',
      'RDPRESCUE rdp-cert-invalid DETECTED rdp-cert-store',
      'RDPRESCUE rdp-disabled DETECTED rdp-connections-denied,rdp-denied-by-policy',
      'RDPRESCUE rdp-listener-disabled DETECTED terminal-server-draining,rdp-listener-logons-off',
      'RDPRESCUE rdp-port-conflict DETECTED rdp-listener=3389:4242',
      'RDPRESCUE rdp-port-firewall-mismatch CLEAR n/a:rdp-port-changed',
      'RDPRESCUE rds-licensing-expired DETECTED ev-licensing-grace-expired,licensing-mode-not-set,license-servers-not-set',
      'RDPRESCUE safe-mode-boot DETECTED default-entry-safeboot',
      'RDPRESCUE security-layer-mismatch DETECTED rdp-encryption-fips-only,fips-algorithms-enforced',
      'RDPRESCUE termservice-not-running DETECTED termservice-disabled,termservice-account,termservice-start-type',
      'RDPRESCUE tls-disabled DETECTED ev-schannel-credential,tls12-server-off,fips-policy-on',
      'RDPRESCUE user-not-authorized DETECTED ev-logon-no-right,rdp-right-denied',
      'RDPRESCUE verdict 17 detected',
    ]);
  });

  it('judges security-layer-mismatch only with native RDP security, and the connection limit below 2', () => {
    const lines = () =>
      report(w.interactive(pasteAll())).filter(
        (l) =>
          l.startsWith('RDPRESCUE security-layer-mismatch ') ||
          l.startsWith('RDPRESCUE max-connections-reached '),
      );
    healthy();
    // FIPS for the machine and FIPS-only RDP encryption under TLS: no refusal documented.
    w.reg(
      `reg add "${FIPS}" /v Enabled /t REG_DWORD /d 1 /f`,
      `reg add "${RDP}" /v MinEncryptionLevel /t REG_DWORD /d 4 /f`,
      `reg add "${RDP}" /v SecurityLayer /t REG_DWORD /d 2 /f`,
      `reg add "${RDP}" /v MaxInstanceCount /t REG_DWORD /d 4294967295 /f`,
      // The lowest limit the policy accepts, winning over the unlimited listener.
      `reg add "${POLICY}" /v MaxInstanceCount /t REG_DWORD /d 1 /f`,
    );
    expect(lines()).toEqual([
      'RDPRESCUE max-connections-reached DETECTED rdp-connection-limit-one',
      'RDPRESCUE security-layer-mismatch CLEAR n/a:rdp-security-layer-rdp',
    ]);
    w.reg(
      `reg add "${RDP}" /v SecurityLayer /t REG_DWORD /d 0 /f`,
      `reg add "${POLICY}" /v MaxInstanceCount /t REG_DWORD /d 2 /f`,
    );
    expect(lines()).toEqual([
      'RDPRESCUE max-connections-reached CLEAR -',
      'RDPRESCUE security-layer-mismatch DETECTED rdp-encryption-fips-only,fips-algorithms-enforced',
    ]);
  });

  it('judges rdp-disabled on the effective value: the policy wins over the local one (batch file)', () => {
    const line = () => report(runBatch()).filter((l) => l.startsWith('RDPRESCUE rdp-disabled '));
    healthy();
    w.reg(`reg add "${TERMINAL_SERVER}" /v fDenyTSConnections /t REG_DWORD /d 1 /f`);
    expect(line()).toEqual(['RDPRESCUE rdp-disabled DETECTED rdp-connections-denied']);
    // A policy allowing connections wins over the local denial.
    w.reg(`reg add "${POLICY}" /v fDenyTSConnections /t REG_DWORD /d 0 /f`);
    expect(line()).toEqual(['RDPRESCUE rdp-disabled CLEAR -']);
    // A policy denying them wins over a local allow, and is named.
    w.reg(
      `reg add "${TERMINAL_SERVER}" /v fDenyTSConnections /t REG_DWORD /d 0 /f`,
      `reg add "${POLICY}" /v fDenyTSConnections /t REG_DWORD /d 1 /f`,
    );
    expect(line()).toEqual([
      'RDPRESCUE rdp-disabled DETECTED rdp-connections-denied,rdp-denied-by-policy',
    ]);
  });

  it("decides credssp-oracle on the VM's CredSSP patch level, never on Force Updated Clients alone (batch file)", () => {
    const line = () => report(runBatch()).filter((l) => l.startsWith('RDPRESCUE credssp-oracle '));
    healthy();
    // The recommended hardening on a VM with the update: no finding (review H2).
    w.reg(`reg add "${CREDSSP}" /v AllowEncryptionOracle /t REG_DWORD /d 0 /f`);
    expect(line()).toEqual(['RDPRESCUE credssp-oracle CLEAR -']);
    const answers = probeAnswers();
    w.fixture('powershell', [
      { match: 'tspkg.dll', output: answers.fired },
      { match: '*', output: answers.quiet },
    ]);
    expect(line()).toEqual([
      'RDPRESCUE credssp-oracle DETECTED credssp-update-missing,credssp-force-updated-clients',
    ]);
    w.reg(`reg delete "${CREDSSP}" /v AllowEncryptionOracle /f`);
    expect(line()).toEqual(['RDPRESCUE credssp-oracle DETECTED credssp-update-missing']);
  });

  it('names every listener switch not at its working value, and only those (batch file)', () => {
    healthy();
    w.reg(
      `reg add "${TERMINAL_SERVER}" /v TSEnabled /t REG_DWORD /d 0 /f`,
      `reg add "${TERMINAL_SERVER}" /v TSUserEnabled /t REG_DWORD /d 1 /f`,
      `reg add "${RDP}" /v fEnableWinStation /t REG_DWORD /d 0 /f`,
    );
    expect(
      report(runBatch()).filter((l) => l.startsWith('RDPRESCUE rdp-listener-disabled ')),
    ).toEqual([
      'RDPRESCUE rdp-listener-disabled DETECTED terminal-server-off,terminal-server-logons-off,rdp-listener-off',
    ]);
  });

  it('calls any TSServerDrainMode but 0 drain mode (2 too), and an absent or 0 value not', () => {
    const line = () =>
      report(w.interactive(pasteAll())).filter((l) =>
        l.startsWith('RDPRESCUE rdp-listener-disabled '),
      );
    healthy();
    w.reg(`reg add "${TERMINAL_SERVER}" /v TSServerDrainMode /t REG_DWORD /d 2 /f`);
    expect(line()).toEqual(['RDPRESCUE rdp-listener-disabled DETECTED terminal-server-draining']);
    w.reg(`reg add "${TERMINAL_SERVER}" /v TSServerDrainMode /t REG_DWORD /d 0 /f`);
    expect(line()).toEqual(['RDPRESCUE rdp-listener-disabled CLEAR -']);
  }, 240_000);

  it('forgets the values of an earlier run in the same console (the blocks pasted twice)', () => {
    healthy();
    w.reg(`reg add "${PROTOCOLS}\\TLS 1.2\\Server" /v Enabled /t REG_DWORD /d 0 /f`);
    // Diagnose, repair by hand in the same console, diagnose again.
    const repair = `reg delete "${PROTOCOLS}\\TLS 1.2\\Server" /v Enabled /f >nul\r\n`;
    const lines = report(w.interactive(pasteAll() + repair + pasteAll()));
    expect(lines.filter((l) => l.startsWith('RDPRESCUE tls-disabled'))).toEqual([
      'RDPRESCUE tls-disabled DETECTED tls12-server-off',
      'RDPRESCUE tls-disabled CLEAR -',
    ]);
  });

  it('says UNKNOWN when a check cannot run, and the batch file agrees with the paste blocks', () => {
    healthy();
    w.reg(
      `reg add "${TSSDIS}" /v Start /t REG_DWORD /d 2 /f`,
      // A boot store that names no default entry (not readable): the check cannot run.
      `reg delete "${BCD_POINTER}" /f`,
    );
    w.fixture('wevtutil', [
      { match: 'SessionBroker', rc: 15007 },
      { match: 'Security', rc: 5 },
      // wevtutil filters by the XPath: no 36871 for a server credential here.
      { match: "'Type']='server'", output: '' },
      { match: 'System', output: event('Schannel', 36872) },
    ]);
    // No PowerShell on the VM: the certificate and ACL checks cannot run.
    w.fixture('powershell', [{ match: '*', rc: 9009 }]);
    w.fixture('secedit', [{ match: '*', rc: 5 }]);
    w.fixture('tasklist', [
      { match: '*', output: 'INFO: No tasks are running which match the specified criteria.' },
    ]);
    w.fixture('sc', scRunning([]));
    w.fixture('netstat', [{ match: '*', output: listening(4242) }]);
    const expected = [
      'RDPRESCUE account-locked-or-expired UNKNOWN ev-logon-account?',
      'RDPRESCUE broker-hostname UNKNOWN ev-broker-db-logon?,ev-broker-rpc?',
      'RDPRESCUE credssp-oracle UNKNOWN credssp-update-missing?',
      // No service runs: the firewall's stopped services only support a finding, never decide.
      'RDPRESCUE guest-firewall-blocks-rdp CLEAR -',
      'RDPRESCUE machinekeys-access UNKNOWN machinekeys-acl?',
      'RDPRESCUE max-connections-reached CLEAR -',
      'RDPRESCUE network-service-down DETECTED netsvc-dhcp-down,netsvc-nsi-down,netsvc-bfe-down,netsvc-mpssvc-down',
      'RDPRESCUE nla-dc-unreachable UNKNOWN ev-logon-no-dc?',
      'RDPRESCUE rdp-cert-invalid UNKNOWN rdp-cert-store?',
      'RDPRESCUE rdp-disabled CLEAR -',
      'RDPRESCUE rdp-listener-disabled CLEAR -',
      'RDPRESCUE rdp-port-conflict DETECTED rdp-listener=3389:4242,termservice-stopped',
      'RDPRESCUE rdp-port-firewall-mismatch CLEAR n/a:rdp-port-changed',
      'RDPRESCUE rds-licensing-expired UNKNOWN rdsh-role-installed?',
      'RDPRESCUE safe-mode-boot UNKNOWN default-entry-safeboot?',
      'RDPRESCUE security-layer-mismatch CLEAR n/a:rdp-security-layer-rdp',
      'RDPRESCUE termservice-not-running DETECTED termservice-down',
      'RDPRESCUE tls-disabled CLEAR -',
      'RDPRESCUE user-not-authorized UNKNOWN ev-logon-no-right?,rdp-right-no-admins?,rdp-right-denied?',
      'RDPRESCUE verdict 3 detected',
    ];
    expect(report(w.interactive(pasteAll()))).toEqual(expected);
    const batch = w.batch('C:\\rr\\diagnose.cmd');
    // Wine's batch reader, not Windows': after a line that starts with "(" and ends with ")"
    // (here: "(if not "%_b_1%"=="." (...))&...", the account-locked-or-expired outcome) it
    // reads the next line (broker-hostname's; also user-not-authorized's event letter, as
    // before) before running this one, so that line expands
    // its letters too early ("(if a==b (set x=1))" then "set y=%x%": Wine sets y empty).
    // Windows reads a batch file a line at a time outside blocks; the paste run above holds.
    const wineReadAhead = (l: string) =>
      l.startsWith('RDPRESCUE broker-hostname ')
        ? 'RDPRESCUE broker-hostname (read ahead)'
        : l.replace('ev-logon-no-right?,', '');
    expect(report(batch.stdout).map(wineReadAhead)).toEqual(expected.map(wineReadAhead));
    expect(batch.code).toBe(0);
  });

  it('judges rds-licensing-expired only on a Session Host, on the effective licensing settings (batch file)', () => {
    const line = () =>
      report(runBatch()).filter((l) => l.startsWith('RDPRESCUE rds-licensing-expired '));
    const answers = probeAnswers();
    const sessionHost = (output: string) =>
      w.fixture('powershell', [
        { match: 'TerminalServerMode', output },
        { match: '*', output: answers.quiet },
      ]);
    healthy();
    // Not a Session Host: unconfigured licensing does not matter.
    w.reg(`reg add "${LICENSING_CORE}" /v LicensingMode /t REG_DWORD /d 5 /f`);
    expect(line()).toEqual(['RDPRESCUE rds-licensing-expired CLEAR n/a:rdsh-role-installed']);
    sessionHost(answers.fired);
    expect(line()).toEqual([
      'RDPRESCUE rds-licensing-expired DETECTED licensing-mode-not-set,license-servers-not-set',
    ]);
    // Group Policy sets both: it wins over the unconfigured local mode.
    w.reg(
      `reg add "${POLICY}" /v LicensingMode /t REG_DWORD /d 2 /f`,
      `reg add "${POLICY}" /v LicenseServers /t REG_SZ /d lic01.contoso.com /f`,
    );
    expect(line()).toEqual(['RDPRESCUE rds-licensing-expired CLEAR -']);
    // Configured locally: per user, a license server.
    w.reg(
      `reg delete "${POLICY}" /f`,
      `reg add "${LICENSING_CORE}" /v LicensingMode /t REG_DWORD /d 4 /f`,
      `reg add "${LICENSE_SERVERS}" /v SpecifiedLicenseServers /t REG_MULTI_SZ /d lic01.contoso.com /f`,
    );
    expect(line()).toEqual(['RDPRESCUE rds-licensing-expired CLEAR -']);
    // The grace period is over anyway (event 1069 in the Admin channel).
    w.fixture('wevtutil', [
      {
        match: 'RemoteConnectionManager/Admin',
        output: event('Microsoft-Windows-TerminalServices-RemoteConnectionManager', 1069),
      },
      { match: '*', output: '' },
    ]);
    expect(line()).toEqual(['RDPRESCUE rds-licensing-expired DETECTED ev-licensing-grace-expired']);
    // No PowerShell (or WMI failing): whether it is a Session Host is unknown, never clear.
    w.fixture('powershell', [{ match: '*', rc: 9009 }]);
    expect(line()).toEqual(['RDPRESCUE rds-licensing-expired UNKNOWN rdsh-role-installed?']);
  }, 600_000);

  it('reads a logon status in Status or SubStatus, and only the codes of each scenario', () => {
    const lines = () =>
      report(w.interactive(pasteAll())).filter((l) =>
        /^RDPRESCUE (account-locked-or-expired|nla-dc-unreachable|user-not-authorized) /.test(l),
      );
    healthy();
    // Password guessing only: evidence, never a detection.
    w.fixture('wevtutil', securityLog(['0xc000006d', '0xc000006a'], ['0xc000006d', '0xc0000064']));
    expect(lines()).toEqual([
      'RDPRESCUE account-locked-or-expired CLEAR -',
      'RDPRESCUE nla-dc-unreachable CLEAR -',
      'RDPRESCUE user-not-authorized CLEAR -',
    ]);
    // The reason in SubStatus (Status is the generic 0xc000006e / 0xc000006d).
    w.fixture('wevtutil', securityLog(['0xc000006e', '0xc0000193'], ['0xc000006d', '0xc0000192']));
    expect(lines()).toEqual([
      'RDPRESCUE account-locked-or-expired DETECTED ev-logon-account',
      'RDPRESCUE nla-dc-unreachable DETECTED ev-logon-no-dc',
      'RDPRESCUE user-not-authorized CLEAR -',
    ]);
    // Password guessing against the disabled built-in Guest (on every VM open to the
    // internet): evidence only. A broken trust of this workstation (0xc000018d) is a DC problem.
    w.fixture(
      'wevtutil',
      securityLog(['0xc000006e', '0xc0000072', 'Guest'], ['0xc000018d', '0x0']),
    );
    expect(lines()).toEqual([
      'RDPRESCUE account-locked-or-expired CLEAR -',
      'RDPRESCUE nla-dc-unreachable DETECTED ev-logon-no-dc',
      'RDPRESCUE user-not-authorized CLEAR -',
    ]);
  });

  it('never calls a 4625 scenario clear while failure auditing of Logon is off (F9)', () => {
    const lines = () =>
      report(w.interactive(pasteAll())).filter((l) =>
        /^RDPRESCUE (account-locked-or-expired|nla-dc-unreachable|user-not-authorized) /.test(l),
      );
    /** auditpol /backup's CSV (MS-GPAC audit.csv), the Logon line in a language of its own. */
    const auditCsv = (inclusion: string, value: number) => [
      {
        match: '/backup',
        output: [
          'Machine Name,Policy Target,Subcategory,Subcategory GUID,Inclusion Setting,Exclusion Setting,Setting Value',
          'RDPTESTVM,System,Logon,{0CCE9215-69AE-11D9-BED3-505054503030},' +
            inclusion +
            ',,' +
            value,
          'RDPTESTVM,System,Account Lockout,{0CCE9217-69AE-11D9-BED3-505054503030},Success and Failure,,3',
        ].join('\n'),
      },
    ];
    const unknown = [
      'RDPRESCUE account-locked-or-expired UNKNOWN ev-logon-account?',
      'RDPRESCUE nla-dc-unreachable UNKNOWN ev-logon-no-dc?',
      'RDPRESCUE user-not-authorized UNKNOWN ev-logon-no-right?',
    ];
    const clear = [
      'RDPRESCUE account-locked-or-expired CLEAR -',
      'RDPRESCUE nla-dc-unreachable CLEAR -',
      'RDPRESCUE user-not-authorized CLEAR -',
    ];
    healthy();
    // Success only: Windows writes no 4625, so no event proves nothing.
    w.fixture('auditpol', auditCsv('Success', 1));
    expect(lines()).toEqual(unknown);
    expect(w.log('auditpol')).toHaveLength(1);
    expect(w.log('auditpol')[0]).toMatch(/^\/backup \/file:"[^"]*\\rdprescue_a\.csv"$/);
    // No auditing, in German: the number decides, never the text.
    w.fixture('auditpol', auditCsv('Keine Überwachung', 0));
    expect(lines()).toEqual(unknown);
    // A comma in the text leaves no plain digit where the number is: unknown, never clear.
    w.fixture('auditpol', auditCsv('Erfolg, Fehler', 3));
    expect(lines()).toEqual(unknown);
    // auditpol failed (not elevated): unknown too.
    w.fixture('auditpol', [{ match: '*', rc: 5 }]);
    expect(lines()).toEqual(unknown);
    // ... even with a CSV that says "audited" left in %TEMP% (an earlier run, or a user): it
    // is deleted first and read only when auditpol wrote it now.
    w.reg(
      '>"%TEMP%\\rdprescue_a.csv" echo RDPTESTVM,System,Logon,{0CCE9215-69AE-11D9-BED3-505054503030},Success and Failure,,3',
    );
    expect(lines()).toEqual(unknown);
    // A per-user line after the system policy's line: the system policy decides.
    w.fixture('auditpol', [
      {
        match: '/backup',
        output: [
          'Machine Name,Policy Target,Subcategory,Subcategory GUID,Inclusion Setting,Exclusion Setting,Setting Value',
          'RDPTESTVM,System,Logon,{0CCE9215-69AE-11D9-BED3-505054503030},Success,,1',
          'RDPTESTVM,S-1-5-21-1-2-3-1001,Logon,{0CCE9215-69AE-11D9-BED3-505054503030},Include Failure,,2',
        ].join('\n'),
      },
    ]);
    expect(lines()).toEqual(unknown);
    // Failure audited, in Dutch: no event is clear.
    w.fixture('auditpol', auditCsv('Fout', 2));
    expect(lines()).toEqual(clear);
    // An event written before auditing was turned off still counts.
    w.fixture('auditpol', auditCsv('Success', 1));
    w.fixture('wevtutil', securityLog(['0xc0000234', '0x0']));
    expect(lines()[0]).toBe('RDPRESCUE account-locked-or-expired DETECTED ev-logon-account');
  }, 900_000);

  it('asks only for the logon types of an RDP sign-in when an account is locked out (F8)', () => {
    healthy();
    w.interactive(pasteAll());
    const locked = w.log('wevtutil').find((q) => q.includes("='0xc0000234'"));
    expect(locked).toContain(
      " and (Data[@Name='LogonType']='10' or Data[@Name='LogonType']='3')]]",
    );
    // Disabled accounts and bad passwords stay evidence of any logon type.
    for (const q of w.log('wevtutil').filter((q) => q.includes("='0xc0000072'")))
      expect(q).not.toContain('LogonType');
  });

  it(
    'reads user rights by SID only: localized account names never count',
    { timeout: 600_000 },
    () => {
      const line = () =>
        report(w.interactive(pasteAll())).filter((l) =>
          l.startsWith('RDPRESCUE user-not-authorized '),
        );
      healthy();
      // Accounts secedit could not turn into a SID are written by name (Swedish, Dutch,
      // Traditional Chinese here): Administrators by name is not Administrators by SID.
      // As `type` hands them to for /f on a Western console: what the code page cannot show
      // (Traditional Chinese) comes as '?'. A name may hold & and parentheses.
      writeFileSync(
        join(w.work, 'fx', 'secedit.txt'),
        Buffer.from(
          `@@ 0 /export\r\n${rights(
            'SeRemoteInteractiveLogonRight = Administratörer,Gebruikers van Extern bureaublad,???????,R&D (ops),*S-1-5-32-555',
            'SeDenyRemoteInteractiveLogonRight = Lokalt konto,Lokaal account,????',
          ).replace(/\n/g, '\r\n')}\r\n`,
          'latin1',
        ),
      );
      expect(line()).toEqual(['RDPRESCUE user-not-authorized DETECTED rdp-right-no-admins']);
      // Nobody holds the allow right at all (secedit then writes no line for it).
      w.fixture('secedit', [{ match: '/export', output: rights() }]);
      expect(line()).toEqual([
        'RDPRESCUE user-not-authorized DETECTED rdp-right-no-admins,rdp-right-no-rdusers',
      ]);
      // Local accounts denied (security baselines require it on domain members): domain
      // accounts still sign in, so it is evidence only.
      w.fixture('secedit', [
        {
          match: '/export',
          output: rights(
            HEALTHY_RIGHTS,
            'SeDenyRemoteInteractiveLogonRight = Guest,*S-1-5-113,*S-1-5-114',
          ),
        },
      ]);
      expect(line()).toEqual(['RDPRESCUE user-not-authorized CLEAR -']);
      // Everyone denied by SID, among names.
      w.fixture('secedit', [
        {
          match: '/export',
          output: rights(HEALTHY_RIGHTS, 'SeDenyRemoteInteractiveLogonRight = Guest,*S-1-1-0'),
        },
      ]);
      expect(line()).toEqual(['RDPRESCUE user-not-authorized DETECTED rdp-right-denied']);
      // A SID that only starts like a denied one does not count.
      w.fixture('secedit', [
        {
          match: '/export',
          output: rights(HEALTHY_RIGHTS, 'SeDenyRemoteInteractiveLogonRight = *S-1-5-1130'),
        },
      ]);
      expect(line()).toEqual(['RDPRESCUE user-not-authorized CLEAR -']);
    },
  );
  it('reads whether TermService runs from sc query by its numeric state, in any language', () => {
    const line = () =>
      report(w.interactive(pasteAll())).filter((l) =>
        l.startsWith('RDPRESCUE termservice-not-running '),
      );
    const cases = [
      { culture: 'en-US', state: 4, status: 'CLEAR -' },
      // Stopped, with a service exit code of 4 on another line: not running.
      { culture: 'sv-SE', state: 1, status: 'DETECTED termservice-down' },
      { culture: 'nl-NL', state: 4, status: 'CLEAR -' },
      { culture: 'zh-TW', state: 1, status: 'DETECTED termservice-down' },
      // START_PENDING: tasklist already lists the service's process, yet it does not run.
      { culture: 'en-US', state: 2, status: 'DETECTED termservice-down' },
    ] as const;
    for (const c of cases) {
      healthy();
      w.fixture('sc', [{ match: 'query', output: scQuery('TermService', c.state, c.culture) }]);
      expect(line(), `${c.culture} ${c.state}`).toEqual([
        `RDPRESCUE termservice-not-running ${c.status}`,
      ]);
    }
  }, 300_000);

  it('sees a conflict when any listener on the port is not TermService, whatever the order (batch file)', () => {
    healthy();
    // Another process listens on one address, TermService on the other (listed last).
    w.fixture('netstat', [
      {
        match: '*',
        output: netstat(listener('10.0.0.4:3389', 4242), listener('[::]:3389', 1000)),
      },
    ]);
    const lines = report(runBatch());
    expect(lines).toContain('RDPRESCUE rdp-port-conflict DETECTED rdp-listener=3389:4242');
    // Nothing listening at all is no conflict (stopping a port owner would only cut sessions).
    w.fixture('netstat', [{ match: '*', output: netstat() }]);
    expect(report(runBatch())).toContain('RDPRESCUE rdp-port-conflict CLEAR -');
  });

  it("clears only its own variables, never the console's (__COMPAT_LAYER, __PSLockDownPolicy)", () => {
    healthy();
    const console = [
      'set __COMPAT_LAYER=RunAsInvoker',
      'set __PSLockDownPolicy=0',
      'set _=underscore',
      'set _keep=mine',
    ].join('\r\n');
    const out = w.interactive(
      `${console}\r\n${pasteAll()}echo [%__COMPAT_LAYER%][%__PSLockDownPolicy%][%_%][%_keep%]\r\n`,
    );
    expect(report(out)).toHaveLength(catalog.scenarios.length + 1);
    expect(out).toContain('[RunAsInvoker][0][underscore][mine]');
  });

  it('refuses a damaged block, runs nothing until the whole payload matches, then runs once it does', () => {
    healthy();
    const all = blocks();
    const n = all.length;
    // The console doubles a character in the middle of block 1's data.
    const first = all[0]!;
    const data = /\r\n>c1 echo ([^\r]*)\r\n/.exec(first)!;
    const at = data.index + data[0].indexOf(' echo ') + 6 + Math.floor(data[1]!.length / 2);
    const damaged = first.slice(0, at) + first[at] + first.slice(at);
    let out = w.interactive(damaged + all.slice(1).join(''));
    expect(transferLines(out)).toEqual([
      `RdpRescue: payload incomplete or DAMAGED - paste all ${n} blocks again`,
    ]);
    expect(report(out)).toEqual([]);
    for (const tool of ['powershell', 'netstat', 'tasklist', 'wevtutil'] as const)
      expect(w.log(tool), tool).toEqual([]);
    const folder = readdirSync(programFiles()).filter((d) => d.startsWith('rdpd'));
    expect(folder).toHaveLength(1);
    expect(existsSync(join(programFiles(), folder[0]!, 'd.cmd')), 'nothing expanded').toBe(false);
    // Block 1 again, intact, then the last block again: the diagnosis runs, the folder goes.
    out = w.interactive(first + all.at(-1)!);
    expect(transferLines(out)).toEqual([]);
    expect(report(out)).toHaveLength(catalog.scenarios.length + 1);
    expect(existsSync(join(programFiles(), folder[0]!))).toBe(false);
  });
});
