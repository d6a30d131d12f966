import { loadCatalog } from '../../src/model/load.ts';
import type { Catalog } from '../../src/model/index.ts';
import { powershellEmitter } from '../../src/emit/powershell/index.ts';
import type { Artifact } from '../../src/emit/artifact.ts';
import { upstreamIdentity } from '../../src/identity/identity.ts';

export const TEST_VERSION = '9.8.7';

export interface Emitted {
  catalog: Catalog;
  artifacts: Artifact[];
  /** Decoded text by artifact path (BOM removed, CRLF kept). */
  text(path: string): string;
  raw(path: string): Buffer;
}

let cached: Promise<Emitted> | undefined;

/** The PowerShell target's artifacts for the built-in catalog, emitted once per test file. */
export function emitted(): Promise<Emitted> {
  cached ??= (async () => {
    const catalog = await loadCatalog();
    const artifacts = await powershellEmitter.emit({
      catalog,
      version: TEST_VERSION,
      identity: upstreamIdentity(TEST_VERSION),
      earlier: [],
    });
    const raw = (path: string) => {
      const a = artifacts.find((x) => x.path === path);
      if (!a) throw new Error(`no artifact ${path}`);
      return Buffer.isBuffer(a.content) ? a.content : Buffer.from(a.content);
    };
    return {
      catalog,
      artifacts,
      raw,
      text: (p) =>
        raw(p)
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
    };
  })();
  return cached;
}

export const POWERSHELL_FILE = /\.(ps1|psm1|psd1)$/;
