import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'vitest';
import { ensureHost, runScript, type ScriptRun } from '../pester-runner/pwsh-host.ts';

/**
 * Runs generated module code in PowerShell's real engine (tools/pwsh-host). That host has the
 * engine's core cmdlets only; the few Utility cmdlets the diagnosis path calls are stood in by
 * the minimal shims below (test scaffolding, not module code). The module's platform
 * functions are replaced by mocks defined after the module body, as Pester would.
 */
export const UTILITY_SHIMS = String.raw`
function Write-Verbose { param([string]$Message) }
$script:Warnings = @()
function Write-Warning { param([string]$Message) $script:Warnings += $Message }
function Join-Path { param([string]$Path, [string]$ChildPath) $Path.TrimEnd('\') + '\' + $ChildPath }
function Split-Path { param([string]$Path, [switch]$Parent) $Path.Substring(0, $Path.LastIndexOf('\')) }
function Sort-Object {
    param([string]$Property, [switch]$Descending, [switch]$Unique)
    $items = @($input)
    if ($Property) { $keys = @($items | ForEach-Object { $_.$Property }) } else { $keys = $items }
    $index = [int[]](0..($items.Count - 1))
    if ($items.Count -eq 0) { return }
    $keyArray = ([object[]]$keys).Clone()
    [array]::Sort($keyArray, $index)
    if ($Descending) { [array]::Reverse($index) }
    $seen = @{}
    foreach ($i in $index) {
        $item = $items[$i]
        if ($Unique) { if ($seen.ContainsKey([string]$item)) { continue }; $seen[[string]$item] = $true }
        $item
    }
}
function Select-Object { param([int]$First) @($input)[0..($First - 1)] }
function Measure-Object {
    param([switch]$Maximum)
    $max = $null
    foreach ($v in $input) { if ($null -eq $max -or $v -gt $max) { $max = $v } }
    [pscustomobject]@{ Maximum = $max }
}
`;

export function requireHost(ctx: TestContext): string | undefined {
  const host = ensureHost();
  if (host.ok) return host.dll;
  const message = `REAL POWERSHELL ENGINE NOT AVAILABLE: ${host.reason}`;
  console.warn(`${'#'.repeat(78)}\n# ${message}\n${'#'.repeat(78)}`);
  if (process.env.RDPRESCUE_REQUIRE_PWSH_HOST === '1') throw new Error(message);
  ctx.skip(message);
  return undefined;
}

export function runInHost(dll: string, parts: string[], culture?: string): ScriptRun {
  const dir = mkdtempSync(join(tmpdir(), 'rdprescue-ps-'));
  const script = join(dir, 'run.ps1');
  writeFileSync(script, '\uFEFF' + parts.join('\n').replace(/\r?\n/g, '\r\n'));
  return runScript(dll, script, culture);
}
