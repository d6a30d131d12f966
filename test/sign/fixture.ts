import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { powershellText } from '../../src/emit/text.ts';
import type { Artifact, Emitter } from '../../src/emit/artifact.ts';

const MANIFEST = 'RdpRescue/RdpRescue.psd1';

/** A small but realistic module, used when the real PowerShell emitter has not produced one. */
function fixtureModule(version: string): Artifact[] {
  const psd1 = `@{
    RootModule = 'RdpRescue.psm1'
    ModuleVersion = '${version}'
    GUID = '6f1c2a57-3d0e-4f7b-9c1e-2b8a4d5e6f70'
    Author = 'RdpRescue contributors'
    CompanyName = 'RdpRescue'
    Copyright = '(c) RdpRescue contributors. MIT License.'
    Description = 'Diagnose and repair failed RDP connections to Azure Windows VMs.'
    PowerShellVersion = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FunctionsToExport = @('Invoke-RdpDiagnosis', 'Invoke-RdpRepair')
    CmdletsToExport = @()
    VariablesToExport = @()
    AliasesToExport = @()
    FormatsToProcess = @('RdpRescue.Format.ps1xml')
    PrivateData = @{
        PSData = @{
            Tags = @('Azure', 'RDP', 'RemoteDesktop', 'Windows')
            ProjectUri = 'https://example.test/rdp-rescue'
            LicenseUri = 'https://example.test/rdp-rescue/LICENSE'
            ReleaseNotes = @'
First release: it''s a fixture.
Second line & <xml> characters.
'@
        }
    }
}
`;
  const psm1 = `Set-StrictMode -Version Latest
function Invoke-RdpDiagnosis {
    <#
    .SYNOPSIS
    Diagnoses RDP. Rätt svar på åäö and 中文 text.
    .EXAMPLE
    Invoke-RdpDiagnosis
    #>
    [CmdletBinding()]
    param()
    Write-Output 'diagnosis'
}
function Invoke-RdpRepair {
    <#
    .SYNOPSIS
    Repairs RDP.
    .EXAMPLE
    Invoke-RdpRepair -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param()
    if ($PSCmdlet.ShouldProcess('RDP', 'Repair')) { Write-Output 'repaired' }
}
Export-ModuleMember -Function 'Invoke-RdpDiagnosis', 'Invoke-RdpRepair'
`;
  const strings = `ConvertFrom-StringData @'
Title = Fjärrskrivbord fungerar inte
'@
`;
  return [
    { path: MANIFEST, kind: 'ps-module', content: powershellText(psd1) },
    { path: 'RdpRescue/RdpRescue.psm1', kind: 'ps-module', content: powershellText(psm1) },
    {
      path: 'RdpRescue/sv-SE/RdpRescue.strings.psd1',
      kind: 'ps-module',
      content: powershellText(strings),
    },
    {
      path: 'RdpRescue/en-US/about_RdpRescue.help.txt',
      kind: 'ps-module',
      content: powershellText('TOPIC\n    about_RdpRescue\n'),
    },
    {
      path: 'runcommand/Invoke-RdpRescue.ps1',
      kind: 'ps-runcommand',
      content: powershellText("Write-Output '[STATUS]::SUCCESS'\n"),
    },
  ];
}

/**
 * Emits the fixture module when the real build has no RdpRescue.psd1 yet, and in every case
 * a .ps1xml (a signable type the module may not ship) so every signable kind is covered.
 */
export const fixtureEmitter: Emitter = {
  name: 'sign-pack-fixture',
  emit({ earlier, version }) {
    const real = earlier.some((a) => a.path === MANIFEST);
    const ps1xml = powershellText(
      '<?xml version="1.0" encoding="utf-8"?>\n<Configuration><ViewDefinitions /></Configuration>\n',
    );
    return [
      ...(real ? [] : fixtureModule(version)),
      {
        path: real ? 'fixture/RdpRescue.Fixture.ps1xml' : 'RdpRescue/RdpRescue.Format.ps1xml',
        kind: 'ps-module',
        content: ps1xml,
      },
    ];
  },
};

/** Every file under a folder, by relative path with forward slashes. */
export function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(dir, full).split('\\').join('/'), readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

/** One hash over a folder's names and bytes, to prove a failed build left it untouched. */
export function treeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const [name, bytes] of [...filesUnder(dir)].sort(([a], [b]) => (a < b ? -1 : 1)))
    hash.update(name).update('\0').update(bytes).update('\0');
  return hash.digest('hex');
}
