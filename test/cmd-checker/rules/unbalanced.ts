import type { Issue } from '../model.ts';
import { PARSE_ANSWER, type Rule } from './rule.ts';

export const unbalanced: Rule = {
  id: 'unbalanced',
  summary:
    'A quote left open that swallows operators to the end of the line, a block never closed, or a ) where a command should start.',
  source: `${PARSE_ANSWER} (phase 2: quote flag, parenthesis counter; at the prompt an open block asks More? and takes the next lines)`,
  check(unit) {
    const issues: Issue[] = [];
    for (const q of unit.facts.unclosedQuotes)
      issues.push({
        line: q.line,
        rule: 'unbalanced',
        message: `a quote opened here is never closed: "${q.swallowed}" up to the end of the line lose their meaning as operators`,
      });
    for (const open of unit.facts.unclosedBlocks)
      issues.push({
        line: open.line,
        rule: 'unbalanced',
        message:
          unit.dialect === 'paste'
            ? '"(" opens a block that is never closed: the console answers More? and takes the lines pasted after it into the block'
            : '"(" opens a block that is never closed before the end of the file',
      });
    for (const close of unit.facts.strayCloses)
      issues.push({
        line: close.line,
        rule: 'unbalanced',
        message:
          '")" where a command should start, with no block open: cmd ignores the rest of the line',
      });
    return issues;
  },
};
