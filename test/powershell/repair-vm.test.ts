import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/model/load.ts';
import type { Catalog, Fix } from '../../src/model/index.ts';
import { repairVmEmitter } from '../../src/emit/repair-vm/index.ts';
import { CHECKS, OPERATIONS, catalogData, hiveLocation } from '../../src/emit/repair-vm/data.ts';
import { psData } from '../../src/emit/repair-vm/literal.ts';
import { APPROVED_VERBS, commandsOf, functionsOf } from './functions.ts';
import { upstreamIdentity } from '../../src/identity/identity.ts';

/**
 * The rescue-VM script as text: everything reaches the machine through its platform layer
 * (so Pester can mock it), the catalog's kinds all have a PowerShell function, and what the
 * emitter cannot run offline is refused at build time, naming the fix.
 */
const catalog: Catalog = await loadCatalog();
const [artifact] = await repairVmEmitter.emit({
  catalog,
  version: '9.8.7',
  identity: upstreamIdentity('9.8.7'),
  earlier: [],
});
const script = Buffer.from(artifact!.content).toString('latin1');
const lines = script.split('\r\n');
const start = lines.indexOf('#region src/repair-vm/platform.ps1') + 1;
const end = lines.indexOf('#endregion src/repair-vm/platform.ps1') + 1;

const OS_ACCESS = new Set(
  `Get-Disk Set-Disk Get-Partition Get-Volume Add-PartitionAccessPath Remove-PartitionAccessPath
  Get-BitLockerVolume Get-CimInstance Invoke-CimMethod Get-WinEvent Get-Acl Set-Acl Get-ChildItem
  Get-Item Get-ItemProperty New-Item Set-ItemProperty Remove-Item Copy-Item Test-Path Get-FileHash
  Start-Sleep Get-Date Join-Path Split-Path`
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => c.toLowerCase()),
);

describe('the rescue-VM script reaches the rescue VM only through its platform layer', () => {
  it('calls OS cmdlets, .NET file and registry APIs and native tools only inside it', async () => {
    expect(start).toBeGreaterThan(0);
    const outside = (s: number) => s < start || s > end;
    const cmdlets = (await commandsOf(script)).filter(
      (c) => OS_ACCESS.has(c.name.toLowerCase()) && outside(c.line),
    );
    expect(cmdlets).toEqual([]);
    const direct = lines.flatMap((l, i) =>
      /Microsoft\.Win32\.Registry\]|System\.IO\.File\]|&\s*\$FilePath|\.exe['"]?\s*@|^\s*(icacls|bcdedit|reg)(\.exe)?\s/i.test(
        l,
      ) && outside(i + 1)
        ? [`${i + 1}: ${l}`]
        : [],
    );
    expect(direct).toEqual([]);
  });

  it('documents every platform function at the top of the layer', async () => {
    const layer = lines.slice(start - 1, end).join('\n');
    const names = (await functionsOf(layer)).map((f) => f.name);
    expect(names.length).toBeGreaterThan(25);
    // The comment block that opens the layer, however long it grows.
    const opening = lines.slice(start - 1, end);
    const header = opening
      .slice(
        0,
        opening.findIndex((l, i) => i > 1 && !l.startsWith('#')),
      )
      .join('\n');
    const helpers = new Set([
      'Invoke-RdpOfflineNative',
      'Get-RdpOfflineSystemTool',
      'Open-RdpOfflineRegistryKey',
    ]);
    for (const name of names.filter((n) => !helpers.has(n)))
      expect(header, name).toContain(`#   ${name}`);
  });

  it('runs bcdedit only with /store, never on the rescue VM own boot store', () => {
    const bcdedit = lines.filter((l) => /bcdedit\.exe/i.test(l));
    expect(bcdedit).toHaveLength(1);
    expect(bcdedit[0]).toContain("@('/store', $Store)");
  });
});

describe('the rescue-VM script as PowerShell', () => {
  it('names every function with an approved verb and gives each [CmdletBinding()]', async () => {
    const functions = await functionsOf(script);
    expect(functions.length).toBeGreaterThan(80);
    const bad = functions.filter(
      (f) => !APPROVED_VERBS.has(f.name.split('-')[0]!) || !/\[CmdletBinding\(/.test(f.text),
    );
    expect(bad.map((f) => f.name)).toEqual([]);
  });

  it('has a function for every check, operation and backup kind the dispatch tables name', async () => {
    const defined = new Set((await functionsOf(script)).map((f) => f.name));
    const named = [
      ...script.matchAll(
        /^\s+'?[a-z-]+'? = '((?:Test|Set|Remove|Grant|Mount|Dismount|Backup|Restore)-RdpOffline\w+)'$/gm,
      ),
    ].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(15);
    for (const name of named) expect(defined, name).toContain(name);
    for (const target of Object.values(CHECKS)) expect(defined).toContain(target.evaluator);
    for (const target of Object.values(OPERATIONS))
      if (target.applier) expect(defined).toContain(target.applier);
  });

  it('reads event data by field name and names accounts by SID only', () => {
    expect(script).toContain("GetElementsByTagName('Data')");
    expect(script).toContain("GetAttribute('Name')");
    // A service's logon account is the exception: the SCM takes the built-in ones by name only.
    expect(script.replace(/NT AUTHORITY\\(LocalService|NetworkService)\b/gi, '')).not.toMatch(
      /NT AUTHORITY|BUILTIN\\|NETWORK SERVICE:|Administrators:\(/i,
    );
  });

  it('never names a control set of its own: the one Select\\Current names is read at run time', () => {
    const code = lines.filter((l) => !/^\s*#/.test(l)).join('\n');
    expect(code).not.toMatch(/CurrentControlSet|ControlSet00\d/);
  });
});

describe('what the emitter refuses, naming the fix', () => {
  const withFix = (fix: Partial<Fix>): Catalog => {
    const base = catalog.fixes.find((f) => f.id === catalog.offline.repairs[0])!;
    return {
      ...catalog,
      fixes: [...catalog.fixes.filter((f) => f.id !== base.id), { ...base, ...fix }],
    };
  };
  const id = () => catalog.offline.repairs[0]!;

  it('an operation the broken OS would have to run (a service)', () => {
    expect(() =>
      catalogData(
        withFix({ operations: [{ kind: 'service-start', service: 'TermService' }] }),
        'x',
      ),
    ).toThrow(`fix '${id()}': operation 'service-start' cannot run on a rescue VM`);
  });

  it('a key in a hive the script does not load, and a BCD {current}', () => {
    expect(() => hiveLocation('HKLM\\SAM\\Domains')).toThrow(
      /HKLM\\SAM\\Domains: the rescue-VM script reads only/,
    );
    expect(() =>
      catalogData(
        withFix({
          operations: [{ kind: 'bcd-set', entry: '{current}', setting: 'ems', value: 'on' }],
        }),
        'x',
      ),
    ).toThrow(`fix '${id()}': bcd-set {current}: an offline boot store has no current entry`);
  });

  it('text that cannot travel as ASCII', () => {
    expect(() => psData({ Warning: 'Säkerhet' })).toThrow(/U\+00e4 cannot travel in the ASCII/);
  });

  it('maps CurrentControlSet to the booted control set and Policies to the SOFTWARE hive', () => {
    expect(hiveLocation('HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa')).toEqual({
      Hive: 'SYSTEM',
      ControlSet: true,
      Path: 'Control\\Lsa',
    });
    expect(hiveLocation('HKLM\\SOFTWARE\\Policies\\Microsoft')).toEqual({
      Hive: 'SOFTWARE',
      ControlSet: false,
      Path: 'Policies\\Microsoft',
    });
  });
});
