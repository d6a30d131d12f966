import type { Issue } from '../model.ts';
import { PARSE_ANSWER, type Rule } from './rule.ts';

export const lonePercent: Rule = {
  id: 'lone-percent',
  summary:
    'Batch: a % that is neither %% nor part of %name% / %1: cmd removes it (and the text up to the next %).',
  source: `${PARSE_ANSWER} (phase 1, batch: an undefined or impossible %...% expands to nothing); Microsoft, \`for /?\``,
  check(unit) {
    if (unit.dialect !== 'batch') return [];
    const broken = new Set(
      unit.forDeclarations.filter((d) => d.percents === '%').map((d) => d.line),
    );
    return unit.lonePercents
      .filter((p) => !broken.has(p.line))
      .map((p): Issue => ({
        line: p.line,
        rule: 'lone-percent',
        message: `"${p.text}" in a batch file: cmd removes it; write %% for a percent sign`,
      }));
  },
};
