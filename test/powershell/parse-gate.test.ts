import { describe, expect, it } from 'vitest';
import { powershellProblems } from '../support/powershell-grammar.ts';
import { emitted, POWERSHELL_FILE } from './emitted.ts';
import { loadCatalog } from '../../src/model/load.ts';
import { repairVmEmitter, REPAIR_VM_PATH } from '../../src/emit/repair-vm/index.ts';
import { upstreamIdentity } from '../../src/identity/identity.ts';

describe('parse gate: generated PowerShell loads on Windows PowerShell 5.1', async () => {
  const { artifacts, raw, text } = await emitted();
  const files = artifacts.filter((a) => POWERSHELL_FILE.test(a.path)).map((a) => a.path);

  it('emits the module, its cultures and the Run Command script', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'RdpRescue/RdpRescue.psd1',
        'RdpRescue/RdpRescue.psm1',
        'RdpRescue/en-US/RdpRescue.strings.psd1',
        'RdpRescue/zh-TW/RdpRescue.strings.psd1',
        'runcommand/Invoke-RdpRescue.ps1',
      ]),
    );
  });

  it.each(files)(
    '%s parses with no ERROR/MISSING node and no PowerShell 7-only form',
    async (p) => {
      expect(await powershellProblems(text(p))).toEqual([]);
    },
  );

  it.each(artifacts.map((a) => a.path))('%s is UTF-8 with BOM and CRLF only', (p) => {
    const bytes = raw(p);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = bytes.toString('utf8');
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(body).not.toMatch(/[ \t]\r\n/);
  });
});

describe('parse gate: the rescue-VM script (az vm repair run)', async () => {
  const catalog = await loadCatalog();
  const [artifact] = await repairVmEmitter.emit({
    catalog,
    version: '9.8.7',
    identity: upstreamIdentity('9.8.7'),
    earlier: [],
  });
  const bytes = Buffer.from(artifact!.content);
  const text = bytes.toString('latin1');

  it('is the one artifact, repair-vm/Invoke-RdpRescueOffline.ps1', () => {
    expect(artifact!.path).toBe(REPAIR_VM_PATH);
    expect(artifact!.kind).toBe('ps-repair-vm');
  });

  it('parses with no ERROR/MISSING node and no PowerShell 7-only form', async () => {
    expect(await powershellProblems(text)).toEqual([]);
  });

  it('is printable ASCII with CRLF and no BOM (it travels without one)', () => {
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(text).not.toMatch(/[^\x20-\x7e\r\n]/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).not.toMatch(/[ \t]\r\n/);
  });

  it('has no param block: az vm repair run appends it to a driver that has its own', () => {
    const driver =
      "Param([string]$script_path, [bool]$init = $true, [string]$params = '')\r\nif ($init) { return }\r\n";
    return powershellProblems(driver + text).then((problems) => expect(problems).toEqual([]));
  });

  it('is last a call of its entry point, skipped when dot-sourced', () => {
    expect(text.trimEnd().split('\r\n').slice(-3)).toEqual([
      "if ($MyInvocation.InvocationName -ne '.') {",
      '    Invoke-RdpOfflineScript -ArgumentList $RdpOfflineScriptArguments',
      '}',
    ]);
  });
});

describe('the gate itself can fail', () => {
  const broken: [string, string][] = [
    ['pipeline chain', 'Get-Item a && Get-Item b'],
    ['ternary', '$x = $a ? 1 : 2'],
    ['null coalescing', '$x = $a ?? 2'],
    ['leading pipe', "Get-Item a\n    | Select-Object -Property 'Name'"],
    ['ForEach-Object -Parallel', '1..3 | ForEach-Object -Parallel { $_ }'],
    ['$IsWindows', 'if ($IsWindows) { 1 }'],
    ['ConvertFrom-Json -AsHashtable', "$x = '{}' | ConvertFrom-Json -AsHashtable"],
    ['Write-Host', "Write-Host 'hi'"],
    ['unclosed block', 'function Get-X {\n    param()\n'],
    ['`e escape', '$esc = "`e[31m"'],
    [
      'a param block after a driver script',
      'Param([string]$script_path)\r\nif ($x) { return }\r\n[CmdletBinding()]\r\nparam([string]$Mode)\r\n',
    ],
  ];
  it.each(broken)('reports %s', async (_name, source) => {
    expect((await powershellProblems(source)).length).toBeGreaterThan(0);
  });

  it('accepts ordinary 5.1 code', async () => {
    const ok = [
      'function Get-X {',
      '    [CmdletBinding()]',
      '    param([string]$Name)',
      "    Get-Item -LiteralPath $Name | Select-Object -Property 'Name', 'Length'",
      '}',
      "$h = [ordered]@{ 'a-b' = 1; C = @(1, 2) }",
    ].join('\r\n');
    expect(await powershellProblems(ok)).toEqual([]);
  });
});
