import type { Issue } from '../model.ts';
import { walk } from '../syntax.ts';
import { PARSE_ANSWER, type Rule } from './rule.ts';

export const ambiguousElse: Rule = {
  id: 'ambiguous-else',
  summary:
    '`if A if B (x) else y`: Windows binds the else to the inner if (Wine to the outer), so the tests cannot tell which was meant; write `if A (if B (x) else y)`.',
  source: `Microsoft, \`if /?\` (else belongs to the if whose parenthesised command it follows); ${PARSE_ANSWER}; FIELD-NOTES section 9`,
  check(unit) {
    const issues: Issue[] = [];
    for (const { node } of walk(unit.chain).visits) {
      if (node.kind !== 'if' || node.thenIsBlock) continue;
      const inner = node.then.items[0]?.node;
      if (inner?.kind === 'if' && inner.else)
        issues.push({
          line: inner.elseLine ?? inner.line,
          rule: 'ambiguous-else',
          message:
            'else after nested ifs binds to the inner if on Windows (to the outer one in Wine): parenthesise the inner if, `if A (if B (x) else y)`',
        });
    }
    return issues;
  },
};
