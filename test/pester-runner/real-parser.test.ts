import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { buildFresh, type FreshBuild } from './build-module.ts';
import { PESTER_TESTS, REPO } from './paths.ts';
import {
  describeFiles,
  ensureHost,
  inspectModule,
  parseFiles,
  type FunctionInfo,
  type HostAvailability,
  type ModuleReport,
} from './pwsh-host.ts';
import { CMDLETS_MISSING_FROM_ENGINE } from './windows-cmdlets.ts';

// PowerShell's own parser and engine (tools/pwsh-host, System.Management.Automation 7.6.9 from
// NuGet) on the generated module. No pwsh needed; needs the .NET SDK and NuGet once.

const POWERSHELL_FILE = /\.(ps1|psm1|psd1)$/i;
/** Exported commands that only read; every other one must support -WhatIf/-Confirm. */
const READ_ONLY_VERBS = new Set([
  'Get',
  'Test',
  'Find',
  'Show',
  'Measure',
  'Resolve',
  'Format',
  'ConvertTo',
]);
const READ_ONLY_COMMANDS = new Set(['Invoke-RdpDiagnosis']);

let host: HostAvailability;
let build: FreshBuild;

beforeAll(() => {
  host = ensureHost();
  if (host.ok) build = buildFresh('real-parser');
});

afterAll(() => build?.remove());

function requireHost(ctx: TestContext): string {
  if (host.ok) return host.dll;
  const message = `REAL POWERSHELL PARSER NOT AVAILABLE: ${host.reason}`;
  console.warn(`${'#'.repeat(78)}\n# ${message}\n${'#'.repeat(78)}`);
  if (process.env.RDPRESCUE_REQUIRE_PWSH_HOST === '1') throw new Error(message);
  ctx.skip(message);
  return '';
}

function generatedPowerShell(): string[] {
  return build.manifest.artifacts
    .filter((a) => POWERSHELL_FILE.test(a.path))
    .map((a) => join(build.dir, a.path));
}

function moduleManifest(ctx: TestContext): string {
  const psd1 = build.manifest.artifacts.find((a) =>
    /(^|\/)RdpRescue\/RdpRescue\.psd1$/.test(a.path),
  );
  if (!psd1) ctx.skip('the build has no RdpRescue/RdpRescue.psd1 yet');
  return join(build.dir, psd1!.path);
}

