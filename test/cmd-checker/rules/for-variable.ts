import type { Issue } from '../model.ts';
import { PARSE_ANSWER, type Rule } from './rule.ts';

export const forVariable: Rule = {
  id: 'for-variable',
  summary: 'A for-variable written for the other dialect: %%a at the prompt, %a in a batch file.',
  source: `Microsoft, \`for /?\` ("use %%variable instead of %variable" in a batch program); ${PARSE_ANSWER}`,
  check(unit) {
    const issues: Issue[] = [];
    for (const d of unit.forDeclarations) {
      const want = unit.dialect === 'batch' ? '%%' : '%';
      if (d.percents !== want)
        issues.push({
          line: d.line,
          rule: 'for-variable',
          message:
            unit.dialect === 'batch'
              ? `for-variable %${d.letter} in a batch file: write %%${d.letter} (one % starts a variable reference and the line breaks)`
              : `for-variable %%${d.letter} in a paste block: write %${d.letter} ("%%${d.letter} was unexpected at this time")`,
        });
    }
    return issues;
  },
};
