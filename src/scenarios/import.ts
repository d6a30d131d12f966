import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { CatalogError } from '../model/catalog.ts';
import { display, unwrapDefault } from '../model/load.ts';
import { API_MODULE, PACKAGE_NAME } from './files.ts';

let resolutionInstalled = false;

/**
 * `import ... from 'rdp-rescue'` in a team's file resolves to this package's api.ts, wherever
 * the file lives (the type check uses the same mapping), so nothing needs installing next to
 * the files. tsx loads a .ts file outside an ESM package as CommonJS, so both loaders are taught.
 */
function installPackageResolution(): void {
  if (resolutionInstalled) return;
  resolutionInstalled = true;
  const loader = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
  };
  const resolveFilename = loader._resolveFilename;
  loader._resolveFilename = (request, ...rest) =>
    request === PACKAGE_NAME ? API_MODULE : resolveFilename(request, ...rest);
  const hook = `
    const target = ${JSON.stringify(pathToFileURL(API_MODULE).href)};
    export async function resolve(specifier, context, next) {
      if (specifier === ${JSON.stringify(PACKAGE_NAME)}) return { url: target, shortCircuit: true };
      return next(specifier, context);
    }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

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
