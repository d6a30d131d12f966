import { staleRead } from './analysis.ts';
import { push, plainText, type Line } from './chunks.ts';
import { splitLines, takesRestOfLine } from './lines.ts';
import type { Name, Namer } from './names.ts';
import type { Command, Condition, Redirect } from './nodes.ts';
import type { Part, Word } from './words.ts';

/**
 * Prints commands for one of cmd.exe's two modes:
 * - paste: typed at an interactive prompt (the Serial Console): `%a` for-variables, a `%`
 *   cannot be doubled, no `exit /b` (it would close the console's cmd);
 * - batch: a .cmd file: `%%a`, `%%` for a percent sign, arguments `%~1`.
 */
export type Dialect = 'paste' | 'batch';

export interface PrintOptions {
  dialect: Dialect;
  namer: Namer;
  /**
   * Never two parentheses of a kind side by side (`) )`): where every repeated character
   * counts (the transfer blocks), since the Serial Console may double or drop one.
   */
  spacedParens?: boolean;
}

export class PrintError extends Error {}

/** cmd's characters that end a word or start an operator outside quotes. */
const SPECIAL = /[&|<>()^]/;
const BATCH_ONLY = new Set(['goto', 'setlocal', 'endlocal', 'shift']);
const PROMPTS = new Set(['pause', 'choice', 'timeout', 'more']);

/** Prints statements as lines, starting a new line where cmd's rules need one. */
export function printLines(statements: readonly Command[], options: PrintOptions): Line[] {
  return statements.flatMap(splitLines).map((line) => printLine(line, options));
}

/** Prints one line; refuses a line that cmd would expand or bind otherwise than written. */
export function printLine(command: Command, options: PrintOptions): Line {
  const printer = new Printer(options);
  printer.command(command, 'tail');
  const line = printer.finish();
  const stale = staleRead(command);
  if (stale)
    throw new PrintError(
      `%${options.namer.nameOf(stale.name)}% (${stale.name.hint}) ${stale.why}: ${plainText(line)}`,
    );
  return line;
}

/** Where a command stands: last on its line or block (tail), or followed by `&` (inner). */
type Position = 'tail' | 'inner';

/** An echoed command (a line of undo.cmd) knows the dialect of the line that writes it. */
type EchoedOptions = PrintOptions & { echoedBy?: Dialect };

class Printer {
  private line: Line = [];
  private quoted = false;
  /** Inside parentheses or a for body, where Wine 8 misreads an if branch not enclosed. */
  private depth = 0;

  constructor(private readonly options: EchoedOptions) {}

  finish(): Line {
    if (this.quoted) throw new PrintError(`unbalanced quote: ${plainText(this.line)}`);
    return this.line;
  }

  // ---- characters ----

  /** Syntax: keywords, switches, operators (case-insensitive letters). */
  private syntax(text: string): void {
    for (const c of text) if (c === '"') this.quoted = !this.quoted;
    push(this.line, text, true);
  }

  /** Characters that must reach cmd exactly (case-sensitive, not nameable). */
  private exact(text: string): void {
    push(this.line, text, false);
  }

  /** Text or an identifier: escaped outside quotes, `%` per dialect, quotes tracked. */
  private escaped(value: string, ci: boolean): void {
    for (const c of value) {
      if (c === '"') {
        this.quoted = !this.quoted;
        push(this.line, c, false);
      } else if (c === '%') {
        push(this.line, this.percent(), false);
      } else if (this.quoted) {
        push(this.line, c, ci, c !== '!' && c !== '^');
      } else if (SPECIAL.test(c)) {
        push(this.line, '^' + c, false);
      } else {
        push(this.line, c, ci, false, true);
      }
    }
  }

  private percent(): string {
    if (this.options.echoedBy) throw new PrintError('an echoed command cannot hold a literal %');
    if (this.options.dialect === 'batch') return '%%';
    if (this.quoted)
      throw new PrintError('a literal % inside quotes cannot be written for an interactive cmd');
    return '%^';
  }

  private nameText(name: Name): void {
    const printed = this.options.namer.nameOf(name);
    push(this.line, printed, true);
    if (name.suffix === undefined) return;
    push(this.line, '_', true);
    if (typeof name.suffix === 'string') push(this.line, name.suffix, true);
    else this.forVariable(name.suffix.letter, '');
  }

