import { describe, expect, it } from 'vitest';
import { loadCatalog, DEFAULT_CATALOG_DIR } from '../../src/model/load.ts';
import { runCommandReport } from '../../bench/costs.ts';
import { finalShapedCatalog } from '../../bench/final-catalog.ts';

/**
 * Issue 15: the Run Command text report stays under 1,500 bytes in the contract's worst case
 * (every scenario DETECTED, every check fired with a 14-character detail), measured as the
 * benchmark measures it, so a new scenario that breaks the budget fails here first.
 */
describe('the Run Command text report', () => {
  it('stays under 1,500 bytes when every scenario of the catalog is detected', async () => {
    const catalog = await loadCatalog(DEFAULT_CATALOG_DIR);
    const { worstCaseBytes, lines } = runCommandReport(catalog);
    expect(lines).toBe(catalog.scenarios.length + 2);
    expect(worstCaseBytes).toBeLessThan(1500);
  });

  it("stays under 1,500 bytes for a catalog shaped like issue 15's 19 scenarios", async () => {
    const catalog = finalShapedCatalog(await loadCatalog(DEFAULT_CATALOG_DIR));
    const { worstCaseBytes, fullFormBytes } = runCommandReport(catalog);
    // The full lines (Run Command's form before issue 15) would not fit.
    expect(fullFormBytes).toBeGreaterThan(1500);
    expect(worstCaseBytes).toBeLessThan(1500);
  });
});
