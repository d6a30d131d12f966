import { describe, expect, it } from 'vitest';
import { CULTURES } from '../../src/model/index.ts';
import { publicFunctions } from '../../src/emit/powershell/index.ts';
import { UPSTREAM_GUID as MODULE_GUID } from '../../src/identity/identity.ts';
import { emitted, TEST_VERSION } from './emitted.ts';
import { APPROVED_VERBS, commandsOf, functionsOf } from './functions.ts';

const PSM1 = 'RdpRescue/RdpRescue.psm1';
const PSD1 = 'RdpRescue/RdpRescue.psd1';

/** Quoted names inside `<label> = @( ... )` or `-Function @( ... )`. */
function quotedList(text: string, start: RegExp): string[] {
  const from = text.search(start);
  expect(from, `${start} not found`).toBeGreaterThanOrEqual(0);
  const block = text.slice(from, text.indexOf(')', from));
  return [...block.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

describe('module manifest and exports', async () => {
  const { catalog, text } = await emitted();
  const psd1 = text(PSD1);
  const psm1 = text(PSM1);
  const defined = await functionsOf(psm1);
  const exported = quotedList(psd1, /FunctionsToExport\s*=/);

  it('exports exactly the public commands, listed explicitly in both places', () => {
    expect(exported).toEqual(publicFunctions(catalog));
    expect(quotedList(psm1, /Export-ModuleMember -Function/)).toEqual(exported);
    expect(psd1).not.toMatch(/\*/);
    for (const list of ['CmdletsToExport', 'VariablesToExport', 'AliasesToExport'])
      expect(psd1).toMatch(new RegExp(`${list}\\s*=\\s*@\\(\\)`));
  });

  it('defines every exported function once, and one command per online fix', () => {
    const names = defined.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of exported) expect(names).toContain(name);
    const commands = catalog.fixes.filter((f) => f.scope === 'online').map((f) => f.command);
    expect(exported).toEqual(expect.arrayContaining(commands));
  });

  it('carries the identity and compatibility fields', () => {
    expect(psd1).toContain(`ModuleVersion        = '${TEST_VERSION}'`);
    expect(psd1).toContain(`GUID                 = '${MODULE_GUID}'`);
    expect(psd1).toContain("PowerShellVersion    = '5.1'");
    expect(psd1).toContain("CompatiblePSEditions = @('Desktop', 'Core')");
    expect(psd1).toContain("RootModule           = 'RdpRescue.psm1'");
    for (const field of ['Tags', 'ProjectUri', 'LicenseUri', 'ReleaseNotes'])
      expect(psd1).toMatch(new RegExp(`${field}\\s*=`));
  });

  it('uses approved verbs for every function, public and private', () => {
    const bad = defined.filter((f) => !APPROVED_VERBS.has(f.name.split('-')[0]!));
    expect(bad.map((f) => f.name)).toEqual([]);
  });

  it('gives every public function help with a synopsis, a description, its parameters and an example', () => {
    for (const name of exported) {
      const f = defined.find((d) => d.name === name)!;
      expect(f.help, name).toBeDefined();
      expect(f.help, name).toMatch(/\.SYNOPSIS\s*\r?\n\s+\S/);
      expect(f.help, name).toMatch(/\.DESCRIPTION\s*\r?\n\s+\S/);
      expect(f.help, name).toMatch(/\.EXAMPLE\s*\r?\n\s+\S/);
      for (const p of f.parameters)
        expect(f.help, `${name} -${p}`).toMatch(new RegExp(`\\.PARAMETER ${p}\\b`));
    }
  });

  it('makes every public command that changes something support -WhatIf/-Confirm at high impact', () => {
    for (const name of exported.filter((n) => n !== 'Invoke-RdpDiagnosis')) {
      const f = defined.find((d) => d.name === name)!;
      expect(f.text, name).toMatch(/SupportsShouldProcess = \$true, ConfirmImpact = 'High'/);
    }
    const diagnosis = defined.find((d) => d.name === 'Invoke-RdpDiagnosis')!;
    expect(diagnosis.text).not.toMatch(/SupportsShouldProcess/);
  });

  it('validates fix parameters (port range, thumbprint pattern)', () => {
    const port = defined.find((d) => d.name === 'Set-RdpPort')!;
    expect(port.text).toMatch(/\[ValidateRange\(1, 65535\)\]\s+\[int\]\$Port/);
    const binding = defined.find((d) => d.name === 'Set-RdpCertificateBinding')!;
    expect(binding.text).toMatch(
      /\[ValidatePattern\('\^\[0-9A-Fa-f\]\{40\}\$'\)\]\s+\[string\]\$Thumbprint/,
    );
  });

  it('sets strict mode and stops on errors; no Write-Host', () => {
    expect(psm1).toMatch(/^\s*Set-StrictMode -Version Latest\r?$/m);
    expect(psm1).toMatch(/^\s*\$ErrorActionPreference = 'Stop'\r?$/m);
    expect(psm1).not.toMatch(/Write-Host/i);
  });
});

/** OS-facing cmdlets and executables: only the platform layer may call them. */
const OS_ACCESS = new Set(
  `Get-WinEvent Get-Item Get-ItemProperty New-Item New-ItemProperty Set-ItemProperty Remove-ItemProperty
  Get-CimInstance Get-WmiObject Get-Service Start-Service Stop-Service Restart-Service Set-Service
  Get-NetTCPConnection Get-NetFirewallRule Get-NetFirewallPortFilter Set-NetFirewallRule Get-Acl Set-Acl
  Get-ChildItem Remove-Item Get-WindowsFeature Stop-Process Get-Date`
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => c.toLowerCase()),
);

