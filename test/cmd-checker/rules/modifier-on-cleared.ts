import type { Issue } from '../model.ts';
import { type Context, contextAt, walk } from '../syntax.ts';
import { PARSE_ANSWER, type Rule } from './rule.ts';

/** The read sits in the then-branch of `if defined <name>`: it only runs when name is set. */
function guarded(context: Context, name: string, definedTests: Map<object, string>): boolean {
  return context.branches.some(
    (b) => b.branch === 'then' && definedTests.get(b.node)?.toUpperCase() === name.toUpperCase(),
  );
}

export const modifierOnCleared: Rule = {
  id: 'modifier-on-cleared',
  summary:
    '%v:~n,m% or %v:a=b% in a command (not an if comparison, where the left-over text compares unequal as the empty value would) of a variable the script cleared (set v=) and may not have set again: when v is undefined, cmd keeps the modifier as text in the command (a batch file drops only "%v:", the prompt keeps all of it).',
  source: `${PARSE_ANSWER} (dbenham's percent phase: "if VAR is undefined then remove %VAR: and continue scan"; at the prompt an undefined variable stays as typed)`,
  check(unit) {
    const { visits, regions } = walk(unit.chain);
    const definedTests = new Map<object, string>();
    const conditions: [number, number][] = [];
    for (const { node } of visits) {
      if (node.kind !== 'if') continue;
      conditions.push([node.start, node.testEnd]);
      if (node.test === 'defined' && node.operand !== undefined)
        definedTests.set(node, node.operand);
    }
    const inCondition = (at: number) => conditions.some(([s, e]) => s <= at && at < e);
    const issues: Issue[] = [];
    for (const read of unit.reads) {
      if (read.modifier === undefined || !unit.maybeCleared.has(read.name.toUpperCase())) continue;
      if (inCondition(read.at) || guarded(contextAt(regions, read.at), read.name, definedTests))
        continue;
      const kept = unit.dialect === 'batch' ? read.modifier : `%${read.name}:${read.modifier}%`;
      issues.push({
        line: read.line,
        rule: 'modifier-on-cleared',
        message: `%${read.name}:${read.modifier}% may read an undefined ${read.name} (cleared earlier): cmd then leaves "${kept}" in the line - test \`if defined ${read.name}\` first`,
      });
    }
    return issues;
  },
};
