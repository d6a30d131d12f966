import { readFileSync } from 'node:fs';
import { sha256 } from '../build/manifest.ts';
import {
  CatalogError,
  validateCatalog,
  type Catalog,
  type CatalogPart,
  type CatalogProblem,
} from '../model/catalog.ts';
import { definitionKind } from '../model/define.ts';
import { DEFAULT_CATALOG_DIR, display, loadCatalogParts } from '../model/load.ts';
import { fillCultures } from './cultures.ts';
import { scenarioFiles } from './files.ts';
import { importTeamFile } from './import.ts';
import { typeCheck } from './typecheck.ts';

export interface TeamFile {
  /** As shown in messages and the manifest (relative to the cwd when inside it). */
  path: string;
  sha256: string;
}

export interface TeamCatalog {
  catalog: Catalog;
  files: TeamFile[];
  /** Scenario and fix id -> the file that defines it (built-in and team). */
  origins: Map<string, string>;
}

export interface TeamOptions {
  catalogDir?: string;
  /** --scenarios: files or folders of a team's scenario and fix files. */
  scenarios: readonly string[];
  warn?: (message: string) => void;
}

type DefinitionPart = Extract<CatalogPart, { kind: 'scenario' | 'fix' }> & { replaces?: string };

function idOf(data: unknown): string | undefined {
  const id = (data as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The built-in catalog plus a team's files: type-checked with ts-morph, then loaded, given
 * en-US text for cultures they leave out, checked for id collisions, and validated by zod.
 */
export async function loadTeamCatalog(options: TeamOptions): Promise<TeamCatalog> {
  const warn = options.warn ?? ((m: string) => process.stderr.write(`${m}\n`));
  const files = scenarioFiles(options.scenarios);
  typeCheck(files);

  const builtIn = await loadCatalogParts(options.catalogDir ?? DEFAULT_CATALOG_DIR);
  const problems: CatalogProblem[] = [];
  const team: DefinitionPart[] = [];
  const replaced = new Set<string>();
  for (const path of files) {
    const file = display(path);
    const exported = await importTeamFile(path);
    const kind = definitionKind(exported);
    if (!kind) {
      problems.push({
        file,
        subject: 'file',
        field: '',
        message: 'the default export must be defineScenario({ ... }) or defineFix({ ... })',
      });
      continue;
    }
    const { replaces, ...definition } = exported as { replaces?: unknown };
    const { data, missing } = fillCultures(definition);
    for (const culture of missing) warn(`warning: ${file}: no ${culture} text; using en-US`);
    if (kind === 'scenario' && typeof replaces === 'string') {
      replaced.add(replaces);
      team.push({ kind, file, data, replaces });
    } else team.push({ kind, file, data });
  }
  problems.push(...collisions(builtIn, team, replaced));
  if (problems.length > 0) throw new CatalogError(problems);

  const kept = builtIn.filter((p) => !(p.kind === 'scenario' && replaced.has(idOf(p.data) ?? '')));
  const parts: CatalogPart[] = [
    ...kept,
    ...team.map(({ kind, file, data }) => ({ kind, file, data })),
  ];
  const origins = new Map<string, string>();
  for (const p of parts) {
    const id = (p.kind === 'scenario' || p.kind === 'fix') && idOf(p.data);
    if (id) origins.set(`${p.kind}:${id}`, p.file);
  }
  return {
    catalog: validateCatalog(parts),
    files: files.map((f) => ({ path: display(f), sha256: sha256(readFileSync(f)) })),
    origins,
  };
}

/** Team ids that clash with a built-in (not replaced) or with another team file. */
function collisions(
  builtIn: readonly CatalogPart[],
  team: readonly DefinitionPart[],
  replaced: ReadonlySet<string>,
): CatalogProblem[] {
  // A scenario may replace a built-in under its own id or a new one; only its own file may reuse the id.
  const problems: CatalogProblem[] = [];
  const builtInFile = new Map<string, string>();
  for (const p of builtIn) {
    const id = idOf(p.data);
    if ((p.kind === 'scenario' || p.kind === 'fix') && id)
      builtInFile.set(`${p.kind}:${id}`, p.file);
  }
  for (const id of replaced) {
    if (!builtInFile.has(`scenario:${id}`)) {
      const part = team.find((p) => p.replaces === id);
      problems.push({
        file: part?.file ?? '(team)',
        subject: 'scenario',
        field: 'replaces',
        message: `there is no built-in scenario '${id}' to replace`,
      });
    }
  }
  const teamFile = new Map<string, string>();
  for (const part of team) {
    const id = idOf(part.data);
    if (!id) continue; // zod reports the missing id with its field path
    const key = `${part.kind}:${id}`;
    const subject = `${part.kind} '${id}'`;
    const other = teamFile.get(key);
    if (other)
      problems.push({
        file: part.file,
        subject,
        field: 'id',
        message: `the same ${part.kind} id is defined in ${other}`,
      });
    teamFile.set(key, part.file);
    const builtInPath = builtInFile.get(key);
    if (builtInPath && part.replaces !== id)
      problems.push({
        file: part.file,
        subject,
        field: 'id',
        message:
          `collides with the built-in ${part.kind} in ${builtInPath}` +
          (part.kind === 'scenario' ? ` (add replaces: '${id}' to replace it)` : ''),
      });
  }
  return problems;
}