describe('the platform layer is the only way to the OS (Pester can mock it)', async () => {
  const { text } = await emitted();
  const psm1 = text(PSM1);
  const lines = psm1.split(/\r\n/);
  const start = lines.findIndex((l) => l === '#region src/powershell/platform.ps1') + 1;
  const end = lines.findIndex((l) => l === '#endregion src/powershell/platform.ps1') + 1;

  it('keeps OS cmdlets and native executables inside the platform layer (src/powershell/platform.ps1)', async () => {
    expect(start).toBeGreaterThan(0);
    const outside = (await commandsOf(psm1)).filter(
      (c) => OS_ACCESS.has(c.name.toLowerCase()) && (c.line < start || c.line > end),
    );
    expect(outside).toEqual([]);
    const natives = lines.flatMap((l, i) =>
      /&\s*\$FilePath|\.exe['"]?\s*@|^\s*(icacls|bcdedit|netstat|reg|sc)(\.exe)?\s/i.test(l) &&
      (i + 1 < start || i + 1 > end)
        ? [`${i + 1}: ${l}`]
        : [],
    );
    expect(natives).toEqual([]);
  });

  it('documents every platform function at the top of the layer', async () => {
    const layer = lines.slice(start - 1, end).join('\n');
    const platform = (await functionsOf(layer)).map((f) => f.name);
    expect(platform.length).toBeGreaterThan(10);
    // The layer's leading comment block, however long it grows.
    const firstCode = lines.findIndex((l, i) => i > start && !l.startsWith('#'));
    const header = lines.slice(start - 1, firstCode).join('\n');
    for (const name of platform) expect(header, name).toContain(`#   ${name}`);
  });

  it('reads event data by field name and never parses localized text', () => {
    expect(psm1).toContain("GetElementsByTagName('Data')");
    expect(psm1).toContain("GetAttribute('Name')");
    expect(
      psm1.replace(/\$_\.Exception\.Message|\.Exception\.Message|\$entry\.Error/g, ''),
    ).not.toMatch(/\.Message\b/);
  });

  it('names accounts by SID only', () => {
    // Except a service's logon account: the service control manager takes the built-in ones
    // only by these untranslated names ("NetworkService Account", Microsoft Learn).
    expect(withoutServiceAccounts(psm1)).not.toMatch(
      /NT AUTHORITY|BUILTIN\\|NETWORK SERVICE:|Administrators:|\bSystem:\(/i,
    );
    expect(psm1).toMatch(/'\*\{0\}:\(\{1\}\)' -f \$grant\.Sid/);
  });

  it('uses provider paths (HKLM:\\) for every registry key in the data', () => {
    const keys = [...psm1.matchAll(/(?:Key|PortKey|PolicyKey) = '([^']*)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(5);
    for (const k of keys) expect(k).toMatch(/^HKLM:\\/);
  });
});

describe('localized strings', async () => {
  const { catalog, text } = await emitted();
  const keysOf = (culture: string) =>
    [...text(`RdpRescue/${culture}/RdpRescue.strings.psd1`).matchAll(/^ {4}'([^']+)' = '/gm)].map(
      (m) => m[1]!,
    );
  const english = keysOf('en-US');

  it.each(CULTURES.filter((c) => c !== 'en-US'))('%s has exactly the en-US keys', (culture) => {
    expect(keysOf(culture)).toEqual(english);
  });

  it('has every key the module reads', () => {
    const psm1 = text(PSM1);
    const used = new Set([...psm1.matchAll(/\$script:RdpStrings\.([A-Za-z]+)/g)].map((m) => m[1]!));
    for (const s of catalog.scenarios) {
      used.add(`Scenario.${s.id}.Title`);
      for (const e of s.evidence) used.add(`Finding.${e.check.id}`);
    }
    for (const f of catalog.fixes.filter((x) => x.scope === 'online')) {
      used.add(`Fix.${f.id}.Title`);
      if (f.weakensSecurity) used.add(`Fix.${f.id}.Warning`).add(`Fix.${f.id}.Restore`);
    }
    const missing = [...used].filter((k) => !english.includes(k));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(30);
  });

  it('has a localized about topic per culture', () => {
    const titles = CULTURES.map((c) => text(`RdpRescue/${c}/about_RdpRescue.help.txt`));
    for (const [i, c] of CULTURES.entries()) {
      expect(titles[i]).toMatch(/^TOPIC\r\n {4}about_RdpRescue\r\n/);
      expect(titles[i]).toContain(catalog.scenarios[0]!.title[c]);
      expect(titles[i]).toContain('urn:rdp-rescue:diagnosis:1');
    }
  });
});

/** The text without the two built-in service logon accounts the SCM knows by name only. */
function withoutServiceAccounts(text: string): string {
  return text.replace(/NT AUTHORITY\\(LocalService|NetworkService)\b/gi, '');
}
