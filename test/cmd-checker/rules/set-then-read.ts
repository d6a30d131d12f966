import { assignments } from '../assignments.ts';
import { type Issue } from '../model.ts';
import { commandName, type Context, contextAt, exclusive, type Simple, walk } from '../syntax.ts';
import type { Unit } from '../unit.ts';
import type { Rule } from './rule.ts';

interface Writer {
  node: Simple;
  context: Context;
  /** Does this command set the variable named? */
  sets(name: string): boolean;
  label: string;
}

/** Commands that change what a dynamic variable expands to. */
const DYNAMIC: Record<string, (name: string) => boolean> = {
  ERRORLEVEL: (command) => command !== 'rem' && command !== 'echo',
  CD: (command) => ['cd', 'chdir', 'pushd', 'popd'].includes(command),
};

export const setThenRead: Rule = {
  id: 'set-then-read',
  summary:
    'A %v% read in the same unit after a command that sets v: cmd expanded it when the unit was read, before the set ran.',
  source:
    'Microsoft, `set /?` (delayed expansion: "the current expansion ... happens when a line of text is read, not when it is executed"); https://devblogs.microsoft.com/oldnewthing/20060823-00/?p=29993',
  check(unit) {
    const { visits, regions } = walk(unit.chain);
    const writers: Writer[] = [];
    for (const { node, context } of visits) {
      if (node.kind !== 'simple') continue;
      for (const a of assignments(node))
        writers.push({ node, context, sets: (n) => a.pattern.test(n), label: `set ${a.name}` });
      const command = commandName(node);
      for (const [variable, changes] of Object.entries(DYNAMIC))
        if (changes(command))
          writers.push({
            node,
            context,
            sets: (n) => n.toUpperCase() === variable,
            label: command,
          });
    }
    const issues: Issue[] = [];
    for (const read of unit.reads) {
      const context = contextAt(regions, read.at);
      // Before the writer in the text, or anywhere in a loop body the writer repeats in.
      const writer = writers.find(
        (w) =>
          w.sets(read.name) &&
          !exclusive(w.context, context) &&
          (w.node.end <= read.at || w.context.loops.some((l) => context.loops.includes(l))),
      );
      if (!writer) continue;
      const where = writer.node.line === read.line ? 'line' : 'block';
      issues.push({
        line: read.line,
        rule: 'set-then-read',
        message:
          `%${read.name}% is expanded when cmd reads this ${where}, before \`${writer.label}\` ` +
          `(line ${writer.node.line}) runs: it reads the value from before; read it on a later line` +
          (unit.dialect === 'batch' ? ', outside the block' : ''),
      });
    }
    return issues;
  },
};
