import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CatalogError, validateCatalog, type Catalog, type CatalogPart } from './catalog.ts';

export const DEFAULT_CATALOG_DIR = fileURLToPath(new URL('./catalog/', import.meta.url));

const SOURCE_FILE = /\.(ts|js|mjs)$/;

/**
 * Loads a catalog directory: articles.ts, symptoms.ts, offline.ts, fixes/*.ts and
 * scenarios/*.ts, each with a default export. Files are reported relative to the cwd.
 */
export async function loadCatalog(dir: string = DEFAULT_CATALOG_DIR): Promise<Catalog> {
  const parts: CatalogPart[] = [];
  const display = (file: string) => relative(process.cwd(), file) || file;

  async function importDefault(file: string): Promise<unknown> {
    try {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      if (mod.default === undefined) throw new Error('has no default export');
      return mod.default;
    } catch (error) {
      throw new CatalogError([
        { file: display(file), subject: 'file', field: '', message: (error as Error).message },
      ]);
    }
  }

  for (const kind of ['articles', 'symptoms', 'offline'] as const) {
    const file = [`${kind}.ts`, `${kind}.js`].map((f) => join(dir, f)).find((f) => existsSync(f));
    if (!file)
      throw new CatalogError([
        {
          file: display(join(dir, `${kind}.ts`)),
          subject: kind,
          field: '',
          message: 'file is missing',
        },
      ]);
    parts.push({ kind, file: display(file), data: await importDefault(file) });
  }
  for (const [folder, kind] of [
    ['fixes', 'fix'],
    ['scenarios', 'scenario'],
  ] as const) {
    const folderPath = join(dir, folder);
    const names = existsSync(folderPath)
      ? (await readdir(folderPath)).filter((n) => SOURCE_FILE.test(n)).sort()
      : [];
    for (const name of names) {
      const file = join(folderPath, name);
      parts.push({ kind, file: display(file), data: await importDefault(file) });
    }
  }
  return validateCatalog(parts);
}
