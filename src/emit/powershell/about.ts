import type { Catalog, Culture } from '../../model/index.ts';
import { ABOUT } from './about-text.ts';
import { onlineFixes } from './catalog-data.ts';
import { wrap } from './wrap.ts';

/** Data for templates/powershell/about_RdpRescue.help.txt.ejs in one culture. */
export function aboutData(catalog: Catalog, culture: Culture, version: string) {
  const fixById = new Map(onlineFixes(catalog).map((f) => [f.id, f]));
  return {
    version,
    text: Object.fromEntries(
      Object.entries(ABOUT[culture]).map(([k, v]) => [k, wrap(v, 76).join('\n    ')]),
    ),
    scenarios: catalog.scenarios.map((s) => ({
      id: s.id,
      title: s.title[culture],
      summary: wrap(s.summary[culture], 80),
      fixes: s.fixes.map((id) => fixById.get(id)?.command ?? id),
      manualSteps: s.manualSteps.map((m) => wrap(m.text[culture], 72).join('\n          ')),
    })),
    fixes: onlineFixes(catalog).map((f) => ({
      command: f.command!,
      syntax: f.parameters.map((p) => ` -${p.name} <${p.type}>`).join(''),
      title: f.title[culture],
      optIn: f.optIn,
      warning: f.weakensSecurity?.warning[culture],
    })),
  };
}
