import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build/build.ts';
import { EMITTERS } from '../../src/emit/index.ts';
import { resolveSignOptions } from '../../src/sign/options.ts';
import { fixtureEmitter, filesUnder } from '../sign/fixture.ts';
import { makePki } from '../sign/pki.ts';

/**
 * The real NuGet client (dotnet, which the machine image has) publishes the package to a folder
 * feed with `dotnet nuget push` and installs it with a restore: the same NuGet.Packaging code
 * that Install-PSResource uses to read and extract a .nupkg.
 */
const dotnet = spawnSync('dotnet', ['--version'], { encoding: 'utf8' });
const haveDotnet = dotnet.status === 0;
// The SDK's own target framework needs no package from any feed but ours.
const targetFramework = `net${dotnet.stdout.split('.')[0]}.0`;
if (!haveDotnet)
  console.warn('SKIPPED: nuget-client tests need the dotnet SDK (dotnet --version failed)');

const env = {
  ...process.env,
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
  DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
};

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rdp-rescue-nuget-test-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!haveDotnet)('the NuGet client accepts the package', () => {
  it('pushes it to a folder feed and installs the signed module files unchanged', async () => {
    const pki = makePki(mkdtempSync(join(root, 'pki-')));
    const out = join(root, 'dist');
    const sign = resolveSignOptions({ sign: true, cert: pki.chainCert, key: pki.leafKey }, {})!;
    const { manifest } = await build({
      out,
      emitters: [...EMITTERS, fixtureEmitter],
      sign,
      pack: true,
    });
    const nupkg = manifest.artifacts.find((a) => a.kind === 'package')!;
    const version = nupkg['packageVersion'] as string;

    const feed = join(root, 'feed');
    mkdirSync(feed);
    execFileSync('dotnet', ['nuget', 'push', join(out, nupkg.path), '--source', feed], {
      env,
      stdio: 'pipe',
    });
    // An empty folder feed gets NuGet's flat layout.
    expect(existsSync(join(feed, nupkg.path))).toBe(true);

    const project = join(root, 'consumer');
    mkdirSync(project);
    writeFileSync(
      join(project, 'consumer.csproj'),
      `<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>${targetFramework}</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="RdpRescue" Version="[${version}]" /></ItemGroup>
</Project>
`,
    );
    writeFileSync(
      join(project, 'nuget.config'),
      `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><clear /><add key="feed" value="${feed}" /></packageSources>
</configuration>
`,
    );
    const packages = join(root, 'packages');
    const restore = spawnSync('dotnet', ['restore', '--packages', packages], {
      cwd: project,
      env,
      encoding: 'utf8',
    });
    expect(restore.status, restore.stdout + restore.stderr).toBe(0);

    const installed = filesUnder(join(packages, 'rdprescue', version));
    for (const [path, bytes] of filesUnder(join(out, 'RdpRescue')))
      expect(installed.get(path)?.equals(bytes), path).toBe(true);
    // The package parts stay out of the installed folder.
    const names = [...installed.keys()];
    expect(names.filter((n) => /^(_rels|package)\/|\[Content_Types\]/.test(n))).toEqual([]);
    expect(
      readFileSync(join(packages, 'rdprescue', version, 'rdprescue.nuspec'), 'utf8'),
    ).toContain('<id>RdpRescue</id>');
  }, 120_000);
});
