import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, DEFAULT_CATALOG_DIR } from '../../src/model/load.ts';
import { REPORT_LINE, VERDICT_LINE } from '../../src/model/index.ts';
import { cmdEmitter } from '../../src/emit/cmd/index.ts';
import type { Artifact } from '../../src/emit/artifact.ts';
import { WinePrefix, reportLines, wineAvailable } from './wine.ts';
import { POLICY, PROTOCOLS, RDP, TSSDIS } from './keys.ts';

/**
 * The diagnosis, run for real: paste blocks fed to an interactive cmd.exe (Wine), the .cmd
 * file run as a batch. Machine states come from reg add in the prefix and shim outputs.
 */

const netstat = (pid: number) =>
  [
    '',
    'Active Connections',
    '',
    '  Proto  Local Address          Foreign Address        State           PID',
    `  TCP    0.0.0.0:3389           0.0.0.0:0              LISTENING       ${pid}`,
    '  TCP    10.0.0.4:3389          10.0.0.9:50123         ESTABLISHED     1000',
    `  TCP    [::]:3389              [::]:0                 LISTENING       ${pid}`,
    '  UDP    0.0.0.0:3389           *:*                                    1000',
  ].join('\n');

const event = (provider: string, id: number) =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='${provider}'/><EventID Qualifiers='49152'>${id}</EventID><Level>2</Level></System><EventData><Data Name='ErrorStatus'>10001</Data></EventData></Event>`;

let artifacts: Artifact[];
let w: WinePrefix;
const run = describe.skipIf(!wineAvailable());

function pasteAll(): string {
  return artifacts
    .filter((a) => a.kind === 'cmd-paste' && a.meta?.role === 'diagnosis')
    .sort((a, b) => Number(a.meta!.block) - Number(b.meta!.block))
    .map((a) => a.content.toString('latin1'))
    .join('');
}

function healthy(): void {
  w.resetShims();
  w.reg(
    `reg delete "${PROTOCOLS}" /f >nul 2>&1`,
    `reg delete "${POLICY}" /f >nul 2>&1`,
    `reg delete "${TSSDIS}" /f >nul 2>&1`,
    `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`,
    `reg add "${RDP}" /v SecurityLayer /t REG_DWORD /d 1 /f`,
    `reg delete "${RDP}" /v SSLCertificateSHA1Hash /f >nul 2>&1`,
  );
  w.fixture('netstat', [{ match: '*', output: netstat(1000) }]);
  w.fixture('tasklist', [
    { match: 'SERVICES eq TermService', output: '"svchost.exe","1000","TermService"' },
    { match: '*', output: 'INFO: No tasks are running which match the specified criteria.' },
  ]);
}

beforeAll(async () => {
  const catalog = await loadCatalog(DEFAULT_CATALOG_DIR);
  artifacts = await cmdEmitter.emit({ catalog, version: 'test', earlier: [] });
  if (wineAvailable()) {
    w = new WinePrefix('cmd-diagnosis').init();
    w.put('diagnose.cmd', artifacts.find((a) => a.path === 'cmd/diagnose.cmd')!.content);
  }
});

run('diagnosis in a real cmd.exe', () => {
  it('reports every scenario CLEAR on a healthy machine (paste blocks, interactive cmd)', () => {
    healthy();
    const lines = reportLines(w.interactive(pasteAll()));
    expect(lines).toEqual([
      'RDPRESCUE broker-hostname CLEAR n/a:broker-role-installed',
      'RDPRESCUE machinekeys-access CLEAR -',
      'RDPRESCUE rdp-cert-invalid CLEAR -',
      'RDPRESCUE rdp-port-conflict CLEAR -',
      'RDPRESCUE tls-disabled CLEAR -',
      'RDPRESCUE verdict 0 detected',
    ]);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(REPORT_LINE);
    expect(lines.at(-1)).toMatch(VERDICT_LINE);
    // One query per channel, newest first, with the model's 24-hour window.
    const queries = w.log('wevtutil');
    expect(queries.map((q) => q.split('"')[1])).toEqual([
      'Microsoft-Windows-TerminalServices-SessionBroker/Operational',
      'Microsoft-Windows-TerminalServices-SessionBroker-Client/Operational',
      'System',
    ]);
    for (const q of queries) {
      expect(q).toContain('/rd:true');
      expect(q).toContain('timediff(@SystemTime) <= 86400000');
      expect(q).toContain('/f:xml');
    }
    expect(queries[2]).toContain(
      "Provider[@Name='Schannel'] and (EventID=36870 or EventID=36871 or EventID=36872)",
    );
  });

  it('detects every scenario when the machine is broken in every way (paste blocks)', () => {
    healthy();
    w.reg(
      `reg add "${TSSDIS}" /v Start /t REG_DWORD /d 2 /f`,
      `reg add "${PROTOCOLS}\\TLS 1.2\\Server" /v Enabled /t REG_DWORD /d 0 /f`,
      `reg add "${RDP}" /v SecurityLayer /t REG_DWORD /d 0 /f`,
      // Group Policy wins over the local value.
      `reg add "${POLICY}" /v SecurityLayer /t REG_DWORD /d 2 /f`,
    );
    w.fixture('wevtutil', [
      {
        match: 'SessionBroker/Operational',
        output: event('Microsoft-Windows-TerminalServices-SessionBroker', 2056),
      },
      { match: 'SessionBroker-Client', output: '' },
      {
        match: 'System',
        output: [
          event('Microsoft-Windows-TerminalServices-RemoteConnectionManager', 1058),
          event('Schannel', 36871),
        ].join('\n'),
      },
    ]);
    w.fixture('netstat', [{ match: '*', output: netstat(4242) }]);
    w.fixture('powershell', [
      { match: "Remote Desktop'|?{$_.NotAfter", rc: 3 },
      { match: '*', rc: 0 },
    ]);
    expect(reportLines(w.interactive(pasteAll()))).toEqual([
      'RDPRESCUE broker-hostname DETECTED ev-broker-db-logon',
      'RDPRESCUE machinekeys-access DETECTED ev-rcm-cert',
      'RDPRESCUE rdp-cert-invalid DETECTED rdp-cert-store',
      'RDPRESCUE rdp-port-conflict DETECTED rdp-listener=3389:4242',
      'RDPRESCUE tls-disabled DETECTED ev-schannel-credential,tls12-server-off,rdp-requires-tls',
      'RDPRESCUE verdict 5 detected',
    ]);
  });

  it('forgets the values of an earlier run in the same console', () => {
    healthy();
    w.reg(`reg add "${PROTOCOLS}\\TLS 1.2\\Server" /v Enabled /t REG_DWORD /d 0 /f`);
    // Diagnose, repair by hand in the same console, diagnose again.
    const repair = `reg delete "${PROTOCOLS}\\TLS 1.2\\Server" /v Enabled /f >nul\r\n`;
    const lines = reportLines(w.interactive(pasteAll() + repair + pasteAll()));
    expect(lines.filter((l) => l.startsWith('RDPRESCUE tls-disabled'))).toEqual([
      'RDPRESCUE tls-disabled DETECTED tls12-server-off',
      'RDPRESCUE tls-disabled CLEAR -',
    ]);
  });

  it('says UNKNOWN when a check cannot run, and the batch file agrees with the paste blocks', () => {
    healthy();
    w.reg(`reg add "${TSSDIS}" /v Start /t REG_DWORD /d 2 /f`);
    w.fixture('wevtutil', [
      { match: 'SessionBroker', rc: 15007 },
      { match: 'System', output: event('Schannel', 36872) },
    ]);
    // No PowerShell on the VM: the certificate and ACL checks cannot run.
    w.fixture('powershell', [{ match: '*', rc: 9009 }]);
    w.fixture('tasklist', [
      { match: '*', output: 'INFO: No tasks are running which match the specified criteria.' },
    ]);
    w.fixture('netstat', [{ match: '*', output: netstat(4242) }]);
    const expected = [
      'RDPRESCUE broker-hostname UNKNOWN ev-broker-db-logon?,ev-broker-rpc?',
      'RDPRESCUE machinekeys-access UNKNOWN machinekeys-acl?',
      'RDPRESCUE rdp-cert-invalid UNKNOWN rdp-cert-store?',
      'RDPRESCUE rdp-port-conflict DETECTED rdp-listener=3389:4242,termservice-stopped',
      'RDPRESCUE tls-disabled CLEAR -',
      'RDPRESCUE verdict 1 detected',
    ];
    expect(reportLines(w.interactive(pasteAll()))).toEqual(expected);
    const batch = w.batch('C:\\rr\\diagnose.cmd');
    expect(reportLines(batch.stdout)).toEqual(expected);
    expect(batch.code).toBe(0);
  });
});
