import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, DEFAULT_CATALOG_DIR } from '../../src/model/load.ts';
import type { Catalog } from '../../src/model/index.ts';
import { cmdEmitter } from '../../src/emit/cmd/index.ts';
import type { Artifact } from '../../src/emit/artifact.ts';
import { upstreamIdentity } from '../../src/identity/identity.ts';

let catalog: Catalog;
let artifacts: Artifact[];

beforeAll(async () => {
  catalog = await loadCatalog(DEFAULT_CATALOG_DIR);
  artifacts = await cmdEmitter.emit({
    catalog,
    version: 'test',
    identity: upstreamIdentity('test'),
    earlier: [],
  });
});

const text = (a: Artifact) => a.content.toString('latin1');

describe('fixes that lower security warn in CMD too', () => {
  const weakening = () => catalog.fixes.filter((f) => f.scope === 'online' && f.weakensSecurity);
  const blocksOf = (fix: string) =>
    artifacts
      .filter((a) => a.kind === 'cmd-paste' && a.meta?.fix === fix)
      .sort((a, b) => Number(a.meta!.block) - Number(b.meta!.block));

  it('prints the warning once, before any change: in block 1 (which changes nothing) and at the top of the .cmd file', () => {
    expect(weakening().map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'disable-fips-algorithm-policy',
        'set-credssp-mitigated',
        'set-rdp-encryption-high',
        'disable-nla',
      ]),
    );
    for (const fix of weakening()) {
      const warning = `RDPRESCUE ${fix.id} warning: `;
      const blocks = blocksOf(fix.id).map(text);
      expect(blocks[0], fix.id).toContain(warning);
      expect(blocks[0], fix.id).toContain(`RDPRESCUE ${fix.id} to restore: `);
      // Block 1 writes nothing: no reg, netsh, md, icacls or file redirection.
      const lines = blocks[0]!.split('\r\n').filter((l) => !l.includes('echo RDPRESCUE'));
      expect(lines.join('\n'), fix.id).not.toMatch(/\breg |\bmd |icacls|netsh|powershell|>"/i);
      const all = blocks.join('');
      expect(all.split(fix.weakensSecurity!.warning['en-US'].slice(0, 40)).length - 1, fix.id).toBe(
        1,
      );
      expect(blocks.at(-1), fix.id).toContain(`RDPRESCUE ${fix.id} to restore: `);

      const batch = text(artifacts.find((a) => a.path === `cmd/${fix.id}.cmd`)!);
      const commands = batch.replace(/echo RDPRESCUE[^\r]*/g, (line) => ' '.repeat(line.length));
      const firstChange = commands.search(/powershell|\breg ad|\bmd /i);
      expect(batch.indexOf(warning), fix.id).toBeGreaterThan(-1);
      expect(batch.indexOf(warning), fix.id).toBeLessThan(firstChange);
      expect(batch.indexOf('/confirm'), fix.id).toBeLessThan(firstChange);
    }
  });

  it('prints no warning and asks no confirmation for a fix that does not lower security', () => {
    const batch = artifacts.find((a) => a.path === 'cmd/restore-rdp-connection-limit.cmd');
    expect(text(batch!)).not.toContain('warning:');
    expect(text(batch!)).not.toContain('/confirm');
    expect(text(blocksOf('restore-rdp-connection-limit')[0]!)).not.toContain('RR_CONFIRM');
  });
});