function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('the real PowerShell parser (pwsh-host)', () => {
  it('rejects broken code and flags syntax Windows PowerShell 5.1 cannot run', (ctx) => {
    const dll = requireHost(ctx);
    const dir = mkdtempSync(join(tmpdir(), 'rr-parse-'));
    const broken = join(dir, 'broken.ps1');
    const newer = join(dir, 'newer.ps1');
    const fine = join(dir, 'fine.ps1');
    writeFileSync(broken, 'function f {\r\n  if ($x) {\r\n');
    writeFileSync(
      newer,
      '$a = $b ?? 1\r\n$c = $x ? 1 : 2\r\ngit status && echo ok\r\nGet-Process\r\n    | Select-Object -First 1\r\n',
    );
    writeFileSync(
      fine,
      "Get-ChildItem |\r\n    Where-Object { $_.Name -eq 'x' }\r\n$v = if ($x) { 1 } else { 2 }\r\n",
    );
    const [b, n, f] = parseFiles(dll, [broken, newer, fine]);
    expect(b!.errors.map((e) => e.id)).toContain('MissingEndCurlyBrace');
    expect(n!.errors).toEqual([]);
    expect(n!.after51.map((x) => x.line)).toEqual([1, 2, 3, 5]);
    expect(f!.errors).toEqual([]);
    expect(f!.after51).toEqual([]);
  });

  it('reports what Import-Module and Get-Help see: exports, verbs, ShouldProcess, missing help', (ctx) => {
    const dll = requireHost(ctx);
    const dir = mkdtempSync(join(tmpdir(), 'rr-module-'));
    writeFileSync(
      join(dir, 'Demo.psd1'),
      "@{ RootModule = 'Demo.psm1'; ModuleVersion = '1.0.0'; GUID = '0f3c2a59-8c1e-4a5e-9b7e-2d6c1f0a9b11'; FunctionsToExport = @('Get-DemoThing', 'Zap-DemoThing') }\r\n",
    );
    writeFileSync(
      join(dir, 'Demo.psm1'),
      [
        'function Get-DemoThing {',
        '    <#',
        '    .SYNOPSIS',
        '    Gets a thing.',
        '    .EXAMPLE',
        '    Get-DemoThing',
        '    #>',
        '    [CmdletBinding()]',
        '    param()',
        "    'thing'",
        '}',
        'function Zap-DemoThing {',
        '    [CmdletBinding(SupportsShouldProcess = $true)]',
        '    param()',
        '}',
        'function Hide-DemoThing { }',
        '',
      ].join('\r\n'),
    );
    const report = inspectModule(dll, join(dir, 'Demo.psd1'));
    expect(report.imported).toBe(true);
    expect(report.commands.map((c) => c.name)).toEqual(['Get-DemoThing', 'Zap-DemoThing']);
    const [get, zap] = report.commands;
    expect([get!.approvedVerb, get!.supportsShouldProcess]).toEqual([true, false]);
    expect(get!.help.found && get!.help.examples.map((e) => e.code)).toEqual(['Get-DemoThing']);
    expect([zap!.approvedVerb, zap!.supportsShouldProcess]).toEqual([false, true]);
    expect(zap!.help.found && zap!.help.examples).toEqual([]);
  });

  it('parses every generated .ps1/.psm1/.psd1 with no error and no PowerShell 7-only syntax', (ctx) => {
    const dll = requireHost(ctx);
    const files = generatedPowerShell();
    if (files.length === 0) ctx.skip('the build has no PowerShell files yet');
    const problems = parseFiles(dll, files).flatMap((file) => [
      ...file.errors.map(
        (e) => `${relative(build.dir, file.path)}:${e.line}:${e.column} ${e.id}: ${e.message}`,
      ),
      ...file.after51.map(
        (x) =>
          `${relative(build.dir, file.path)}:${x.line}:${x.column} not 5.1: ${x.construct}: ${x.text}`,
      ),
    ]);
    expect(problems).toEqual([]);
  });

  it('parses the rescue-VM script on its own and appended to a driver script, as az vm repair run runs it', (ctx) => {
    const dll = requireHost(ctx);
    const script = build.manifest.artifacts.find((a) => a.kind === 'ps-repair-vm');
    expect(script?.path).toBe('repair-vm/Invoke-RdpRescueOffline.ps1');
    const text = readFileSync(join(build.dir, script!.path), 'latin1');
    const dir = mkdtempSync(join(tmpdir(), 'rr-repair-vm-'));
    // The driver's param block comes first; a second one, the script's, could not parse.
    const appended = join(dir, 'driver-and-script.ps1');
    writeFileSync(
      appended,
      "Param([string]$script_path, [bool]$init = $true, [string]$params = '')\r\nif ($init) { return }\r\n" +
        text,
    );
    const withParam = join(dir, 'with-param.ps1');
    writeFileSync(withParam, 'Param([string]$a)\r\n[CmdletBinding()]\r\nparam([string]$Mode)\r\n');
    const [own, both, broken] = parseFiles(dll, [
      join(build.dir, script!.path),
      appended,
      withParam,
    ]);
    for (const file of [own!, both!]) {
      expect(file.errors).toEqual([]);
      expect(file.after51).toEqual([]);
    }
    expect(broken!.errors.length).toBeGreaterThan(0);
  });

  it('parses the Pester tests and the runner driver with no error', (ctx) => {
    const dll = requireHost(ctx);
    const tests = listFiles(PESTER_TESTS, /\.Tests\.ps1$/i);
    expect(tests.length).toBeGreaterThan(0);
    const files = [
      ...listFiles(PESTER_TESTS, /\.ps1$/i),
      join(REPO, 'test', 'pester-runner', 'invoke-pester.ps1'),
    ];
    const problems = parseFiles(dll, files).flatMap((file) =>
      file.errors.map(
        (e) => `${relative(REPO, file.path)}:${e.line}:${e.column} ${e.id}: ${e.message}`,
      ),
    );
    expect(problems).toEqual([]);
  });
});

/** Commands tools/pwsh-host lacks that the import stopped on (the Windows cmdlets only). */
function missingFromEngine(report: ModuleReport): string[] {
  const stops = [report.terminatingError, ...report.errors].filter((e) => e !== null);
  const names = stops
    .map((e) => e.missingCommand)
    .filter(
      (name): name is string => !!name && CMDLETS_MISSING_FROM_ENGINE.has(name.toLowerCase()),
    );
  return [...new Set(names)];
}

