/**
 * The vocabulary of the checker: the two ways cmd.exe reads our text, one character after
 * percent expansion, and a finding.
 */

/**
 * 'batch': a .cmd file (%%a for-variables, %1 parameters, labels, undefined %v% expands to
 * nothing). 'paste': lines typed or pasted at an interactive prompt, as the Serial Console
 * does (%a for-variables, no parameters or labels, undefined %v% stays as typed).
 */
export type Dialect = 'batch' | 'paste';

export type RuleId =
  | 'set-then-read'
  | 'paren-in-text'
  | 'redirection-in-text'
  | 'ambiguous-else'
  | 'batch-only'
  | 'unbalanced'
  | 'for-variable'
  | 'lone-percent'
  | 'modifier-on-cleared'
  | 'errorlevel-after-set'
  | 'delayed-bang'
  | 'line-too-long';

export interface Finding {
  file: string;
  line: number;
  rule: RuleId;
  message: string;
}

/** A finding before it knows its file. */
export type Issue = Omit<Finding, 'file'>;

/** One character of a command after phase 1 (percent expansion), with where it came from. */
export interface Ch {
  c: string;
  /** Physical line (1-based) it was read from. */
  line: number;
  /** Stands for text the checker cannot know: an unknown variable's value, a parameter. */
  opaque?: boolean;
  /** Batch: a % written as %% (a for-variable or a literal percent sign). */
  doubled?: boolean;
  /** Phase 2: inside double quotes (the quote characters included). */
  quoted?: boolean;
  /** Phase 2: the character after a caret (the caret itself is gone). */
  escaped?: boolean;
}

export const NEWLINE = '\n';

export function newline(line: number): Ch {
  return { c: NEWLINE, line };
}

/** A character cmd treats as an operator here: not quoted, not escaped, not a value. */
export function isOperator(ch: Ch | undefined, c: string): boolean {
  return ch !== undefined && ch.c === c && !ch.quoted && !ch.escaped && !ch.opaque;
}

export function textOf(chars: readonly Ch[]): string {
  return chars.map((ch) => (ch.opaque ? '\u2026' : ch.c)).join('');
}
