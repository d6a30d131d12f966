import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFINITION_KIND } from '../../src/model/define.ts';
import { DEFAULT_CATALOG_DIR } from '../../src/model/load.ts';

/** The built-in catalog is written with the same API a team uses (issue 16). */
describe('the built-in catalog', () => {
  for (const [folder, kind] of [
    ['scenarios', 'scenario'],
    ['fixes', 'fix'],
  ] as const)
    it(`defines every file in ${folder}/ with define${kind === 'fix' ? 'Fix' : 'Scenario'}`, async () => {
      const files = readdirSync(join(DEFAULT_CATALOG_DIR, folder)).filter((f) => f.endsWith('.ts'));
      expect(files.length).toBeGreaterThan(4);
      for (const file of files) {
        const mod = (await import(pathToFileURL(join(DEFAULT_CATALOG_DIR, folder, file)).href)) as {
          default: Record<symbol, unknown>;
        };
        expect(mod.default[DEFINITION_KIND], `${folder}/${file}`).toBe(kind);
      }
    });
});
