import type { Catalog } from '../model/catalog.ts';

export interface ScenarioListing {
  id: string;
  /** The file that defines it: a built-in catalog file or a team's file. */
  file: string;
  eventIds: number[];
  checks: { id: string; kind: string; role: string }[];
  fixes: string[];
}

export function listScenarios(
  catalog: Catalog,
  origins: ReadonlyMap<string, string>,
): ScenarioListing[] {
  return catalog.scenarios.map((s) => ({
    id: s.id,
    file: origins.get(`scenario:${s.id}`) ?? '',
    eventIds: [
      ...new Set(
        s.evidence.flatMap((e) => (e.check.kind === 'event-query' ? e.check.eventIds : [])),
      ),
    ],
    checks: s.evidence.map((e) => ({ id: e.check.id, kind: e.check.kind, role: e.role })),
    fixes: s.fixes,
  }));
}

export function renderListing(rows: readonly ScenarioListing[]): string {
  return rows
    .map(
      (r) =>
        `${r.id}  (${r.file})\n` +
        `  events: ${r.eventIds.join(', ') || '-'}\n` +
        `  checks: ${r.checks.map((c) => `${c.id} [${c.kind}, ${c.role}]`).join(', ')}\n` +
        `  fixes:  ${r.fixes.join(', ') || '- (manual steps only)'}\n`,
    )
    .join('');
}
