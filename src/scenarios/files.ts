import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogError } from '../model/catalog.ts';
import { display } from '../model/load.ts';

export { API_MODULE, PACKAGE_NAME } from './package-resolution.ts';

const SCENARIO_FILE = /\.ts$/;

/** The .ts files named by --scenarios (files as given, folders searched recursively), sorted. */
export function scenarioFiles(paths: readonly string[]): string[] {
  const files = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SCENARIO_FILE.test(name) && !name.endsWith('.d.ts')) files.add(path);
    }
  };
  for (const given of paths) {
    const path = resolve(given);
    if (!existsSync(path))
      throw new CatalogError([
        { file: display(path), subject: '--scenarios', field: '', message: 'does not exist' },
      ]);
    if (statSync(path).isDirectory()) walk(path);
    else files.add(path);
  }
  return [...files].sort();
}