const STAND_INS_FILE = join(REPO, 'test', 'pester-runner', 'engine-stand-ins.ps1');
const STAND_INS = new Set(['import-localizeddata', 'test-path', 'join-path']);

describe('the generated module as PowerShell reads it', () => {
  /** Exported functions, found by the real AST in every file of the module folder. */
  function exportedFunctions(
    dll: string,
    psd1: string,
  ): { declared: string[]; defined: FunctionInfo[] } {
    const folder = join(psd1, '..');
    const files = listFiles(folder, /\.(psm1|ps1)$/i);
    const described = describeFiles(dll, [psd1, ...files]);
    const manifest = described[0];
    if (!manifest?.parsed || !('data' in manifest) || !manifest.data)
      throw new Error(`${psd1} is not a data file`);
    const declared = manifest.data.FunctionsToExport as string[];
    const defined = described.flatMap((d) => (d.parsed && 'functions' in d ? d.functions : []));
    return { declared, defined };
  }

  it('defines every exported function once, with help, an example, an approved verb, and -WhatIf on changes', (ctx) => {
    const dll = requireHost(ctx);
    const psd1 = moduleManifest(ctx);
    const { declared, defined } = exportedFunctions(dll, psd1);
    expect(Array.isArray(declared) && declared.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const name of declared) {
      const definitions = defined.filter(
        (f) => f.name.toLowerCase() === name.toLowerCase() && !f.nested,
      );
      if (definitions.length !== 1) {
        problems.push(`${name}: defined ${definitions.length} times`);
        continue;
      }
      const fn = definitions[0]!;
      if (!fn.approvedVerb) problems.push(`${name}: verb not approved`);
      if (!fn.cmdletBinding) problems.push(`${name}: no [CmdletBinding()]`);
      if (!fn.help?.synopsis) problems.push(`${name}: no .SYNOPSIS`);
      if (!fn.help?.examples.length) problems.push(`${name}: no .EXAMPLE`);
      for (const parameter of fn.parameters)
        if (!fn.help?.parameters[parameter.toUpperCase()])
          problems.push(`${name}: no .PARAMETER ${parameter}`);
      const readOnly = READ_ONLY_VERBS.has(name.split('-')[0]!) || READ_ONLY_COMMANDS.has(name);
      if (!readOnly && fn.supportsShouldProcess !== 'True')
        problems.push(`${name}: changes things but has no SupportsShouldProcess`);
    }
    expect(problems).toEqual([]);
  });

  it('imports with Import-Module and Get-Help reads every exported command with its examples', (ctx) => {
    const dll = requireHost(ctx);
    const psd1 = moduleManifest(ctx);
    let report = inspectModule(dll, psd1);
    const missing = missingFromEngine(report);
    // The module's top level may need cmdlets this engine lacks: give it stand-ins for those,
    // so the rest of the import, the exports and the help are still checked for real.
    if (missing.length > 0) report = inspectModule(dll, psd1, '', STAND_INS_FILE);
    const uncovered = missingFromEngine(report).filter(
      (name) => !STAND_INS.has(name.toLowerCase()),
    );
    if (uncovered.length > 0) {
      const message = `Import-Module stops on ${uncovered.join(', ')}: Windows PowerShell cmdlets this engine (System.Management.Automation without the Utility/Management modules, which this NuGet lacks) does not have and engine-stand-ins.ps1 does not stand in for; import check skipped`;
      console.warn(message);
      ctx.skip(message);
    }
    const stops = [report.terminatingError, ...report.errors].filter((e) => e !== null);
    expect(stops).toEqual([]);
    expect(report.imported).toBe(true);
    const { declared } = exportedFunctions(dll, psd1);
    expect(report.commands.map((c) => c.name).sort()).toEqual([...declared].sort());
    for (const command of report.commands) {
      expect(command.help.found, command.name).toBe(true);
      if (!command.help.found) continue;
      expect(command.help.synopsis, command.name).not.toBe('');
      expect(command.help.examples.length, command.name).toBeGreaterThan(0);
      expect(command.help.examples[0]!.code, command.name).toContain(command.name);
    }
  });
});
