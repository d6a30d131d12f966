import type { Issue } from '../model.ts';
import type { Rule } from './rule.ts';

/** Microsoft: "Command prompt (Cmd.exe) command-line string limitation". */
export const MAX_LINE = 8191;

export const lineTooLong: Rule = {
  id: 'line-too-long',
  summary: 'A line longer than 8,191 characters, as typed or after expansion: cmd refuses it.',
  source: 'Microsoft, "Command prompt (Cmd.exe) command-line string limitation" (8191 characters)',
  check(unit) {
    return unit.lines
      .filter((l) => l.raw.length > MAX_LINE || l.expandedLength > MAX_LINE)
      .map((l): Issue => ({
        line: l.line,
        rule: 'line-too-long',
        message: `${Math.max(l.raw.length, l.expandedLength)} characters: cmd takes at most ${MAX_LINE} on a line`,
      }));
  },
};
