import type { Issue } from '../model.ts';
import { PARSE_ANSWER, type Rule } from './rule.ts';

export const delayedBang: Rule = {
  id: 'delayed-bang',
  summary:
    'With delayed expansion on, a ! that is not part of !name!: cmd removes it (and the text up to the next !).',
  source: `Microsoft, \`setlocal /?\` and \`cmd /?\` (/V:ON: "!var!" expands at execution); ${PARSE_ANSWER} (phase 5)`,
  check(unit) {
    if (!unit.delayedExpansion) return [];
    const issues: Issue[] = [];
    const chars = unit.chars;
    for (let k = 0; k < chars.length; k++) {
      if (chars[k]!.c !== '!' || chars[k]!.opaque) continue;
      let end = k + 1;
      while (end < chars.length && chars[end]!.c !== '!' && !/\s/.test(chars[end]!.c)) end++;
      if (end < chars.length && end > k + 1 && chars[end]!.c === '!') {
        k = end;
        continue;
      }
      issues.push({
        line: chars[k]!.line,
        rule: 'delayed-bang',
        message:
          'a "!" in text while delayed expansion is on: cmd removes it - avoid ! or turn delayed expansion off',
      });
    }
    return issues;
  },
};
