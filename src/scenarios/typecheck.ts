import { Project, ts, type Diagnostic } from 'ts-morph';
import { display } from '../model/load.ts';
import { API_MODULE, PACKAGE_NAME } from './files.ts';

/** A TypeScript error in a team's file, as `path:line:col message`. */
export class TypeCheckError extends Error {
  constructor(readonly errors: string[]) {
    super(
      `scenario files do not type-check (${errors.length} error${errors.length === 1 ? '' : 's'}):\n` +
        errors.join('\n'),
    );
    this.name = 'TypeCheckError';
  }
}

/** Compiler options a team's files are checked with: strict, and 'rdp-rescue' is this package. */
export function authoringProject(): Project {
  return new Project({
    compilerOptions: {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      paths: { [PACKAGE_NAME]: [API_MODULE] },
    },
    skipAddingFilesFromTsConfig: true,
  });
}

/** Type-checks the files against the package's own types; throws TypeCheckError listing every error. */
export function typeCheck(files: readonly string[]): void {
  if (files.length === 0) return;
  const project = authoringProject();
  const sources = new Set(files.map((f) => project.addSourceFileAtPath(f)));
  const errors = project
    .getPreEmitDiagnostics()
    .filter((d) => d.getCategory() === ts.DiagnosticCategory.Error)
    .filter((d) => {
      const file = d.getSourceFile();
      return file === undefined || sources.has(file);
    })
    .map(formatDiagnostic);
  if (errors.length > 0) throw new TypeCheckError(errors);
}

function formatDiagnostic(d: Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n  ');
  const file = d.getSourceFile();
  const start = d.getStart();
  if (!file || start === undefined) return `rdp-rescue: ${message}`;
  const { line, column } = file.getLineAndColumnAtPos(start);
  return `${display(file.getFilePath())}:${line}:${column} ${message}`;
}
