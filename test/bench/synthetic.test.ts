import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadCatalog } from '../../src/model/load.ts';
import { writeSyntheticCatalog } from '../../bench/synthetic.ts';
import { diagnosisScripts } from '../../src/emit/cmd/index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'rdprescue-synthetic-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('derives a valid catalog of any size from the real scenarios', async () => {
  const real = await loadCatalog();
  const size = real.scenarios.length + 7;
  writeSyntheticCatalog(real, size, scratch);
  const synthetic = await loadCatalog(scratch);
  expect(synthetic.scenarios).toHaveLength(size);
  expect(new Set(synthetic.scenarios.map((s) => s.id)).size).toBe(size);
  expect(synthetic.scenarios.map((s) => s.id)).toEqual(
    expect.arrayContaining(real.scenarios.map((s) => s.id)),
  );
});

it('refuses a size that would leave out a real scenario, whose checks the fixes verify', async () => {
  const real = await loadCatalog();
  expect(() => writeSyntheticCatalog(real, real.scenarios.length - 1, scratch)).toThrow(
    /holds every real scenario/,
  );
});

it('prints the CMD diagnosis of a 100-scenario catalog (its verdict count once outgrew a paste block)', async () => {
  const real = await loadCatalog();
  const dir = join(scratch, 'hundred');
  writeSyntheticCatalog(real, 100, dir);
  const { batch, pastes } = diagnosisScripts(await loadCatalog(dir), 'test');
  expect(batch).toMatch(/RDPRESCUE verdict %[^%]+% detected/i);
  expect(pastes.length).toBeGreaterThan(0);
}, 120_000);
