import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert } from 'xmlbuilder2';
import { build } from '../../src/build/build.ts';
import { EMITTERS } from '../../src/emit/index.ts';
import { sha256, type Manifest } from '../../src/build/manifest.ts';
import { moduleMetadata } from '../../src/pack/metadata.ts';
import { packModule } from '../../src/pack/pack.ts';
import { resolveSignOptions } from '../../src/sign/options.ts';
import { fixtureEmitter, filesUnder } from '../sign/fixture.ts';
import { makePki, verifySignature, type TestPki } from '../sign/pki.ts';
import { readZip, type ReadEntry } from './zip.ts';

const emitters = [...EMITTERS, fixtureEmitter];
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rdp-rescue-pack-test-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Xml = Record<string, unknown>;
const xml = (bytes: Buffer) => convert(bytes.toString('utf8'), { format: 'object' }) as Xml;
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

function nupkgOf(out: string): { path: string; bytes: Buffer; manifest: Manifest } {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  const packages = manifest.artifacts.filter((a) => a.kind === 'package');
  expect(packages).toHaveLength(1);
  const path = packages[0]!.path;
  return { path, bytes: readFileSync(join(out, path)), manifest };
}

describe('the unsigned package', () => {
  let out: string;
  let entries: ReadEntry[];
  let byName: Map<string, Buffer>;
  let moduleFiles: Map<string, Buffer>;
  let nupkgPath: string;

  beforeAll(async () => {
    out = join(root, 'unsigned');
    await build({ out, emitters, pack: true });
    const nupkg = nupkgOf(out);
    nupkgPath = nupkg.path;
    entries = await readZip(nupkg.bytes);
    byName = new Map(entries.map((e) => [e.name, e.content]));
    moduleFiles = filesUnder(join(out, 'RdpRescue'));
    expect(nupkg.manifest.artifacts.find((a) => a.path === nupkg.path)?.sha256).toBe(
      sha256(nupkg.bytes),
    );
  });

  it('is named RdpRescue.<ModuleVersion>.nupkg after the module manifest', async () => {
    const meta = await moduleMetadata(
      'RdpRescue',
      moduleFiles.get('RdpRescue.psd1')!.toString('utf8'),
      'psd1',
    );
    expect(nupkgPath).toBe(`RdpRescue.${meta.version}.nupkg`);
  });

  it('holds exactly the package parts and the module files, in a fixed order', () => {
    const modulePaths = [...moduleFiles.keys()].sort();
    expect(entries.map((e) => e.name)).toEqual([
      '_rels/.rels',
      'RdpRescue.nuspec',
      ...modulePaths,
      'package/services/metadata/core-properties/RdpRescue.psmdcp',
      '[Content_Types].xml',
    ]);
  });

  it('carries every module file byte for byte, at the package root', () => {
    for (const [path, bytes] of moduleFiles)
      expect(byName.get(path)?.equals(bytes), path).toBe(true);
  });

  it('gives every entry a content type', () => {
    const types = xml(byName.get('[Content_Types].xml')!)['Types'] as Xml;
    expect(types['@xmlns']).toBe('http://schemas.openxmlformats.org/package/2006/content-types');
    const defaults = new Map(
      asList(types['Default'] as Xml | Xml[]).map((d) => [
        d['@Extension'] as string,
        d['@ContentType'] as string,
      ]),
    );
    expect(defaults.get('rels')).toBe('application/vnd.openxmlformats-package.relationships+xml');
    expect(defaults.get('psmdcp')).toBe(
      'application/vnd.openxmlformats-package.core-properties+xml',
    );
    expect(defaults.get('nuspec')).toBe('application/octet');
    expect(defaults.get('psd1')).toBe('application/octet');
    for (const entry of entries.filter((e) => e.name !== '[Content_Types].xml')) {
      const extension = entry.name.slice(entry.name.lastIndexOf('.') + 1).toLowerCase();
      expect(defaults.has(extension), entry.name).toBe(true);
    }
  });

  it('relates the package to its nuspec and core properties', () => {
    const rels = xml(byName.get('_rels/.rels')!)['Relationships'] as Xml;
    const list = asList(rels['Relationship'] as Xml | Xml[]);
    const byType = new Map(list.map((r) => [r['@Type'] as string, r['@Target'] as string]));
    expect(byType.get('http://schemas.microsoft.com/packaging/2010/07/manifest')).toBe(
      '/RdpRescue.nuspec',
    );
    expect(
      byType.get(
        'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
      ),
    ).toBe('/package/services/metadata/core-properties/RdpRescue.psmdcp');
    for (const target of byType.values()) expect(byName.has(target.slice(1)), target).toBe(true);
    expect(new Set(list.map((r) => r['@Id'])).size).toBe(list.length);
  });

  it('describes the module in the nuspec exactly as its .psd1 does', async () => {
    const psd1 = moduleFiles.get('RdpRescue.psd1')!.toString('utf8');
    const meta = await moduleMetadata('RdpRescue', psd1, 'psd1');
    const pkg = xml(byName.get('RdpRescue.nuspec')!)['package'] as Xml;
    expect(pkg['@xmlns']).toBe('http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd');
    const m = pkg['metadata'] as Record<string, string>;
    expect(m['id']).toBe('RdpRescue');
    expect(m['version']).toBe(meta.version);
    expect(psd1).toMatch(
      new RegExp(`ModuleVersion\\s*=\\s*'${meta.version.replace(/\./g, '\\.')}'`),
    );
    expect(m['authors']).toBe(meta.authors);
    expect(m['description']).toBe(meta.description);
    expect(m['requireLicenseAcceptance']).toBe('false');
    const tags = m['tags']!.split(' ');
    expect(tags[0]).toBe('PSModule');
    expect(tags).toEqual(meta.tags);
    expect(tags).toEqual(expect.arrayContaining(['PSIncludes_Function', 'RDP']));
    expect(m['projectUrl']).toMatch(/^https:\/\//);
    expect(m['licenseUrl']).toMatch(/^https:\/\//);
    expect(m['projectUrl']).toBe(meta.projectUrl);
    expect(m['licenseUrl']).toBe(meta.licenseUrl);
    expect(m['releaseNotes']?.replace(/\r\n/g, '\n')).toBe(
      meta.releaseNotes?.replace(/\r\n/g, '\n'),
    );
    expect(m['releaseNotes']).toBeTruthy();
  });

  it('has core properties that agree with the nuspec', () => {
    const core = xml(byName.get('package/services/metadata/core-properties/RdpRescue.psmdcp')!)[
      'coreProperties'
    ] as Record<string, string>;
    const nuspec = (xml(byName.get('RdpRescue.nuspec')!)['package'] as Xml)['metadata'] as Record<
      string,
      string
    >;
    expect(core['dc:identifier']).toBe('RdpRescue');
    expect(core['version']).toBe(nuspec['version']);
    expect(core['dc:creator']).toBe(nuspec['authors']);
    expect(core['keywords']).toBe(nuspec['tags']);
  });

  it('is byte-identical across builds, whatever the time zone', async () => {
    const first = nupkgOf(out).bytes;
    const savedTz = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        const again = join(root, `again-${tz.replace('/', '-')}`);
        await build({ out: again, emitters, pack: true });
        expect(nupkgOf(again).bytes.equals(first), tz).toBe(true);
      }
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
    // A fixed time in every entry: 2000-01-01 12:00 local, as DOS date/time fields.
    expect(new Set(entries.map((e) => `${e.dosDate}/${e.dosTime}`))).toEqual(
      new Set([`${(20 << 9) | (1 << 5) | 1}/${12 << 11}`]),
    );
  });
});

describe('the signed package', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = makePki(mkdtempSync(join(root, 'pki-')));
  });

  it('carries the signed module files, each verifying, with identical contents across builds', async () => {
    const env = { SOURCE_DATE_EPOCH: String(Math.floor(Date.now() / 1000) - 60) };
    const sign = resolveSignOptions({ sign: true, cert: pki.chainCert, key: pki.leafKey }, env)!;
    const contents: string[] = [];
    for (const name of ['signed-a', 'signed-b']) {
      const out = join(root, name);
      await build({ out, emitters, sign, pack: true });
      const entries = await readZip(nupkgOf(out).bytes);
      const moduleFiles = filesUnder(join(out, 'RdpRescue'));
      const scratch = mkdtempSync(join(root, 'extracted-'));
      for (const [path, bytes] of moduleFiles) {
        const entry = entries.find((e) => e.name === path);
        expect(entry?.content.equals(bytes), path).toBe(true);
        if (/\.(ps1|psm1|psd1|ps1xml)$/.test(path)) {
          const file = join(scratch, path.replace(/\//g, '_'));
          writeFileSync(file, entry!.content);
          expect(verifySignature(file, pki.caCert).ok, path).toBe(true);
        }
      }
      contents.push(JSON.stringify(entries.map((e) => [e.name, sha256(e.content)])));
    }
    expect(contents[1]).toBe(contents[0]);
  });
});

describe('packing input checks', () => {
  it('refuses to pack without a module manifest', async () => {
    await expect(
      packModule([{ path: 'other/x.ps1', kind: 'ps-runcommand', content: 'x' }], 't'),
    ).rejects.toThrow(/cannot pack: the build produced no RdpRescue\/RdpRescue\.psd1/);
  });

  it('percent-encodes entry names, as package part names are URIs', async () => {
    const psd1 = "@{ ModuleVersion = '1.0'; Author = 'a'; Description = 'd' }";
    const { artifact } = await packModule(
      [
        { path: 'RdpRescue/RdpRescue.psd1', kind: 'ps-module', content: psd1 },
        { path: 'RdpRescue/en-US/about two.txt', kind: 'ps-module', content: 'x' },
      ],
      't',
    );
    const names = (await readZip(artifact.content as Buffer)).map((e) => e.name);
    expect(names).toContain('en-US/about%20two.txt');
    expect(artifact.path).toBe('RdpRescue.1.0.0.nupkg');
  });
});
