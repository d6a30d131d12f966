import type { Issue } from '../model.ts';
import { PARSE_ANSWER, type Rule } from './rule.ts';

export const parenInText: Rule = {
  id: 'paren-in-text',
  summary:
    'An unescaped ) in text inside a parenthesised block: it closes the block, and what follows is a syntax error or runs unconditionally.',
  source: `${PARSE_ANSWER} (phase 2: a ) closes the open block wherever it is not quoted or escaped); http://ss64.com/nt/syntax-brackets.html`,
  check(unit) {
    const issues: Issue[] = [];
    for (const { open, close } of unit.facts.textParens)
      issues.push({
        line: open.line,
        rule: 'paren-in-text',
        message:
          '"(" in text inside a parenthesised block: the ")" meant to match it closes the block' +
          (close.line === open.line ? '' : ` (line ${close.line})`) +
          ' - escape both as ^( ^) or quote the text',
      });
    for (const { close, text } of unit.facts.junkAfterBlock)
      issues.push({
        line: close.line,
        rule: 'paren-in-text',
        message: `")" closes the block here, so "${text.trim()}" after it is a syntax error ("... was unexpected at this time"): escape the ) as ^)`,
      });
    return issues;
  },
};
