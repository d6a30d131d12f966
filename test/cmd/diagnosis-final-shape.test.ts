import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/model/load.ts';
import type { Catalog } from '../../src/model/index.ts';
import { diagnosisScripts } from '../../src/emit/cmd/index.ts';
import { checkCount, finalShapedCatalog } from '../../bench/final-catalog.ts';
import { pastedChars } from '../../src/transfer/run-batch.ts';

/**
 * Issue 15's catalog before all of it lands: the real scenarios plus the issue ids not built
 * yet, with checks shaped like FIELD-NOTES section 10's (bench/final-catalog.ts). Its Serial
 * Console diagnosis is measured here. The built scenarios run in Wine's cmd in
 * diagnosis.test.ts; the stand-ins are sizes, not logic, so they do not run.
 */

/** Issue 15's limit: the whole catalog's diagnosis in at most 4 pastes. */
const PASTES = 4;

let real: Catalog;
let catalog: Catalog;
let scripts: { pastes: string[]; batch: string };

beforeAll(async () => {
  real = await loadCatalog();
  catalog = finalShapedCatalog(real);
  scripts = diagnosisScripts(catalog, 'test');
});

describe('the diagnosis of a catalog shaped like issue 15 (19 scenarios)', () => {
  it('has the shape the issue describes', () => {
    expect(catalog.scenarios).toHaveLength(19);
    expect(checkCount(catalog)).toBeGreaterThanOrEqual(60);
  });

  it(`fits ${PASTES} pastes of at most 2,048 characters, and so does the real catalog`, () => {
    expect(scripts.pastes.length).toBeLessThanOrEqual(PASTES);
    // All 14 issue ids are real now (the shaped catalog is the real one): it fits, if barely.
    expect(pastedChars(scripts.pastes)).toBeLessThanOrEqual(PASTES * 2048);
    for (const p of scripts.pastes) expect(p.length).toBeLessThanOrEqual(2048);
    expect(diagnosisScripts(real, 'test').pastes.length).toBeLessThanOrEqual(PASTES);
  });

  it('exports the user rights before it reads the file, and deletes the file after (both catalogs)', () => {
    for (const batch of [scripts.batch, diagnosisScripts(real, 'test').batch]) {
      // The batch file is in lower case where cmd ignores case (it travels in a cabinet).
      const at = (text: string) => batch.toLowerCase().indexOf(text.toLowerCase());
      const file = '"%TEMP%\\rdprescue_rights.inf"';
      expect(at('secedit /export')).toBeGreaterThan(0);
      expect(at(`('type ${file}`)).toBeGreaterThan(at('secedit /export'));
      expect(at(`del ${file}`)).toBeGreaterThan(at(`('type ${file}`));
    }
  });

  it('copies the holders of each user right once, however many checks read them', () => {
    for (const right of ['SeRemoteInteractiveLogonRight', 'SeDenyRemoteInteractiveLogonRight'])
      expect(
        scripts.batch.match(new RegExp(`if defined _\\w+_${right} set "`, 'gi')),
        right,
      ).toHaveLength(1);
  });
});
