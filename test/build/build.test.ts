import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { DEFAULT_CATALOG_DIR } from '../../src/model/load.ts';
import type { Emitter } from '../../src/emit/artifact.ts';

const ROOT = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'rdprescue-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/rdp-rescue.js'), ...args], {
    encoding: 'utf8',
    cwd: scratch,
  });
}

/** Every file under a folder with its bytes, keyed by relative path. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p).split('\\').join('/'), readFileSync(p));
    }
  };
  walk(dir);
  return files;
}

function brokenCatalog(edit: (text: string) => string, file = 'scenarios/tls-disabled.ts'): string {
  const dir = mkdtempSync(join(scratch, 'catalog-'));
  cpSync(DEFAULT_CATALOG_DIR, dir, { recursive: true });
  // Catalog files import only types from the model; point those imports at the real model.
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

describe('rdp-rescue build', () => {
  it('writes a manifest listing the scenarios and every artifact with size and hash', async () => {
    const out = join(scratch, 'first');
    const { manifest } = await build({ out });
    expect(manifest.scenarios).toEqual([
      'account-locked-or-expired',
      'broker-hostname',
      'credssp-oracle',
      'guest-firewall-blocks-rdp',
      'machinekeys-access',
      'max-connections-reached',
      'network-service-down',
      'nla-dc-unreachable',
      'rdp-cert-invalid',
      'rdp-disabled',
      'rdp-listener-disabled',
      'rdp-port-conflict',
      'rdp-port-firewall-mismatch',
      'rds-licensing-expired',
      'safe-mode-boot',
      'security-layer-mismatch',
      'termservice-not-running',
      'tls-disabled',
      'user-not-authorized',
    ]);
    const onDisk = snapshot(out);
    for (const entry of manifest.artifacts) {
      const bytes = onDisk.get(entry.path);
      expect(bytes, entry.path).toBeDefined();
      expect(entry.bytes).toBe(bytes!.length);
      expect(entry.sha256).toBe(
        execFileSync('sha256sum', [join(out, entry.path)], { encoding: 'utf8' }).split(' ')[0],
      );
    }
    expect([...onDisk.keys()].sort()).toEqual(
      [...manifest.artifacts.map((a) => a.path), 'manifest.json'].sort(),
    );
    expect(JSON.parse(onDisk.get('catalog/catalog.schema.json')!.toString()).$id).toBe(
      'urn:rdp-rescue:catalog:1',
    );
    const repairVm = manifest.artifacts.find((a) => a.kind === 'ps-repair-vm');
    expect(repairVm?.path).toBe('repair-vm/Invoke-RdpRescueOffline.ps1');
    expect(repairVm?.['invocations']).toMatchObject({
      diagnose: expect.stringContaining('az vm repair run '),
    });
  });

  it('is deterministic: two builds give the same bytes', async () => {
    const a = join(scratch, 'det-a');
    const b = join(scratch, 'det-b');
    await build({ out: a });
    await build({ out: b });
    expect(snapshot(b)).toEqual(snapshot(a));
  });

  it('leaves the previous output untouched when an emitter fails', async () => {
    const out = join(scratch, 'atomic');
    await build({ out });
    const before = snapshot(out);
    const failing: Emitter = {
      name: 'failing',
      emit: () => {
        throw new Error('emitter exploded');
      },
    };
    await expect(build({ out, emitters: [failing] })).rejects.toThrow('emitter exploded');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(scratch).filter((n) => n.includes('staging'))).toEqual([]);
  });

  it('leaves the previous output untouched when a later stage fails after writing', async () => {
    const out = join(scratch, 'atomic-late');
    await build({ out });
    const before = snapshot(out);
    await expect(
      build({
        out,
        afterWrite: async () => {
          throw new Error('signing failed');
        },
      }),
    ).rejects.toThrow('signing failed');
    expect(snapshot(out)).toEqual(before);
  });
});

describe('the rdp-rescue command line', () => {
  it('prints its version and help with exit code 0', () => {
    const version = cli('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    );
    const help = cli('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('build');
  });

  it('exits 2 on an unknown command or option', () => {
    expect(cli('frobnicate').status).toBe(2);
    expect(cli('build', '--no-such-option').status).toBe(2);
  });

  it('exits 2 naming scenario, file and field for a broken scenario file, and keeps the old output', () => {
    const out = join(scratch, 'cli-out');
    expect(cli('build', '--out', out).status).toBe(0);
    const before = snapshot(out);
    const catalog = brokenCatalog((t) => t.replace('eventIds: [36871]', 'eventIds: []'));
    const result = cli('build', '--out', out, '--catalog', catalog);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /scenarios\/tls-disabled\.ts: scenario 'tls-disabled': evidence\[0\]\.check\.eventIds: /,
    );
    expect(snapshot(out)).toEqual(before);
  });

  it('exits 2 for a scenario file that does not load at all', () => {
    const catalog = brokenCatalog(() => 'export default {{;', 'scenarios/rdp-cert-invalid.ts');
    const result = cli('build', '--out', join(scratch, 'never'), '--catalog', catalog);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('rdp-cert-invalid.ts');
    expect(existsSync(join(scratch, 'never'))).toBe(false);
  });
});

describe('the committed dist-ps', () => {
  it('is exactly what a fresh build produces', async () => {
    const out = join(scratch, 'fresh');
    await build({ out });
    const committed = snapshot(join(ROOT, 'dist-ps'));
    const fresh = snapshot(out);
    expect([...committed.keys()].sort(), 'run `npm run build` and commit dist-ps/').toEqual(
      [...fresh.keys()].sort(),
    );
    for (const [path, bytes] of fresh)
      expect(committed.get(path)?.equals(bytes), `dist-ps/${path} is stale`).toBe(true);
  });
});
