import type { ForVar, Name } from './names.ts';
import { q, text, toWord, type Word, type WordLike } from './words.ts';

/**
 * The commands RdpRescue emits, as data. Constructors take bare strings as identifiers
 * where cmd and Windows ignore case (commands, switches, paths, read value names) and as
 * case-sensitive text where they do not (echo, set values, compared strings).
 */

export type Redirect =
  /** `>target`, `>>target`, `2>target` */
  | { kind: 'out'; handle: 1 | 2; append: boolean; target: Word }
  /** `<target` */
  | { kind: 'in'; target: Word }
  /** `2>&1` */
  | { kind: 'dup' };

export type CompareOp = '==' | 'EQU' | 'NEQ' | 'LSS' | 'LEQ' | 'GTR' | 'GEQ';

export type Condition =
  | { kind: 'errorlevel'; not: boolean; level: number }
  | { kind: 'defined'; not: boolean; name: Name }
  | { kind: 'exist'; not: boolean; path: Word }
  | {
      kind: 'compare';
      not: boolean;
      left: Word;
      op: CompareOp;
      right: Word;
      ignoreCase: boolean;
    };

export type ForSource =
  | { kind: 'list'; items: Word[] }
  | { kind: 'range'; start: number; step: number; end: number }
  | { kind: 'command'; options?: string; command: Command }
  | { kind: 'file'; options?: string; file: Word };

export type Command =
  /** `set name=value`, or `set "name=value"` (quoted: the value needs no escapes). */
  | { kind: 'set'; name: Name; value: Word; quoted: boolean }
  /**
   * `set <name>=value` where the name is computed when the line runs (`%selector%_5`, `%a`):
   * `sets` lists every variable it may set, so the line rules still see the set.
   */
  | { kind: 'set-computed'; name: Word; value: Word; sets: readonly Name[] }
  /** `set /a name=expression` */
  | { kind: 'set-a'; name: Name; expression: Word; redirects: Redirect[] }
  | { kind: 'if'; condition: Condition; then: Command; else?: Command }
  | { kind: 'for'; variable: ForVar; source: ForSource; body: Command }
  /** A program or built-in with its arguments (the first word is the command). */
  | { kind: 'exec'; words: Word[]; redirects: Redirect[] }
  /** `a | b`: every side runs in a child cmd, so none may set variables. */
  | { kind: 'pipe'; commands: Command[] }
  /** `echo text`; redirections print first (`>>file echo text`: no trailing space or digit). */
  | { kind: 'echo'; text: Word; redirects: Redirect[] }
  /** Echoes a command as a line of a .cmd file (undo.cmd): printed, then escaped as text. */
  | { kind: 'echo-command'; command: Command; redirects: Redirect[] }
  /** `exit /b code` (batch dialect only: a pasted exit closes the console's cmd). */
  | { kind: 'exit'; code: number | Word }
  | { kind: 'rem'; text: string }
  /** `a&b&c`: the printer moves a command to a new line where cmd's rules need it. */
  | { kind: 'seq'; commands: Command[] }
  /** `(a&b)`: an explicit block. */
  | { kind: 'block'; commands: Command[] };

export type CommandLike = Command | false | undefined | null;

function compact(commands: CommandLike[]): Command[] {
  return commands.filter((c): c is Command => !!c);
}

// ---- redirections ----

export const toNul: Redirect = { kind: 'out', handle: 1, append: false, target: [text('nul')] };
export const errToNul: Redirect = { kind: 'out', handle: 2, append: false, target: [text('nul')] };
export const errToOut: Redirect = { kind: 'dup' };
/** `>nul 2>&1` */
export const quiet: Redirect[] = [toNul, errToOut];

export function writeTo(file: WordLike, handle: 1 | 2 = 1): Redirect {
  return { kind: 'out', handle, append: false, target: toWord(file, 'id') };
}

export function appendTo(file: WordLike): Redirect {
  return { kind: 'out', handle: 1, append: true, target: toWord(file, 'id') };
}

export function readFrom(file: WordLike): Redirect {
  return { kind: 'in', target: toWord(file, 'id') };
}

// ---- conditions ----

export function errorlevel(level: number): Condition {
  return { kind: 'errorlevel', not: false, level };
}

export function defined(name: Name): Condition {
  return { kind: 'defined', not: false, name };
}

export function exist(path: WordLike): Condition {
  return { kind: 'exist', not: false, path: toWord(path, 'id') };
}

/** Compares two words: `==` as strings (case-sensitive unless ignoreCase), others as numbers. */
export function compare(
  left: WordLike,
  op: CompareOp,
  right: WordLike,
  options: { ignoreCase?: boolean } = {},
): Condition {
  return {
    kind: 'compare',
    not: false,
    left: toWord(left, 'text'),
    op,
    right: toWord(right, 'text'),
    ignoreCase: options.ignoreCase ?? false,
  };
}

/** `"left"=="right"`: both sides quoted, so empty values and spaces compare safely. */
export function equals(
  left: WordLike,
  right: WordLike,
  options: { ignoreCase?: boolean } = {},
): Condition {
  return compare([q(...toWord(left, 'text'))], '==', [q(...toWord(right, 'text'))], options);
}

