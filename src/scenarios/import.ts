import { pathToFileURL } from 'node:url';
import { CatalogError } from '../model/catalog.ts';
import { display, unwrapDefault } from '../model/load.ts';
import { installPackageResolution } from './package-resolution.ts';

/** The default export of a team's TypeScript file. */
export async function importTeamFile(file: string): Promise<unknown> {
  installPackageResolution();
  try {
    const { tsImport } = await import('tsx/esm/api');
    const mod = (await tsImport(pathToFileURL(file).href, {
      parentURL: import.meta.url,
    })) as {
      default?: unknown;
    };
    const value = unwrapDefault(mod.default);
    if (value === undefined) throw new Error('has no default export');
    return value;
  } catch (error) {
    throw new CatalogError([
      { file: display(file), subject: 'file', field: '', message: (error as Error).message },
    ]);
  }
}
