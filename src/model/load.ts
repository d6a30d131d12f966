import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installPackageResolution } from '../scenarios/package-resolution.ts';
import { CatalogError, validateCatalog, type Catalog, type CatalogPart } from './catalog.ts';

export const DEFAULT_CATALOG_DIR = fileURLToPath(new URL('./catalog/', import.meta.url));

const SOURCE_FILE = /\.(ts|js|mjs)$/;

/**
 * Loads a catalog directory: articles.ts, symptoms.ts, offline.ts, fixes/*.ts and
 * scenarios/*.ts, each with a default export. Files are reported relative to the cwd.
 */
export async function loadCatalog(dir: string = DEFAULT_CATALOG_DIR): Promise<Catalog> {
  return validateCatalog(await loadCatalogParts(dir));
}

/** The catalog folder's files with their default exports, not yet validated. */
export async function loadCatalogParts(dir: string = DEFAULT_CATALOG_DIR): Promise<CatalogPart[]> {
  const parts: CatalogPart[] = [];
  const builtIn = dir === DEFAULT_CATALOG_DIR;

  async function importDefault(file: string): Promise<unknown> {
    // Catalog files import their API from 'rdp-rescue', as a team's files do: a copy of the
    // catalog folder anywhere on disk must find this package's api.ts too.
    installPackageResolution();
    try {
      // A user's catalog folder may sit outside any "type": "module" package: load it as ESM
      // TypeScript explicitly rather than by the folder's package settings.
      const mod = (
        builtIn || !file.endsWith('.ts')
          ? await import(pathToFileURL(file).href)
          : await (await import('tsx/esm/api')).tsImport(pathToFileURL(file).href, import.meta.url)
      ) as { default?: unknown };
      // tsImport of a file outside an ESM package wraps the namespace once more.
      const value = unwrapDefault(mod.default);
      if (value === undefined) throw new Error('has no default export');
      return value;
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
  return parts;
}

/** A file as shown in messages: relative to the cwd when inside it. */
export function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

export function unwrapDefault(value: unknown): unknown {
  let current = value;
  while (
    current !== null &&
    typeof current === 'object' &&
    'default' in current &&
    Object.keys(current).every((k) => k === 'default' || k === '__esModule')
  ) {
    current = (current as { default: unknown }).default;
  }
  return current;
}
