import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadCatalog } from '../../src/model/load.ts';
import { writeSyntheticCatalog } from '../../bench/synthetic.ts';

const scratch = mkdtempSync(join(tmpdir(), 'rdprescue-synthetic-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('derives a valid catalog of any size from the real scenarios', async () => {
  const real = await loadCatalog();
  writeSyntheticCatalog(real, 12, scratch);
  const synthetic = await loadCatalog(scratch);
  expect(synthetic.scenarios).toHaveLength(12);
  expect(new Set(synthetic.scenarios.map((s) => s.id)).size).toBe(12);
  expect(synthetic.scenarios.map((s) => s.id)).toEqual(
    expect.arrayContaining(real.scenarios.map((s) => s.id)),
  );
});
