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
  it('prints the warning and how to restore in the .cmd file and the last Serial Console block', () => {
    const weakening = catalog.fixes.filter((f) => f.scope === 'online' && f.weakensSecurity);
    expect(weakening.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'disable-fips-algorithm-policy',
        'set-credssp-mitigated',
        'set-rdp-encryption-high',
      ]),
    );
    for (const fix of weakening) {
      const blocks = artifacts.filter((a) => a.kind === 'cmd-paste' && a.meta?.fix === fix.id);
      const batch = artifacts.find((a) => a.path === `cmd/${fix.id}.cmd`);
      for (const artifact of [batch!, blocks[blocks.length - 1]!]) {
        expect(text(artifact), artifact.path).toContain(`RDPRESCUE ${fix.id} warning: `);
        expect(text(artifact), artifact.path).toContain(`RDPRESCUE ${fix.id} to restore: `);
      }
    }
  });

  it('prints no warning for a fix that does not lower security', () => {
    const batch = artifacts.find((a) => a.path === 'cmd/restore-rdp-connection-limit.cmd');
    expect(text(batch!)).not.toContain('warning:');
  });
});