export function not(condition: Condition): Condition {
  return { ...condition, not: !condition.not };
}

// ---- commands ----

export function set(name: Name, value: WordLike = ''): Command {
  return { kind: 'set', name, value: toWord(value, 'text'), quoted: false };
}

/** `set "name=value"`: the value may hold & | < > ( ) as they are; no `"` or `%` in it. */
export function setQuoted(name: Name, value: WordLike): Command {
  return { kind: 'set', name, value: toWord(value, 'text'), quoted: true };
}

/** `set name=` */
export function clear(name: Name): Command {
  return set(name, '');
}

/**
 * `set <name>=value` with a name made at run time from a variable or for-variable, e.g. the
 * member of the family a variable names (`set %L%_5=x`) or a name a loop lists (`set %a=`).
 * `sets` names every variable (or family) it may set.
 */
export function setComputed(name: WordLike, value: WordLike, sets: readonly Name[]): Command {
  const word = toWord(name, 'id');
  for (const part of word)
    if (
      part.kind === 'quoted' ||
      part.kind === 'arg' ||
      (part.kind === 'id' && !/^[A-Za-z0-9_]*$/.test(part.value)) ||
      (part.kind === 'text' && !/^[A-Za-z0-9_-]*$/.test(part.value))
    )
      throw new Error(
        'a computed variable name is made of names, references, plain letters and (as text) "-"',
      );
  if (sets.length === 0) throw new Error('a computed set must say which variables it may set');
  return { kind: 'set-computed', name: word, value: toWord(value, 'text'), sets };
}

export function setArith(name: Name, expression: WordLike, redirects: Redirect[] = []): Command {
  return { kind: 'set-a', name, expression: toWord(expression, 'id'), redirects };
}

export function when(condition: Condition, then: Command, otherwise?: Command): Command {
  return otherwise === undefined
    ? { kind: 'if', condition, then }
    : { kind: 'if', condition, then, else: otherwise };
}

export function forIn(variable: ForVar, items: WordLike[], body: Command): Command {
  return {
    kind: 'for',
    variable,
    source: { kind: 'list', items: items.map((i) => toWord(i, 'text')) },
    body,
  };
}

export function forRange(
  variable: ForVar,
  start: number,
  step: number,
  end: number,
  body: Command,
): Command {
  return { kind: 'for', variable, source: { kind: 'range', start, step, end }, body };
}

/** `for /f "options" %a in ('command') do body`; options are case-sensitive text. */
export function forCommand(
  variable: ForVar,
  options: string | undefined,
  command: Command,
  body: Command,
): Command {
  const source: ForSource =
    options === undefined ? { kind: 'command', command } : { kind: 'command', options, command };
  return { kind: 'for', variable, source, body };
}

/** `for /f "options" %a in (file) do body` */
export function forFile(
  variable: ForVar,
  options: string | undefined,
  file: WordLike,
  body: Command,
): Command {
  const path = toWord(file, 'id');
  const source: ForSource =
    options === undefined ? { kind: 'file', file: path } : { kind: 'file', options, file: path };
  return { kind: 'for', variable, source, body };
}

/** A command with arguments; bare strings are identifiers. Add redirections with `run`. */
export function exec(...words: WordLike[]): Command {
  return run(words);
}

export function run(words: WordLike[], redirects: Redirect[] = []): Command {
  return {
    kind: 'exec',
    words: words.map((w) => toWord(w, 'id')).filter((w) => w.length > 0),
    redirects,
  };
}

/** Adds redirections to an exec, set /a or echo. */
export function redirect(command: Command, ...redirects: Redirect[]): Command {
  if (
    command.kind === 'exec' ||
    command.kind === 'set-a' ||
    command.kind === 'echo' ||
    command.kind === 'echo-command'
  )
    return { ...command, redirects: [...command.redirects, ...redirects] };
  throw new Error(`cannot redirect a ${command.kind} command`);
}

export function pipe(...commands: Command[]): Command {
  return { kind: 'pipe', commands };
}

/** `echo ...`; bare strings are case-sensitive text. */
export function echo(...parts: WordLike[]): Command {
  const value = parts.flatMap((p) => toWord(p, 'text'));
  if (value.length === 0) throw new Error('echo needs text (a bare echo prints the echo state)');
  return { kind: 'echo', text: value, redirects: [] };
}

export function echoCommand(command: Command, ...redirects: Redirect[]): Command {
  return { kind: 'echo-command', command, redirects };
}

/** `type nul>file`: creates an empty file (a marker). */
export function touch(file: WordLike): Command {
  return run(['type', 'nul'], [writeTo(file)]);
}

export function exit(code: number | WordLike): Command {
  return { kind: 'exit', code: typeof code === 'number' ? code : toWord(code, 'text') };
}

export function rem(remark: string): Command {
  return { kind: 'rem', text: remark };
}

export function seq(...commands: CommandLike[]): Command {
  const list = compact(commands);
  if (list.length === 1) return list[0]!;
  return { kind: 'seq', commands: list };
}

export function block(...commands: CommandLike[]): Command {
  return { kind: 'block', commands: compact(commands) };
}
