import { beforeAll, expect, it } from 'vitest';
import { loadCatalog } from '../../src/model/load.ts';
import { docsEmitter } from '../../src/emit/docs/index.ts';
import { upstreamIdentity } from '../../src/identity/identity.ts';
import type { Artifact } from '../../src/emit/artifact.ts';
import type { Catalog } from '../../src/model/index.ts';

/**
 * A large catalog's diagnosis takes many pastes: each runbook names them in one line, so the
 * runbooks do not grow with the square of the catalog (scenarios x blocks).
 */

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

function diagnosisBlocks(of: number): Artifact[] {
  return Array.from({ length: of }, (_, i) => {
    const content = `@echo off\r\nrem block ${i + 1}\r\n`;
    return {
      path: `serial-console/diagnose-${i + 1}-of-${of}.txt`,
      kind: 'cmd-paste',
      content,
      meta: { role: 'diagnosis', block: i + 1, of, chars: content.length },
    };
  });
}

async function runbook(blocks: number): Promise<string> {
  const docs = await docsEmitter.emit({
    catalog,
    version: '9.9.9',
    identity: upstreamIdentity('9.9.9'),
    earlier: diagnosisBlocks(blocks),
  });
  return String(docs.find((d) => d.path === 'docs/en-US/tls-disabled.md')!.content);
}

it('shows a diagnosis of up to three pastes in full', async () => {
  const text = await runbook(3);
  expect(text).toContain('Block 3 of 3');
  expect(text).toContain('rem block 3');
});

it('names a longer diagnosis by its first and last file in one line, whatever its length', async () => {
  const short = await runbook(4);
  const long = await runbook(400);
  expect(long).toMatch(
    /Blocks 1 to 400, pasted in order \([\d,]+ characters in all\): `serial-console\/diagnose-1-of-400\.txt` to `serial-console\/diagnose-400-of-400\.txt`/,
  );
  expect(long).not.toContain('Block 2 of 400');
  expect(long.length - short.length).toBeLessThan(100);
});
