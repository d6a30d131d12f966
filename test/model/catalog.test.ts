import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/model/load.ts';
import { CULTURES, type Catalog, type Operation } from '../../src/model/index.ts';

// The source articles sit beside the clone (../shared/seeds), not in it: a clone with nothing
// beside it skips the tests that read them, and says so.
const SEEDS = join(import.meta.dirname, '../../../shared/seeds');
const seedsHere = existsSync(SEEDS);
const withSeeds = it.skipIf(!seedsHere);
if (!seedsHere) console.warn(`seed articles not found at ${SEEDS}: the seed coverage tests skip`);
const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');
const catalog: Catalog = await loadCatalog();

const operations = (): Operation[] => catalog.fixes.flatMap((f) => f.operations);
const eventIds = () =>
  new Set(
    catalog.scenarios.flatMap((s) =>
      s.evidence.flatMap((e) => (e.check.kind === 'event-query' ? e.check.eventIds : [])),
    ),
  );

/** Code blocks of a seed article, in order. */
function codeBlocks(text: string): string[] {
  return [...text.matchAll(/```[a-z]*\r?\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/**
 * Every seed code block is claimed by one of these, each naming what in the catalog carries it.
 * A code block that no entry claims fails the test, so new seed content cannot be skipped.
 */
const SEED_COMMANDS: { pattern: RegExp; carriedBy: () => boolean }[] = [
  { pattern: /wevtutil qe/i, carriedBy: () => eventIds().size >= 7 },
  {
    pattern: /icacls .*MachineKeys .*\/grant/i,
    carriedBy: () =>
      catalog.fixes.some((f) => f.id === 'reset-machinekeys-acl') &&
      catalog.fixes.some((f) => f.id === 'offline-reset-machinekeys-acl'),
  },
  {
    pattern: /Remove-Item -Path \$RdpCertThumbprint/,
    carriedBy: () => operations().some((o) => o.kind === 'remove-self-signed-certificates'),
  },
  {
    pattern: /net stop SessionEnv|Stop-Service -Name "SessionEnv"/,
    carriedBy: () =>
      operations().some((o) => o.kind === 'service-restart' && o.service === 'SessionEnv'),
  },
  {
    pattern: /reg (query|add) .*SSLCertificateSHA1Hash/i,
    carriedBy: () =>
      operations().some((o) => o.kind === 'registry-set' && o.name === 'SSLCertificateSHA1Hash'),
  },
  {
    pattern: /reg delete .*SSLCertificateSHA1Hash/i,
    carriedBy: () =>
      operations().some((o) => o.kind === 'registry-delete' && o.name === 'SSLCertificateSHA1Hash'),
  },
  {
    pattern: /Netstat -anob/i,
    carriedBy: () =>
      catalog.scenarios.some((s) => s.evidence.some((e) => e.check.kind === 'rdp-listener')),
  },
  {
    pattern: /Stop-Service -Name <ServiceName>/,
    carriedBy: () => operations().some((o) => o.kind === 'service-stop'),
  },
  {
    pattern: /Start-Service -Name Termservice/i,
    carriedBy: () =>
      // Carried as a restart: a running TermService that lost its port must rebind.
      catalog.fixes
        .find((f) => f.id === 'stop-port-owner')!
        .operations.some((o) => o.kind === 'service-restart' && o.service === 'TermService'),
  },
  {
    pattern: /-name PortNumber/i,
    carriedBy: () => operations().some((o) => o.kind === 'registry-set' && o.name === 'PortNumber'),
  },
  {
    pattern: /Set-NetFirewallRule/,
    carriedBy: () =>
      operations().some(
        (o) => o.kind === 'firewall-rule-port' && o.rule === 'RemoteDesktop-UserMode-In-TCP',
      ),
  },
  {
    pattern: /reg add .*TLS 1\.2\\Server" \/v Enabled/i,
    carriedBy: () =>
      ['enable-tls12-server', 'offline-enable-tls12'].every((id) =>
        catalog.fixes.some((f) => f.id === id),
      ),
  },
  {
    pattern: /TLS 1\.0\\Server" \/v Enabled/i,
    carriedBy: () =>
      ['enable-legacy-tls-server', 'offline-enable-legacy-tls'].every((id) =>
        catalog.fixes.some((f) => f.id === id && f.optIn && f.weakensSecurity),
      ),
  },
  {
    pattern: /gpsvc" \/v Start \/t REG_DWORD \/d 4/i,
    carriedBy: () =>
      operations().some(
        (o) =>
          o.kind === 'service-start-type' && o.service === 'gpsvc' && o.startType === 'disabled',
      ),
  },
  {
    pattern: /sc config gpsvc start= auto/,
    carriedBy: () =>
      operations().some(
        (o) =>
          o.kind === 'service-start-type' && o.service === 'gpsvc' && o.startType === 'automatic',
      ),
  },
  {
    pattern: /bcdedit \/store .* bootems yes/i,
    carriedBy: () =>
      operations().some((o) => o.kind === 'bcd-set' && o.setting === 'bootems') &&
      operations().some((o) => o.kind === 'bcd-ems-settings' && o.baudRate === 115200),
  },
  {
    pattern: /CrashControl" \/v NMICrashDump/i,
    carriedBy: () =>
      operations().some((o) => o.kind === 'registry-set' && o.name === 'NMICrashDump'),
  },
  {
    pattern: /reg load HKLM\\BROKENSYSTEM/i,
    carriedBy: () =>
      operations().some((o) => o.kind === 'hive-load') &&
      operations().some((o) => o.kind === 'hive-unload'),
  },
  {
    pattern: /\/v UserAuthentication \/t REG_DWORD \/d 1/i,
    carriedBy: () => catalog.fixes.some((f) => f.id === 'offline-enable-nla'),
  },
];

describe('the catalog holds what the seeds know', () => {
  it('has exactly the public scenario ids', () => {
    expect(catalog.scenarios.map((s) => s.id).sort()).toEqual([
      'account-locked-or-expired',
      'broker-hostname',
      'credssp-oracle',
      'guest-firewall-blocks-rdp',
      'machinekeys-access',
      'max-connections-reached',
      'network-service-down',
      'nla-dc-unreachable',
      'rdp-cert-invalid',
      'rdp-disabled',
      'rdp-listener-disabled',
      'rdp-port-conflict',
      'rdp-port-firewall-mismatch',
      'rds-licensing-expired',
      'safe-mode-boot',
      'security-layer-mismatch',
      'termservice-not-running',
      'tls-disabled',
      'user-not-authorized',
    ]);
  });

  withSeeds('covers every event ID the seeds name, on the right channel', () => {
    const english = seed('004_50ea3174cc198584.txt');
    const seedIds = new Set([...english.matchAll(/EventID=(\d+)/g)].map((m) => Number(m[1])));
    expect([...seedIds].sort()).toEqual([1057, 1058, 2056, 1296, 36870, 36872, 36871].sort());
    for (const id of seedIds) expect(eventIds(), `event ${id}`).toContain(id);
    const channelOf = (id: number) =>
      catalog.scenarios
        .flatMap((s) => s.evidence.map((e) => e.check))
        .find((c) => c.kind === 'event-query' && c.eventIds.includes(id));
    expect(channelOf(2056)).toMatchObject({
      channel: 'Microsoft-Windows-TerminalServices-SessionBroker/Operational',
    });
    expect(channelOf(1296)).toMatchObject({
      channel: 'Microsoft-Windows-TerminalServices-SessionBroker-Client/Operational',
    });
    expect(channelOf(36871)).toMatchObject({ channel: 'System', provider: 'Schannel' });
  });

  withSeeds(
    'claims every code block of every seed file, and the catalog carries each claim',
    () => {
      const names = readdirSync(SEEDS).sort();
      expect(names).toHaveLength(5);
      expect(names.flatMap((n) => codeBlocks(seed(n))).length).toBeGreaterThan(40);
      for (const name of names) {
        codeBlocks(seed(name)).forEach((block, index) => {
          const lines = block.split(/\r?\n/).filter((l) => /\S/.test(l) && !/^\s*(REM|#)/i.test(l));
          const unclaimed = lines.filter(
            (line) =>
              !SEED_COMMANDS.some((c) => c.pattern.test(line)) &&
              !/^\s*(remove-module|md |Md |Import-Module PKI|Set-Location|\$RdpCertThumbprint|Start-Service -Name "SessionEnv"|net start SessionEnv|Stop-Service -Name Termservice|icacls .* \/t \/c >|takeown|reg unload|REG ADD .*(CrashControl|TLS 1\.1|SecurityLayer|fAllowSecProtocolNegotiation|DumpFile|CrashDumpEnabled)|bcdedit|gpupdate|Restart-Service TermService|reg add .*TLS 1\.[01]|REG ADD .*TLS 1\.2)/i.test(
                line,
              ),
          );
          expect(unclaimed, `${name} code block ${index + 1}`).toEqual([]);
        });
      }
      for (const c of SEED_COMMANDS) expect(c.carriedBy(), String(c.pattern)).toBe(true);
    },
  );

  it('never uses account names, and gives every fix an undo, a verification and a source', () => {
    // A service's logon account is the one place an account is named: the service control
    // manager takes the built-in ones by these fixed, untranslated names (ObjectName).
    const serviceAccounts = (text: string) =>
      text.replace(
        /"(account|data)":"NT Authority\\\\(LocalService|NetworkService)"/g,
        '"$1":"<service account>"',
      );
    const text = serviceAccounts(JSON.stringify(catalog.fixes.map((f) => f.operations)));
    expect(text).not.toMatch(/NT AUTHORITY|BUILTIN|Administrators:|NETWORK SERVICE/i);
    for (const f of catalog.fixes) {
      expect(f.undo.description['en-US'], f.id).toBeTruthy();
      expect(f.verify.description['en-US'], f.id).toBeTruthy();
      expect(f.sources.length, f.id).toBeGreaterThan(0);
    }
  });

  it('translates every user-facing string into every culture', () => {
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
      if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if ('en-US' in record && typeof record['en-US'] === 'string' && !path.endsWith('seeds')) {
          for (const culture of CULTURES)
            expect(record[culture], `${path}.${culture}`).toMatch(/\S/);
          // A translation identical to English is almost always a missed translation.
          for (const culture of CULTURES.filter((c) => c !== 'en-US'))
            if ((record['en-US'] as string).length > 24)
              expect(record[culture], `${path}.${culture}`).not.toBe(record['en-US']);
        }
        for (const [k, v] of Object.entries(record)) walk(v, `${path}.${k}`);
      }
    };
    walk(catalog, 'catalog');
  });

  it('keeps security as strong as it found it unless a fix says otherwise', () => {
    for (const f of catalog.fixes) {
      for (const op of f.operations) {
        if (op.kind === 'registry-set' && op.name === 'SecurityLayer')
          expect(op.data, f.id).toBe(2);
        // Turning NLA off is a fix that says so: opt-in, with its warning and restore.
        if (op.kind === 'registry-set' && op.name === 'UserAuthentication' && !f.weakensSecurity)
          expect(op.data, f.id).toBe(1);
      }
      if (f.weakensSecurity)
        expect(f.optIn, `${f.id} weakens security so must be opt-in`).toBe(true);
    }
  });
});
