import type { Issue } from '../model.ts';
import { commandName, type Link, type Node, walk } from '../syntax.ts';
import type { Rule } from './rule.ts';

/** Commands that set ERRORLEVEL to 0 on success in a .cmd file (and leave it in a .bat). */
const RESETS = new Set(['set', 'path', 'prompt', 'assoc', 'append', 'dpath']);

const resets = (link: Link | undefined): boolean =>
  link !== undefined && link.node.kind === 'simple' && RESETS.has(commandName(link.node));

const testsErrorlevel = (node: Node): boolean => node.kind === 'if' && node.test === 'errorlevel';

export const errorlevelAfterSet: Rule = {
  id: 'errorlevel-after-set',
  summary:
    'A .cmd file testing `if errorlevel` right after set/path/prompt/assoc: in a .cmd those reset ERRORLEVEL to 0, so the test sees the set, not the command before it.',
  source:
    'Mark Zbikowski (Microsoft): "With extensions enabled, PATH/APPEND/PROMPT/SET/ASSOC in .CMD files will set ERRORLEVEL regardless of error. .BAT sets ERRORLEVEL only on errors."',
  check(unit, previous) {
    if (unit.dialect !== 'batch') return [];
    const issues: Issue[] = [];
    for (const { node, chain, index } of walk(unit.chain).visits) {
      if (!testsErrorlevel(node)) continue;
      const link = chain.items[index]!;
      const before =
        index > 0
          ? chain.items[index - 1]
          : chain === unit.chain
            ? previous?.chain.items.at(-1)
            : undefined;
      if ((link.op === 'start' || link.op === '&' || link.op === 'newline') && resets(before))
        issues.push({
          line: node.line,
          rule: 'errorlevel-after-set',
          message:
            'if errorlevel right after a set (or path/prompt/assoc): in a .cmd file that command reset ERRORLEVEL to 0, so this tests the set - test before it',
        });
    }
    return issues;
  },
};