  /**
   * In an echoed command a for-variable is the writing line's: replaced by its value when the
   * line is written, after that line was parsed (the value is data, never read as syntax
   * there). undo.cmd reads it: only a loop over data without special characters may do this.
   */
  private forVariable(letter: string, modifiers: string): void {
    const dialect = this.options.echoedBy ?? this.options.dialect;
    this.exact((dialect === 'batch' ? '%%' : '%') + modifiers + letter);
  }

  // ---- words ----

  private word(word: Word, ci: boolean): void {
    for (const part of word) this.part(part, ci);
  }

  private part(part: Part, ci: boolean): void {
    switch (part.kind) {
      case 'text':
        return this.escaped(part.value, false);
      case 'id':
        return this.escaped(part.value, true);
      case 'ref':
        this.exact('%');
        this.nameText(part.name);
        return this.exact((part.modifier ?? '') + '%');
      case 'name':
        return this.nameText(part.name);
      case 'for':
        return this.forVariable(part.variable.letter, part.modifiers);
      case 'arg':
        if (this.options.dialect !== 'batch')
          throw new PrintError(`%~${part.index} exists in a batch file only`);
        return this.exact(`%${part.modifiers ?? '~'}${part.index}`);
      case 'quoted': {
        if (this.quoted) throw new PrintError('quotes inside quotes');
        this.syntax('"');
        for (const inner of part.parts) this.part(inner, ci);
        if (!this.quoted) throw new PrintError('a quoted part holds an unbalanced quote');
        return this.syntax('"');
      }
    }
  }

  private words(words: readonly Word[]): void {
    words.forEach((w, i) => {
      if (i > 0) this.exact(' ');
      this.word(w, true);
    });
  }

  // ---- redirections ----

  private redirects(redirects: readonly Redirect[], before: boolean): void {
    for (const r of redirects) {
      if (!before) this.separateRedirect(r);
      if (r.kind === 'dup') this.exact('2>&1');
      else {
        if (r.kind === 'out') this.exact((r.handle === 2 ? '2' : '') + (r.append ? '>>' : '>'));
        else this.exact('<');
        this.word(r.target, true);
      }
      if (before) this.exact(' ');
    }
  }

  /**
   * A space before a redirection unless the line ends in a letter: a digit there would be
   * read as the handle to redirect (`echo 1>x`), `2>&1` needs its space, and after a quote
   * Wine's cmd (the tests' interpreter) reads `<"f">nul` as one file name `f">nul`.
   */
  private separateRedirect(r: Redirect): void {
    const text = plainText(this.line);
    const last = text[text.length - 1] ?? ' ';
    const handle = r.kind === 'dup' || (r.kind === 'out' && r.handle === 2);
    if (handle || !/[A-Za-z]/.test(last)) this.exact(' ');
  }

  // ---- commands ----

