import { describe, expect, it } from 'vitest';
import { powershellProblems } from '../support/powershell-grammar.ts';
import { emitted, POWERSHELL_FILE } from './emitted.ts';

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
