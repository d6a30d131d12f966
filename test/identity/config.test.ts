import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { ConfigError, loadIdentityConfig } from '../../src/identity/config.ts';

const ROOT = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'rdprescue-identity-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const GOOD = {
  name: 'AcmeRdpRescue',
  version: '2.3.0',
  guid: '6b1f0c7e-4d2a-4f58-9e3b-8a7c5d1e2f90',
  company: 'Acme Corp',
  tags: ['RDP', 'Acme'],
};

function configFile(data: unknown, name = 'rdp-rescue.config.json'): string {
  const dir = mkdtempSync(join(scratch, 'cfg-'));
  writeFileSync(join(dir, name), typeof data === 'string' ? data : JSON.stringify(data));
  return join(dir, name);
}

function cli(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/rdp-rescue.js'), ...args], {
    encoding: 'utf8',
    cwd,
  });
}

describe('rdp-rescue.config.json', () => {
  it('is optional: no file in the working directory means the upstream identity', () => {
    expect(loadIdentityConfig({ cwd: mkdtempSync(join(scratch, 'empty-')) }, '0.1.0')).toBe(
      undefined,
    );
  });

  it('an org build is its own module: folder, manifest, GUID, version, package and transfer', async () => {
    const out = join(scratch, 'org-out');
    const identity = loadIdentityConfig({ config: configFile(GOOD) }, '0.1.0')!;
    const { manifest } = await build({ out, identity, pack: true });

    expect(readdirSync(out)).not.toContain('RdpRescue');
    const psd1 = readFileSync(join(out, 'AcmeRdpRescue/AcmeRdpRescue.psd1'), 'utf8');
    expect(psd1).toContain("RootModule           = 'AcmeRdpRescue.psm1'");
    expect(psd1).toContain("ModuleVersion        = '2.3.0'");
    expect(psd1).toContain("GUID                 = '6b1f0c7e-4d2a-4f58-9e3b-8a7c5d1e2f90'");
    expect(psd1).toContain("CompanyName          = 'Acme Corp'");
    expect(psd1).toContain(
      "Tags         = @('RDP', 'Acme', 'PSEdition_Desktop', 'PSEdition_Core')",
    );
    expect(psd1).not.toContain('github.com/rdp-rescue');
    expect(existsSync(join(out, 'AcmeRdpRescue/AcmeRdpRescue.psm1'))).toBe(true);
    expect(existsSync(join(out, 'AcmeRdpRescue.2.3.0.nupkg'))).toBe(true);
    expect(manifest.module).toEqual({
      name: 'AcmeRdpRescue',
      version: '2.3.0',
      guid: GOOD.guid,
    });
    // The module reports its own version, and the Serial Console transfer installs that name.
    expect(readFileSync(join(out, 'AcmeRdpRescue/AcmeRdpRescue.psm1'), 'utf8')).toMatch(
      /^\uFEFF?# AcmeRdpRescue 2\.3\.0:/,
    );
    const blocks = readdirSync(join(out, 'serial-console/transfer')).sort();
    // As cmd reads it: the printer puts a caret between letters a console could double.
    const last = readFileSync(join(out, 'serial-console/transfer', blocks.at(-1)!), 'utf8').replace(
      /\^(.)/g,
      '$1',
    );
    expect(last.toLowerCase()).toContain('\\windowspowershell\\modules\\acmerdprescue\\2.3.0');
    expect(last.toLowerCase()).toContain('import-module acmerdprescue');
    expect(last.toLowerCase()).not.toContain('modules\\rdprescue');
    expect(readFileSync(join(out, 'transfer-README.txt'), 'utf8')).toContain(
      'Import-Module AcmeRdpRescue',
    );
  });

  it('is read from the working directory, and --config names another file', () => {
    const cwd = join(scratch, 'cwd');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'rdp-rescue.config.json'), JSON.stringify(GOOD));
    const fromCwd = cli(cwd, 'build', '--out', 'out');
    expect(fromCwd.stderr).toBe('');
    expect(fromCwd.stdout).toContain('(module AcmeRdpRescue 2.3.0)');
    expect(existsSync(join(cwd, 'out/AcmeRdpRescue/AcmeRdpRescue.psd1'))).toBe(true);

    const other = configFile({ ...GOOD, name: 'Contoso.RdpRescue', version: '1.0' }, 'other.json');
    const given = cli(cwd, 'build', '--out', 'out2', '--config', other);
    expect(given.status).toBe(0);
    expect(existsSync(join(cwd, 'out2/Contoso.RdpRescue/Contoso.RdpRescue.psd1'))).toBe(true);
  });

  it.each([
    ['a path in the name', { ...GOOD, name: '..\\Evil' }, 'name'],
    ['a slash in the name', { ...GOOD, name: 'Acme/Rdp' }, 'name'],
    ['a shell character in the name', { ...GOOD, name: 'Acme&Rdp' }, 'name'],
    ['a device name', { ...GOOD, name: 'CON' }, 'name'],
    ['the upstream name', { ...GOOD, name: 'rdprescue' }, 'name'],
    ['the upstream GUID', { ...GOOD, guid: '3f6a1c52-8d4e-4b7a-9c1e-5a2d7e0b9f43' }, 'guid'],
    ['a version with a label', { ...GOOD, version: '1.0-beta' }, 'version'],
    ['a tag with a space', { ...GOOD, tags: ['Remote Desktop'] }, 'tags.0'],
    ['a company on two lines', { ...GOOD, company: 'Acme\nCorp' }, 'company'],
    ['an unknown field', { ...GOOD, modulename: 'x' }, '(top level)'],
    ['a missing GUID', { ...GOOD, guid: undefined }, 'guid'],
  ])('refuses %s: exit 2 naming file and field, nothing written', (_, data, field) => {
    const path = configFile(data);
    const out = join(scratch, `bad-${Math.random().toString(36).slice(2)}`);
    const run = cli(scratch, 'build', '--out', out, '--config', path);
    expect(run.status).toBe(2);
    // Relative to the working directory, as every file in a message.
    expect(run.stderr).toContain(`${relative(scratch, path)}: ${field}:`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file that is not JSON, naming it', () => {
    const path = configFile('{ name: ');
    expect(() => loadIdentityConfig({ config: path }, '0.1.0')).toThrow(ConfigError);
    expect(() => loadIdentityConfig({ config: path }, '0.1.0')).toThrow(`${path}: not JSON`);
  });
});
