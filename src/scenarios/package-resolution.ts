import Module, { register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The module a file gets for `import ... from 'rdp-rescue'`: always this package's own. */
export const API_MODULE = fileURLToPath(new URL('../api.ts', import.meta.url));
export const PACKAGE_NAME = 'rdp-rescue';

let resolutionInstalled = false;

/**
 * `import ... from 'rdp-rescue'` in a team's file resolves to this package's api.ts, wherever
 * the file lives (the type check uses the same mapping), so nothing needs installing next to
 * the files. tsx loads a .ts file outside an ESM package as CommonJS, so both loaders are taught.
 */
export function installPackageResolution(): void {
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
      // Through the next resolver (tsx's), so the .ts target is loaded as TypeScript.
      if (specifier === ${JSON.stringify(PACKAGE_NAME)}) return next(target, context);
      return next(specifier, context);
    }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
