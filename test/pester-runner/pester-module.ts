import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ask, summarize } from './process.ts';
import { CACHE } from './paths.ts';
import type { Attempt, Found, PowerShell } from './routes.ts';

/** The Pester we install when the machine has none; any 5.x the machine has is used as is. */
export const PESTER_VERSION = '5.7.1';
const PESTER_CACHE = join(CACHE, 'pester');

/** What Import-Module gets: a module name (installed) or a path to Pester.psd1 (cached). */
export type PesterModule = string;

function findManifest(dir: string): string | null {
  if (!existsSync(dir)) return null;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.toLowerCase() === 'pester.psd1') return path;
    if (statSync(path).isDirectory()) {
      const found = findManifest(path);
      if (found) return found;
    }
  }
  return null;
}

function pwshAnswer(pwsh: PowerShell, command: string) {
  const [program, args] = pwsh.argv(['-NoProfile', '-NonInteractive', '-Command', command]);
  return ask(program, args, { timeout: 600_000 });
}

/**
 * Pester 5 for `pwsh`: one already installed; else one cached in .cache/pester; else the
 * Pester package from NuGet (dotnet restore of a PackageDownload); else the PowerShell Gallery.
 */
export function findPester(pwsh: PowerShell): Found<PesterModule> {
  const attempts: Attempt[] = [];
  const installed = pwshAnswer(
    pwsh,
    'Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version.Major -eq 5 } | ForEach-Object { $_.Version.ToString() }',
  );
  attempts.push({
    route: 'installed Pester 5',
    asked: 'Get-Module -ListAvailable Pester',
    answer: summarize(installed),
  });
  if (installed.code === 0 && installed.stdout.trim())
    return { ok: true, value: 'Pester', attempts };

  const cached = findManifest(PESTER_CACHE);
  if (cached) return { ok: true, value: cached, attempts };

  const project = join(PESTER_CACHE, 'download');
  mkdirSync(project, { recursive: true });
  writeFileSync(
    join(project, 'download.csproj'),
    `<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n` +
      `  <ItemGroup><PackageDownload Include="Pester" Version="[${PESTER_VERSION}]" /></ItemGroup>\n</Project>\n`,
  );
  const restore = ask('dotnet', ['restore', project, '--packages', join(PESTER_CACHE, 'nuget')], {
    timeout: 600_000,
  });
  attempts.push({
    route: 'NuGet',
    asked: `dotnet restore (PackageDownload Pester ${PESTER_VERSION}) --packages ${relative(CACHE, PESTER_CACHE)}/nuget`,
    answer: summarize(restore),
  });
  const fromNuGet = restore.code === 0 ? findManifest(join(PESTER_CACHE, 'nuget')) : null;
  if (fromNuGet) return { ok: true, value: fromNuGet, attempts };

  const gallery = join(PESTER_CACHE, 'gallery');
  const saved = pwshAnswer(
    pwsh,
    `Save-Module -Name Pester -RequiredVersion ${PESTER_VERSION} -Path '${gallery}' -Repository PSGallery -Force`,
  );
  attempts.push({
    route: 'PowerShell Gallery',
    asked: 'Save-Module Pester',
    answer: summarize(saved),
  });
  const fromGallery = saved.code === 0 ? findManifest(gallery) : null;
  if (fromGallery) return { ok: true, value: fromGallery, attempts };
  return { ok: false, attempts };
}
