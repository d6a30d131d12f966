import { readsOf, setsOf, stableFor } from './analysis.ts';
import type { Command } from './nodes.ts';

/**
 * Splits a statement into the lines cmd.exe must read one at a time:
 * - a command that reads a variable an earlier command of the line sets starts a new line
 *   (the line was expanded before that set ran);
 * - a command after an `if` or `for` starts a new line (they take the rest of the line as
 *   their body, `&`s included);
 * - an `if` without else whose condition no line of its body can change may be split too:
 *   every line repeats the condition.
 * Anything else stays together; the printer then refuses a line that still breaks a rule.
 */
export function splitLines(statement: Command): Command[] {
  if (statement.kind === 'seq') return packSequence(statement.commands.flatMap(splitLines));
  if (
    statement.kind === 'if' &&
    !statement.else &&
    stableFor(statement.condition, statement.then)
  ) {
    const body = splitLines(statement.then);
    if (body.length > 1) return body.map((line) => ({ ...statement, then: line }));
  }
  return [statement];
}

function packSequence(pieces: Command[]): Command[] {
  const lines: Command[][] = [];
  let current: Command[] = [];
  let sets = new Set<unknown>();
  for (const piece of pieces) {
    const last = current[current.length - 1];
    const swallows = last && takesRestOfLine(last);
    const conflict = [...readsOf(piece)].some((n) => sets.has(n));
    if (current.length > 0 && (swallows || conflict)) {
      lines.push(current);
      current = [];
      sets = new Set();
    }
    current.push(piece);
    for (const n of setsOf(piece)) sets.add(n);
  }
  if (current.length > 0) lines.push(current);
  return lines.map((line) => (line.length === 1 ? line[0]! : { kind: 'seq', commands: line }));
}

/** `if` and `for` parse everything after them on the line, `&` included, as their body. */
export function takesRestOfLine(command: Command): boolean {
  if (command.kind === 'seq')
    return takesRestOfLine(command.commands[command.commands.length - 1]!);
  return command.kind === 'if' || command.kind === 'for';
}
