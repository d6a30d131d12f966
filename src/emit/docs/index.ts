import { CULTURES, type Culture, type Scenario } from '../../model/index.ts';
import type { Artifact, Emitter } from '../artifact.ts';
import { renderTemplate } from '../render.ts';
import { eventsOf } from './evidence.ts';
import { azureSideView } from './azure-side.ts';
import { label, labelsOf, ROLE_LABEL } from './labels.ts';
import { code, prose } from './markdown.ts';
import { context, offlineView, scenarioView, type Ctx } from './views.ts';

/**
 * Operator runbooks in every culture: one per scenario, one for offline repair, and an index
 * by symptom and by event ID. Commands come from the model and from the artifacts of the
 * emitters that ran before (CMD paste blocks, the module's exports), never from this file.
 */
export const docsEmitter: Emitter = {
  name: 'docs',
  emit({ catalog, version, earlier, identity }) {
    return CULTURES.flatMap((culture) => {
      const ctx = context(catalog, culture, version, earlier, identity);
      return [
        ...catalog.scenarios.map((s) =>
          doc(culture, `${s.id}.md`, 'scenario.md.ejs', scenarioView(ctx, s), s.id),
        ),
        doc(culture, 'offline.md', 'offline.md.ejs', offlineView(ctx)),
        doc(culture, 'index.md', 'index.md.ejs', indexView(ctx)),
      ];
    });
  },
};

function doc(
  culture: Culture,
  file: string,
  template: string,
  view: object,
  scenario?: string,
): Artifact {
  const text = renderTemplate(`docs/${template}`, view as Record<string, unknown>);
  return {
    path: `docs/${culture}/${file}`,
    kind: 'docs',
    ...(scenario ? { scenario } : {}),
    content: text.replace(/\n{3,}/g, '\n\n'),
    meta: { culture },
  };
}

function link(scenario: Scenario, culture: Culture): string {
  return `[${prose(scenario.title[culture])}](${scenario.id}.md)`;
}

function indexView(ctx: Ctx) {
  const { catalog, culture: c } = ctx;
  const events = catalog.scenarios
    .flatMap((s) => eventsOf(s.evidence).map((e) => ({ ...e, scenario: s })))
    .sort((a, b) => a.id - b.id || a.scenario.id.localeCompare(b.scenario.id));
  return {
    L: labelsOf(c),
    languages: CULTURES.filter((x) => x !== c).map((x) => `[${x}](../${x}/index.md)`),
    symptoms: catalog.symptoms.map((symptom) => ({
      text: prose(symptom.text[c]),
      runbooks: catalog.scenarios
        .filter((s) => s.symptoms.includes(symptom.id))
        .map((s) => link(s, c)),
    })),
    events: events.map((e) => ({
      id: e.id,
      provider: code(e.provider),
      channel: code(e.channel),
      runbook: link(e.scenario, c),
      role: label(ROLE_LABEL[e.role], c),
    })),
    runbooks: catalog.scenarios.map((s) => ({ link: link(s, c), summary: prose(s.summary[c]) })),
    offline: {
      link: `[${prose(catalog.offline.title[c])}](offline.md)`,
      summary: prose(catalog.offline.summary[c]),
    },
    azureSide: azureSideView(c),
    generated: label('generated', c, { version: ctx.version }),
  };
}
