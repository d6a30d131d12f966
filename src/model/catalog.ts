import { z } from 'zod';
import { Fix } from './fix.ts';
import { Article, OfflineMode, Scenario, Symptom } from './scenario.ts';
import type { Check } from './checks.ts';

/** One catalog source file's default export, before validation. */
export type CatalogPart =
  | { kind: 'articles'; file: string; data: unknown }
  | { kind: 'symptoms'; file: string; data: unknown }
  | { kind: 'fix'; file: string; data: unknown }
  | { kind: 'scenario'; file: string; data: unknown }
  | { kind: 'offline'; file: string; data: unknown };

export interface Catalog {
  articles: Article[];
  symptoms: Symptom[];
  fixes: Fix[];
  scenarios: Scenario[];
  offline: OfflineMode;
}

export interface CatalogProblem {
  file: string;
  /** e.g. "scenario 'tls-disabled'" */
  subject: string;
  /** Field path inside the file's export, e.g. "evidence[0].check.eventIds". */
  field: string;
  message: string;
}

const MAX_SHOWN = 40;

export class CatalogError extends Error {
  constructor(readonly problems: CatalogProblem[]) {
    super(
      `invalid catalog (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.slice(0, MAX_SHOWN).map(formatProblem).join('\n') +
        (problems.length > MAX_SHOWN ? `\n  ... and ${problems.length - MAX_SHOWN} more` : ''),
    );
    this.name = 'CatalogError';
  }
}

export function formatProblem(p: CatalogProblem): string {
  return `  ${p.file}: ${p.subject}: ${p.field || '(root)'}: ${p.message}`;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
}

function subjectOf(part: CatalogPart): string {
  const id =
    typeof part.data === 'object' && part.data !== null && 'id' in part.data
      ? String((part.data as { id: unknown }).id)
      : undefined;
  return id ? `${part.kind} '${id}'` : part.kind;
}

function parsePart<T>(schema: z.ZodType<T>, part: CatalogPart, problems: CatalogProblem[]) {
  const result = schema.safeParse(part.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({
      file: part.file,
      subject: subjectOf(part),
      field: fieldPath(issue.path),
      message: issue.message,
    });
  }
  return undefined;
}

/** Validates every part, then the references between them. Throws CatalogError. */
export function validateCatalog(parts: CatalogPart[]): Catalog {
  const problems: CatalogProblem[] = [];
  const articles: Article[] = [];
  const symptoms: Symptom[] = [];
  const fixes: { fix: Fix; file: string }[] = [];
  const scenarios: { scenario: Scenario; file: string }[] = [];
  let offline: { mode: OfflineMode; file: string } | undefined;

  for (const part of parts) {
    switch (part.kind) {
      case 'articles':
        articles.push(...(parsePart(z.array(Article), part, problems) ?? []));
        break;
      case 'symptoms':
        symptoms.push(...(parsePart(z.array(Symptom), part, problems) ?? []));
        break;
      case 'fix': {
        const fix = parsePart(Fix, part, problems);
        if (fix) fixes.push({ fix, file: part.file });
        break;
      }
      case 'scenario': {
        const scenario = parsePart(Scenario, part, problems);
        if (scenario) scenarios.push({ scenario, file: part.file });
        break;
      }
      case 'offline': {
        const mode = parsePart(OfflineMode, part, problems);
        if (mode) offline = { mode, file: part.file };
        break;
      }
    }
  }
  if (problems.length === 0) checkReferences(symptoms, fixes, scenarios, offline, problems);
  if (problems.length > 0 || !offline) {
    if (!offline && problems.length === 0)
      problems.push({
        file: '(catalog)',
        subject: 'offline',
        field: '',
        message: 'offline.ts is missing',
      });
    throw new CatalogError(problems);
  }
  return {
    articles,
    symptoms,
    fixes: fixes.map((f) => f.fix),
    scenarios: scenarios.map((s) => s.scenario),
    offline: offline.mode,
  };
}

function duplicates(ids: string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return dup;
}

function checkReferences(
  symptoms: Symptom[],
  fixes: { fix: Fix; file: string }[],
  scenarios: { scenario: Scenario; file: string }[],
  offline: { mode: OfflineMode; file: string } | undefined,
  problems: CatalogProblem[],
): void {
  const symptomIds = new Set(symptoms.map((s) => s.id));
  const fixById = new Map(fixes.map((f) => [f.fix.id, f.fix]));
  const dupScenarios = duplicates(scenarios.map((s) => s.scenario.id));
  const dupFixes = duplicates(fixes.map((f) => f.fix.id));
  const dupCommands = duplicates(fixes.flatMap((f) => (f.fix.command ? [f.fix.command] : [])));
  const allChecks: { check: Check; file: string; subject: string; field: string }[] = [];

  for (const { fix, file } of fixes) {
    const subject = `fix '${fix.id}'`;
    if (dupFixes.has(fix.id))
      problems.push({ file, subject, field: 'id', message: `duplicate fix id '${fix.id}'` });
    if (fix.command && dupCommands.has(fix.command))
      problems.push({
        file,
        subject,
        field: 'command',
        message: `command '${fix.command}' is used by another fix`,
      });
    const declared = new Set(fix.parameters.map((p) => p.name));
    fix.operations.forEach((op, i) => {
      for (const [key, value] of Object.entries(op)) {
        if (typeof value === 'object' && value !== null && 'param' in value) {
          const name = (value as { param: string }).param;
          if (!declared.has(name))
            problems.push({
              file,
              subject,
              field: `operations[${i}].${key}`,
              message: `parameter '${name}' is not declared in parameters`,
            });
        }
      }
    });
  }

  for (const { scenario, file } of scenarios) {
    const subject = `scenario '${scenario.id}'`;
    if (dupScenarios.has(scenario.id))
      problems.push({
        file,
        subject,
        field: 'id',
        message: `duplicate scenario id '${scenario.id}'`,
      });
    scenario.symptoms.forEach((id, i) => {
      if (!symptomIds.has(id))
        problems.push({
          file,
          subject,
          field: `symptoms[${i}]`,
          message: `unknown symptom '${id}'`,
        });
    });
    scenario.fixes.forEach((id, i) => {
      const fix = fixById.get(id);
      if (!fix)
        problems.push({ file, subject, field: `fixes[${i}]`, message: `unknown fix '${id}'` });
      else if (fix.scope !== 'online')
        problems.push({
          file,
          subject,
          field: `fixes[${i}]`,
          message: `fix '${id}' is an offline fix; scenarios take online fixes`,
        });
    });
    scenario.evidence.forEach((e, i) =>
      allChecks.push({ check: e.check, file, subject, field: `evidence[${i}].check.id` }),
    );
  }

  const checkIds = new Set<string>();
  for (const c of allChecks) {
    if (checkIds.has(c.check.id))
      problems.push({
        file: c.file,
        subject: c.subject,
        field: c.field,
        message: `duplicate check id '${c.check.id}'`,
      });
    checkIds.add(c.check.id);
  }
  const checkKinds = new Map(allChecks.map((c) => [c.check.id, c.check.kind]));
  for (const { fix, file } of fixes) {
    fix.verify.checks.forEach((id, i) => {
      if (!checkIds.has(id))
        problems.push({
          file,
          subject: `fix '${fix.id}'`,
          field: `verify.checks[${i}]`,
          message: `unknown check '${id}'`,
        });
    });
    fix.neededWhenEvents.forEach((id, i) => {
      const kind = checkKinds.get(id);
      if (kind !== 'event-query')
        problems.push({
          file,
          subject: `fix '${fix.id}'`,
          field: `neededWhenEvents[${i}]`,
          message: kind
            ? `check '${id}' is a ${kind} check, not an event check`
            : `unknown check '${id}'`,
        });
    });
  }
  if (offline) {
    offline.mode.repairs.forEach((id, i) => {
      const fix = fixById.get(id);
      if (!fix)
        problems.push({
          file: offline.file,
          subject: 'offline',
          field: `repairs[${i}]`,
          message: `unknown fix '${id}'`,
        });
      else if (fix.scope !== 'offline')
        problems.push({
          file: offline.file,
          subject: 'offline',
          field: `repairs[${i}]`,
          message: `fix '${id}' is not an offline fix`,
        });
    });
  }
}

/** Every check of the catalog with the scenario it belongs to. */
export function checksOf(catalog: Catalog): { scenario: Scenario; check: Check }[] {
  return catalog.scenarios.flatMap((scenario) =>
    scenario.evidence.map((e) => ({ scenario, check: e.check })),
  );
}

export function fixById(catalog: Catalog, id: string): Fix {
  const fix = catalog.fixes.find((f) => f.id === id);
  if (!fix) throw new Error(`no fix '${id}' in the catalog`);
  return fix;
}
