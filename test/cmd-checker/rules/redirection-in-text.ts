import { isCommandName } from '../commands.ts';
import { type Issue, textOf } from '../model.ts';
import { commandName, walk } from '../syntax.ts';
import { PARSE_ANSWER, type Rule } from './rule.ts';

/** `<port>`: a bare word (no extension, no path) between < and > is a placeholder, not a file. */
const PLACEHOLDER = /^[A-Za-z][A-Za-z0-9_-]*$/;

export const redirectionInText: Rule = {
  id: 'redirection-in-text',
  summary:
    'A < > >& <& | or & that text meant literally: a redirection with no file or a non-numeric handle, a <word> placeholder, an operator inside for (...), or echo text cut off by & or | before a word that is no command.',
  source: `${PARSE_ANSWER} (phase 2 special characters; phase 5.5 redirection: >& needs a handle 0-9); Microsoft, "Using command redirection operators"`,
  check(unit) {
    const issues: Issue[] = [];
    const add = (line: number, message: string) =>
      issues.push({ line, rule: 'redirection-in-text', message });
    for (const r of unit.facts.redirections) {
      const op = (r.handle ?? '') + r.op;
      if (r.duplicate === '')
        add(
          r.line,
          `"${op}&${r.notHandle ?? ''}": ${op}& must be followed by a handle number (0-9); cmd fails the line - escape the characters (^< ^> ^&) if they are text`,
        );
      else if (r.duplicate === undefined && r.target === '')
        add(
          r.line,
          `"${op}" redirects to nothing: a syntax error - escape it as ^${r.op[0]} if it is text`,
        );
      else if (r.op === '<' && r.targetThenRedirection && PLACEHOLDER.test(r.target))
        add(
          r.line,
          `"<${r.target}>" is an input redirection from a file named ${r.target}, not text: escape as ^<${r.target}^>`,
        );
    }
    for (const ch of unit.facts.forSetOperators)
      add(
        ch.line,
        `"${ch.c}" inside for (...) is cmd's operator, not part of the command for /f runs: escape it as ^${ch.c}`,
      );
    for (const { node, chain, index } of walk(unit.chain).visits) {
      const next = chain.items[index + 1];
      if (node.kind !== 'simple' || commandName(node) !== 'echo' || !next) continue;
      if (next.op === 'newline' || next.node.kind !== 'simple') continue;
      if (isCommandName(next.node.name)) continue;
      const words = textOf(next.node.args).trim().split(/\s+/).slice(0, 3).join(' ');
      const started = `${next.node.name} ${words}`.trim();
      const escaped = next.op.replace(/./g, '^$&');
      add(
        node.line,
        `"${next.op}" in echo text starts a command "${started}": escape it as ${escaped}`,
      );
    }
    return issues;
  },
};
