import { CULTURES, type Catalog, type Fix, type LocalizedText } from '../../model/index.ts';
import { AZURE_SIDE } from '../../model/azure-side.ts';
import type { Artifact } from '../artifact.ts';
import { pasteBlocks } from '../paste-blocks.ts';
import { CULTURE_NAMES, PAGE_LABELS } from './labels.ts';

/**
 * The page's data: the catalog's words in every culture, and the CMD emitter's paste blocks
 * exactly as generated (artifacts of kind 'cmd-paste', meta { role: 'diagnosis' } or
 * { fix }, meta.block, meta.of). The page's script only renders this.
 */
function fixData(fix: Fix, earlier: readonly Artifact[]) {
  const args = fix.parameters.map((p) => ` -${p.name} <${p.name}>`).join('');
  const blocks = pasteBlocks(earlier, { fix: fix.id });
  const variables = blocks[0]?.parameters ?? [];
  return {
    id: fix.id,
    title: fix.title,
    description: fix.description,
    command: fix.command ? `${fix.command}${args}` : undefined,
    optIn: fix.optIn,
    reboot: fix.effects.reboot,
    weakensSecurity: fix.weakensSecurity,
    blocks,
    setFirst: variables.map((v, i) => `set ${v}=<${fix.parameters[i]?.name ?? v}>`),
    confirmFirst: blocks[0]?.confirm,
  };
}

export function pageData(catalog: Catalog, version: string, earlier: readonly Artifact[]) {
  const fixById = new Map(catalog.fixes.map((f) => [f.id, f]));
  const runbooks = (file: string) =>
    Object.fromEntries(CULTURES.map((c) => [c, `docs/${c}/${file}`])) as LocalizedText;
  return {
    version,
    cultures: CULTURES.map((id) => ({ id, name: CULTURE_NAMES[id] })),
    labels: PAGE_LABELS,
    symptoms: catalog.symptoms,
    azureSide: AZURE_SIDE,
    diagnosis: pasteBlocks(earlier, { role: 'diagnosis' }),
    offline: { title: catalog.offline.title, runbook: runbooks('offline.md') },
    scenarios: catalog.scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      summary: s.summary,
      symptoms: s.symptoms,
      events: s.evidence.flatMap(({ check }) =>
        check.kind === 'event-query'
          ? check.eventIds.map((id) => ({ id, provider: check.provider, channel: check.channel }))
          : [],
      ),
      fixes: s.fixes.map((id) => fixData(fixById.get(id)!, earlier)),
      manualSteps: s.manualSteps.map((m) => m.text),
      runbook: runbooks(`${s.id}.md`),
    })),
  };
}

export type PageData = ReturnType<typeof pageData>;

/** JSON that is safe inside <script type="application/json"> (no "</script", no "<!--"). */
export function embeddedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
