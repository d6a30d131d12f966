import { type Issue, textOf } from '../model.ts';
import { commandName, walk } from '../syntax.ts';
import type { Rule } from './rule.ts';

const AT_PROMPT: Record<string, string> = {
  goto: 'goto needs a batch file: at the prompt there is no label to go to',
  setlocal: 'setlocal has no effect outside a batch file: the variables stay in the console',
  endlocal: 'endlocal has no effect outside a batch file',
  shift: 'shift has no effect outside a batch file: there are no parameters',
  exit: 'exit (also exit /b) outside a batch file closes the console itself',
};

export const batchOnly: Rule = {
  id: 'batch-only',
  summary:
    'In a paste block: labels, goto, call :label, setlocal, endlocal, shift, exit and %1/%*/%~dp0, which need a batch file.',
  source:
    'Microsoft, exit ("If executed from outside a batch script, it will quit CMD.EXE"), setlocal ("outside of a script or batch file, it has no effect"), call ("Invalid attempt to call batch label outside of batch script"); FIELD-NOTES section 5',
  check(unit) {
    if (unit.dialect !== 'paste') return [];
    const issues: Issue[] = [];
    const add = (line: number, message: string) =>
      issues.push({ line, rule: 'batch-only', message });
    for (const { node } of walk(unit.chain).visits) {
      if (node.kind === 'label') {
        const text = textOf(unit.chars.slice(node.start, node.end));
        if (!text.startsWith('::'))
          add(node.line, `label "${text}" in a paste block: labels work only in a batch file`);
      }
      if (node.kind !== 'simple') continue;
      const command = commandName(node);
      const why = AT_PROMPT[command];
      if (why) add(node.line, why);
      if (command === 'call' && /^\s*:/.test(textOf(node.args)))
        add(
          node.line,
          'call :label outside a batch file: "Invalid attempt to call batch label outside of batch script"',
        );
    }
    for (const p of unit.parameters)
      add(
        p.line,
        `${p.text} in a paste block stays as typed: parameters exist only in a batch file`,
      );
    return issues;
  },
};