  command(command: Command, position: Position): void {
    switch (command.kind) {
      case 'set':
        return this.set(command);
      case 'set-computed':
        this.syntax('set ');
        this.word(command.name, true);
        this.exact('=');
        return this.word(command.value, false);
      case 'set-a':
        this.syntax('set /a ');
        this.nameText(command.name);
        this.exact('=');
        this.word(command.expression, true);
        return this.redirects(command.redirects, false);
      case 'if':
        return this.ifCommand(command, position);
      case 'for':
        return this.forCommand(command, position);
      case 'exec':
        return this.exec(command);
      case 'pipe':
        return this.pipe(command.commands);
      case 'echo':
        this.redirects(command.redirects, true);
        this.syntax('echo ');
        return this.word(command.text, false);
      case 'echo-command':
        this.redirects(command.redirects, true);
        this.syntax('echo ');
        // A line of a .cmd file (undo.cmd): the batch dialect, and no literal %, which would
        // need doubling once for this line and once for that file.
        return this.nested(command.command, {
          ...this.options,
          dialect: 'batch',
          echoedBy: this.options.echoedBy ?? this.options.dialect,
        });
      case 'exit':
        if (this.options.dialect !== 'batch')
          throw new PrintError('exit in a paste block would close the console');
        this.syntax('exit /b ');
        return typeof command.code === 'number'
          ? this.exact(String(command.code))
          : this.word(command.code, false);
      case 'rem':
        if (/[&|<>()^%"]/.test(command.text))
          throw new PrintError(`rem text must hold no special character: ${command.text}`);
        this.syntax('rem ');
        return this.exact(command.text);
      case 'seq':
        return this.sequence(command.commands, position);
      case 'block':
        return this.enclosed(() => this.sequence(command.commands, 'tail'));
    }
  }

  /** `(...)` */
  private enclosed(print: () => void): void {
    if (this.options.spacedParens && this.endsWith('(')) this.exact(' ');
    this.exact('(');
    this.depth++;
    print();
    this.depth--;
    // `))` as `) )`, which cmd reads the same: see PrintOptions.spacedParens.
    if (this.options.spacedParens && this.endsWith(')')) this.exact(' ');
    this.exact(')');
  }

  private endsWith(c: string): boolean {
    const last = this.line[this.line.length - 1];
    return last !== undefined && last.text.endsWith(c);
  }

  private set(command: Extract<Command, { kind: 'set' }>): void {
    this.syntax('set ');
    if (command.quoted) this.syntax('"');
    this.nameText(command.name);
    this.exact('=');
    if (command.quoted) {
      if (
        command.value.some(
          (p) => p.kind === 'quoted' || (p.kind === 'text' && p.value.includes('"')),
        )
      )
        throw new PrintError('set "name=value" cannot hold another quote');
    }
    this.word(command.value, false);
    if (command.quoted) this.syntax('"');
  }

  /** `a&b`: an if or for that is not last is enclosed, or it would take the rest as its body. */
  private sequence(commands: readonly Command[], position: Position): void {
    commands.forEach((c, i) => {
      const last = i === commands.length - 1;
      if (i > 0) this.exact('&');
      if (!last && takesRestOfLine(c)) this.enclosed(() => this.command(c, 'tail'));
      else this.command(c, last ? position : 'inner');
    });
  }

  private condition(condition: Condition): void {
    if (condition.kind === 'compare' && condition.ignoreCase) this.syntax('/i ');
    if (condition.not) this.syntax('not ');
    switch (condition.kind) {
      case 'errorlevel':
        return this.syntax(`errorlevel ${condition.level}`);
      case 'defined':
        this.syntax('defined ');
        return this.nameText(condition.name);
      case 'exist':
        this.syntax('exist ');
        return this.word(condition.path, true);
      case 'compare':
        this.operand(condition.left);
        this.syntax(condition.op === '==' ? '==' : ` ${condition.op} `);
        return this.operand(condition.right);
    }
  }

  /** An if operand is one token: outside quotes, no space, comma, semicolon or equals sign. */
  private operand(word: Word): void {
    const start = plainText(this.line).length;
    let quoted = this.quoted;
    this.word(word, false);
    for (const c of plainText(this.line).slice(start)) {
      if (c === '"') quoted = !quoted;
      else if (!quoted && /[\s,;=]/.test(c))
        throw new PrintError(`an if operand holds "${c}" outside quotes: ${plainText(this.line)}`);
    }
  }

  /**
   * `if c then`, or `if c (then) else other`: with an else the branch before it is always
   * enclosed, and an if whose tail holds an else is enclosed inside another if, so every else
   * binds the way the tree says on Windows (innermost if) and on Wine alike.
   *
   * Windows gives an if the rest of its line or block, `&`s and inner ifs included; Wine 8
   * (the tests' interpreter) often ends it at the next `&` (`(x)&if a y&z`, `if a x&if b y&z`,
   * `(if a y&z)`: Wine runs z always) and misreads `(if a set x=1)&...` and `(... else echo
   * b)` (the text takes the `)`). So a branch of several commands is always enclosed, and
   * inside parentheses or a for body every branch is: Windows reads both the same.
   */
  private ifCommand(command: Extract<Command, { kind: 'if' }>, position: Position): void {
    if (position === 'inner') throw new PrintError('an if followed by & must be enclosed');
    this.syntax('if ');
    this.condition(command.condition);
    this.exact(' ');
    const then = command.then;
    const enclose =
      then.kind !== 'block' &&
      (command.else !== undefined ||
        holdsElse(then) ||
        this.depth > 0 ||
        then.kind === 'seq' ||
        (command.condition.kind === 'compare' && chainIgnoresCase(then)));
    if (enclose) this.enclosed(() => this.command(then, 'tail'));
    else this.command(then, 'tail');
    const otherwise = command.else;
    if (otherwise) {
      this.syntax(' else ');
      if (otherwise.kind === 'seq' || (this.depth > 0 && otherwise.kind !== 'block'))
        this.enclosed(() => this.command(otherwise, 'tail'));
      else this.command(otherwise, 'tail');
    }
  }

  private forCommand(command: Extract<Command, { kind: 'for' }>, position: Position): void {
    if (position === 'inner') throw new PrintError('a for followed by & must be enclosed');
    const source = command.source;
    this.syntax('for ');
    if (source.kind === 'range') this.syntax('/l ');
    if (source.kind === 'command' || source.kind === 'file') {
      this.syntax('/f ');
      if (source.options !== undefined) {
        if (/["%]/.test(source.options)) throw new PrintError(`bad for options ${source.options}`);
        this.syntax('"');
        this.exact(source.options);
        this.syntax('" ');
      }
    }
    this.forVariable(command.variable.letter, '');
    this.syntax(' in (');
    switch (source.kind) {
      case 'list':
        source.items.forEach((item, i) => {
          if (i > 0) this.exact(' ');
          this.word(item, false);
        });
        break;
      case 'range':
        this.exact(`${source.start},${source.step},${source.end}`);
        break;
      case 'command':
        this.exact("'");
        this.nested(source.command, this.options);
        this.exact("'");
        break;
      case 'file':
        this.word(source.file, true);
        break;
    }
    this.syntax(') do ');
    // Wine 8 ends a for body at its first `&`, and runs nothing of `do if c (a) else b` or
    // `do if c (a&b)`: a body of several commands or an if is enclosed (Windows reads the same).
    const body = command.body;
    if (body.kind === 'seq' || body.kind === 'if') this.enclosed(() => this.command(body, 'tail'));
    else {
      this.depth++;
      this.command(body, 'tail');
      this.depth--;
    }
  }

  private exec(command: Extract<Command, { kind: 'exec' }>): void {
    const first = command.words[0];
    if (!first) throw new PrintError('a command needs a name');
    const name = first.map((p) => (p.kind === 'id' || p.kind === 'text' ? p.value : '')).join('');
    if (this.options.dialect === 'paste' && BATCH_ONLY.has(name.toLowerCase()))
      throw new PrintError(`${name} does not work in a pasted block`);
    if (PROMPTS.has(name.toLowerCase()))
      throw new PrintError(`${name} waits for a key: the console cannot answer`);
    this.words(command.words);
    this.redirects(command.redirects, false);
  }

  private pipe(commands: readonly Command[]): void {
    commands.forEach((c, i) => {
      if (c.kind !== 'exec') throw new PrintError('only programs can be piped');
      if (i > 0) this.exact('|');
      this.command(c, 'inner');
    });
  }

  /**
   * A command inside another line's text (a `for /f` command, a line echoed into a file):
   * printed on its own, then escaped once more, since the outer line's parse removes one
   * level of carets before the inner command is parsed or written.
   */
  private nested(command: Command, options: EchoedOptions): void {
    const inner = new Printer(options);
    inner.command(command, 'tail');
    for (const chunk of inner.finish()) {
      let text = '';
      for (const c of chunk.text) {
        if (c === '"') this.quoted = !this.quoted;
        text += !this.quoted && SPECIAL.test(c) ? '^' + c : c;
      }
      push(this.line, text, chunk.ci, chunk.nameable);
    }
  }
}

function containsElse(command: Command): boolean {
  switch (command.kind) {
    case 'if':
      return command.else !== undefined || containsElse(command.then);
    case 'for':
      return containsElse(command.body);
    case 'seq':
    case 'block':
      return command.commands.some(containsElse);
    default:
      return false;
  }
}

/**
 * Whether an unenclosed chain of ifs (`if a if b ...`) holds an `if /i`: Wine 8 reports
 * "Syntax error" for `if 1==1 if /i ...` (also with ifs between), which Windows reads like
 * `if 1==1 (if /i ...)`. So after a compare the chain is enclosed, the form both read alike.
 */
function chainIgnoresCase(command: Command): boolean {
  if (command.kind !== 'if') return false;
  const { condition } = command;
  return (condition.kind === 'compare' && condition.ignoreCase) || chainIgnoresCase(command.then);
}

/**
 * Whether an else stands at the end of this command, where it would bind to an if around
 * it. An if without else encloses such a tail itself, so it ends in a parenthesis.
 */
function holdsElse(command: Command): boolean {
  if (command.kind === 'if') return command.else !== undefined;
  if (command.kind === 'seq') return holdsElse(command.commands[command.commands.length - 1]!);
  if (command.kind === 'for') return holdsElse(command.body);
  return false;
}
