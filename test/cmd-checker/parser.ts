/**
 * Phase 2 of cmd.exe's parser (https://stackoverflow.com/a/4095133, phase 2): quotes and
 * carets, then the operators & && || | < > ( ) split the expanded unit into commands, IF
 * and FOR take the rest of the line (or one parenthesised block) as their body, and ELSE
 * belongs to the IF whose block it follows. Besides the tree, the parser records the facts
 * the rules judge (where a ) closed a block, every redirection, ...), so the rules do not
 * parse again.
 */
import { type Ch, isOperator, NEWLINE, textOf } from './model.ts';
import type {
  Block,
  Chain,
  ForNode,
  IfNode,
  IfTest,
  Link,
  Node,
  Op,
  Redirection,
  Remark,
  Simple,
} from './syntax.ts';

export interface Facts {
  /** A ( in a command's text, and the ) that ended that command by closing the block. */
  textParens: { open: Ch; close: Ch }[];
  /** Text after a block's ) that is no operator, redirection or else: a syntax error. */
  junkAfterBlock: { close: Ch; text: string }[];
  redirections: Redirection[];
  /** & | < > unescaped inside `for ... in (...)`. */
  forSetOperators: Ch[];
  /** A quote left open at the end of a line, and the operators it swallowed. */
  unclosedQuotes: { line: number; swallowed: string }[];
  /** ( that opened a block the unit never closed. */
  unclosedBlocks: Ch[];
  /** ) where a command should start, with no block open. */
  strayCloses: Ch[];
}

export interface Parsed {
  chain: Chain;
  chars: Ch[];
  /** Index in `chars` of each input character (carets removed shift the rest). */
  position: number[];
  facts: Facts;
}

/** The unit ended inside a block: the next line belongs to it. */
export class NeedsMoreLines extends Error {}

/** Parses a unit; throws NeedsMoreLines when a block is open at its end and more may come. */
export function parseUnit(expanded: readonly Ch[], final: boolean): Parsed {
  const { chars, position, unclosedQuotes } = quotesAndCarets(expanded);
  const parser = new Parser(chars, final);
  parser.facts.unclosedQuotes = unclosedQuotes;
  const chain = parser.unit();
  return { chain, chars, position, facts: parser.facts };
}

/**
 * Marks quoted characters and removes carets (the escaped character is kept, marked). Quote
 * state ends with the line. The operators a quote left open at the end of a line swallowed
 * are recorded.
 */
function quotesAndCarets(input: readonly Ch[]): {
  chars: Ch[];
  position: number[];
  unclosedQuotes: Facts['unclosedQuotes'];
} {
  const chars: Ch[] = [];
  const position: number[] = [];
  const unclosedQuotes: Facts['unclosedQuotes'] = [];
  let openedAt = -1;
  const endLine = () => {
    if (openedAt >= 0) {
      const swallowed = chars
        .slice(openedAt)
        .filter((ch) => /[&|<>()]/.test(ch.c))
        .map((ch) => ch.c)
        .join('');
      if (swallowed) unclosedQuotes.push({ line: chars[openedAt]!.line, swallowed });
    }
    openedAt = -1;
  };
  for (let k = 0; k < input.length; k++) {
    const ch = input[k]!;
    position[k] = chars.length;
    if (ch.c === NEWLINE) {
      endLine();
      chars.push(ch);
    } else if (ch.opaque) chars.push(ch);
    else if (openedAt >= 0) {
      chars.push({ ...ch, quoted: true });
      if (ch.c === '"') openedAt = -1;
    } else if (ch.c === '"') {
      openedAt = chars.length;
      chars.push({ ...ch, quoted: true });
    } else if (ch.c === '^') {
      const next = input[k + 1];
      if (next && next.c !== NEWLINE) {
        position[k + 1] = chars.length;
        chars.push({ ...next, escaped: true });
        k++;
      }
    } else chars.push(ch);
  }
  endLine();
  return { chars, position, unclosedQuotes };
}

const SPACE = /^[ \t]$/;
/** Token delimiters where a command or an IF/FOR keyword is expected. */
const DELIMITER = /^[ \t,;=\x0b\x0c]$/;
const CONDITIONS: readonly IfTest[] = ['errorlevel', 'exist', 'defined', 'cmdextversion'];

/** Thrown after a syntax error that makes cmd reject the rest of the line. */
class Broken extends Error {}

class Parser {
  private i = 0;
  private depth = 0;
  readonly facts: Facts = {
    textParens: [],
    junkAfterBlock: [],
    redirections: [],
    forSetOperators: [],
    unclosedQuotes: [],
    unclosedBlocks: [],
    strayCloses: [],
  };

  constructor(
    private readonly s: readonly Ch[],
    private readonly final: boolean,
  ) {}

  unit(): Chain {
    try {
      return this.chain(false);
    } catch (e) {
      if (e instanceof Broken) return { items: [] };
      throw e;
    }
  }

  private peek(k = 0): Ch | undefined {
    return this.s[this.i + k];
  }

  private skip(pattern: RegExp): void {
    while (this.peek() && pattern.test(this.peek()!.c) && !this.peek()!.opaque) this.i++;
  }

  private atLineEnd(): boolean {
    const ch = this.peek();
    return ch === undefined || ch.c === NEWLINE;
  }

  private closesBlock(ch: Ch | undefined): boolean {
    return this.depth > 0 && isOperator(ch, ')');
  }

  private endOfInput(): never | void {
    if (this.depth > 0 && !this.final) throw new NeedsMoreLines();
  }

  /** Commands joined by & && || | (and, inside a block, by line ends). */
  private chain(stopAtLineEnd: boolean): Chain {
    const items: Link[] = [];
    let op: Op = 'start';
    for (;;) {
      this.skip(DELIMITER);
      const ch = this.peek();
      if (ch === undefined) {
        this.endOfInput();
        break;
      }
      if (ch.c === NEWLINE) {
        if (stopAtLineEnd || this.depth === 0) break;
        this.i++;
        op = 'newline';
        continue;
      }
      if (this.closesBlock(ch)) break;
      items.push({ op, node: this.command() });
      this.skip(SPACE);
      const next = this.peek();
      if (isOperator(next, '&') || isOperator(next, '|')) {
        const double = isOperator(this.peek(1), next!.c);
        op = (double ? next!.c + next!.c : next!.c) as Op;
        this.i += double ? 2 : 1;
      } else op = 'start';
    }
    return { items };
  }

  private command(): Node {
    if (this.peek()?.c === '@' && !this.peek()?.escaped) this.i++;
    const start = this.i;
    const line = this.peek()!.line;
    const redirections: Redirection[] = [];
    while (this.atRedirection(true)) {
      redirections.push(this.redirection());
      this.skip(SPACE);
    }
    const ch = this.peek();
    if (isOperator(ch, '(')) return this.block(false);
    if (isOperator(ch, ')')) {
      this.facts.strayCloses.push(ch!);
      return this.restOfLine('rem', start, line);
    }
    if (ch?.c === ':' && !ch.quoted && !ch.escaped && redirections.length === 0)
      return this.restOfLine('label', start, line);
    const name = this.commandToken();
    const keyword = name.toLowerCase();
    if (keyword === 'rem') return this.restOfLine('rem', start, line);
    if (keyword === 'if') return this.ifCommand(start, line);
    if (keyword === 'for') return this.forCommand(start, line);
    return this.simple(name, start, line, redirections);
  }

  private restOfLine(kind: Remark['kind'], start: number, line: number): Remark {
    while (!this.atLineEnd()) this.i++;
    return { kind, start, end: this.i, line };
  }

  /** The command token: up to a delimiter, an operator, or ( as in `echo(`. */
  private commandToken(): string {
    let name = '';
    for (let ch = this.peek(); ch && ch.c !== NEWLINE; ch = this.peek()) {
      const plain = !ch.quoted && !ch.escaped && !ch.opaque;
      if (plain && (DELIMITER.test(ch.c) || /[&|<>(]/.test(ch.c))) break;
      if (this.closesBlock(ch)) break;
      name += ch.opaque ? '\u0000' : ch.c;
      this.i++;
    }
    return name;
  }

  private simple(name: string, start: number, line: number, redirections: Redirection[]): Simple {
    const args: Ch[] = [];
    let textOpen: Ch | undefined;
    for (let ch = this.peek(); ch && ch.c !== NEWLINE; ch = this.peek()) {
      if (isOperator(ch, '&') || isOperator(ch, '|')) break;
      if (this.closesBlock(ch)) {
        if (textOpen) this.facts.textParens.push({ open: textOpen, close: ch });
        break;
      }
      if (this.atRedirection(args.length === 0 || SPACE.test(args[args.length - 1]!.c))) {
        redirections.push(this.redirection());
        continue;
      }
      if (this.depth > 0 && isOperator(ch, '(')) textOpen ??= ch;
      args.push(ch);
      this.i++;
    }
    return { kind: 'simple', name, args, redirections, start, end: this.i, line };
  }

  /** At < or >, or at a handle digit right before one (only where a token starts). */
  private atRedirection(tokenStart: boolean): boolean {
    const ch = this.peek();
    if (isOperator(ch, '<') || isOperator(ch, '>')) return true;
    const next = this.peek(1);
    return (
      tokenStart &&
      ch !== undefined &&
      /^[0-9]$/.test(ch.c) &&
      !ch.quoted &&
      !ch.escaped &&
      (isOperator(next, '<') || isOperator(next, '>'))
    );
  }

  private redirection(): Redirection {
    let handle: string | undefined;
    if (/^[0-9]$/.test(this.peek()!.c)) handle = this.s[this.i++]!.c;
    const opCh = this.s[this.i++]!;
    let op: Redirection['op'] = opCh.c as '<' | '>';
    if (op === '>' && isOperator(this.peek(), '>')) {
      op = '>>';
      this.i++;
    }
    const base = { op, handle, line: opCh.line, target: '', targetThenRedirection: false };
    if (isOperator(this.peek(), '&')) {
      this.i++;
      const digit = this.peek();
      const r: Redirection = { ...base, duplicate: '' };
      if (digit && /^[0-9]$/.test(digit.c) && !digit.opaque) {
        r.duplicate = digit.c;
        this.i++;
      } else r.notHandle = this.peekWord();
      this.facts.redirections.push(r);
      return r;
    }
    this.skip(SPACE);
    const target: Ch[] = [];
    for (let ch = this.peek(); ch && ch.c !== NEWLINE; ch = this.peek()) {
      const plain = !ch.quoted && !ch.escaped && !ch.opaque;
      if (plain && (SPACE.test(ch.c) || /[&|<>]/.test(ch.c))) break;
      if (this.closesBlock(ch)) break;
      target.push(ch);
      this.i++;
    }
    const next = this.peek();
    const r: Redirection = {
      ...base,
      target: textOf(target),
      targetThenRedirection: target.length > 0 && (isOperator(next, '<') || isOperator(next, '>')),
    };
    this.facts.redirections.push(r);
    return r;
  }

  private peekWord(): string {
    let word = '';
    for (let k = 0; ; k++) {
      const ch = this.peek(k);
      if (!ch || ch.c === NEWLINE || SPACE.test(ch.c)) return word;
      word += ch.c;
    }
  }

  private block(elseMayFollow: boolean): Block {
    const open = this.s[this.i++]!;
    const start = this.i - 1;
    this.depth++;
    const body = this.chain(false);
    const close = this.peek();
    if (!close) {
      this.facts.unclosedBlocks.push(open);
      this.depth--;
      return { kind: 'block', body, start, end: this.i, line: open.line };
    }
    this.i++;
    this.depth--;
    this.skip(SPACE);
    while (this.atRedirection(true)) {
      this.redirection();
      this.skip(SPACE);
    }
    const next = this.peek();
    const fine =
      next === undefined ||
      next.c === NEWLINE ||
      isOperator(next, '&') ||
      isOperator(next, '|') ||
      this.closesBlock(next) ||
      (elseMayFollow && this.atKeyword('else'));
    if (!fine) {
      const at = this.i;
      while (!this.atLineEnd()) this.i++;
      if (!this.facts.textParens.some((p) => p.close === close))
        this.facts.junkAfterBlock.push({ close, text: textOf(this.s.slice(at, this.i)) });
      throw new Broken();
    }
    return { kind: 'block', body, start, end: this.i, line: open.line };
  }

  private atKeyword(word: string): boolean {
    for (let k = 0; k < word.length; k++) {
      const ch = this.peek(k);
      if (!ch || ch.quoted || ch.escaped || ch.opaque || ch.c.toLowerCase() !== word[k])
        return false;
    }
    const after = this.peek(word.length);
    return (
      after === undefined ||
      after.c === NEWLINE ||
      (DELIMITER.test(after.c) && !after.quoted && !after.escaped) ||
      isOperator(after, '(')
    );
  }

  /** One IF operand or keyword: up to an unquoted delimiter or operator. */
  private token(): string {
    let text = '';
    for (let ch = this.peek(); ch && ch.c !== NEWLINE; ch = this.peek()) {
      const plain = !ch.quoted && !ch.escaped && !ch.opaque;
      if (plain && (DELIMITER.test(ch.c) || /[&|<>()]/.test(ch.c))) break;
      text += ch.opaque ? '\u0000' : ch.c;
      this.i++;
    }
    return text;
  }

  private ifCommand(start: number, line: number): IfNode {
    this.skip(DELIMITER);
    if (this.atKeyword('/i')) this.i += 2;
    this.skip(DELIMITER);
    const negated = this.atKeyword('not');
    if (negated) this.i += 3;
    this.skip(DELIMITER);
    let test: IfTest = 'compare';
    let operand: string | undefined;
    const keyword = CONDITIONS.find((k) => this.atKeyword(k));
    if (keyword) {
      test = keyword;
      this.i += keyword.length;
      this.skip(DELIMITER);
      operand = this.token();
    } else {
      this.token();
      this.skip(SPACE);
      if (this.peek()?.c === '=' && this.peek(1)?.c === '=') this.i += 2;
      else {
        this.skip(DELIMITER);
        this.token();
      }
      this.skip(DELIMITER);
      this.token();
    }
    const testEnd = this.i;
    this.skip(DELIMITER);
    const node: IfNode = {
      kind: 'if',
      negated,
      test,
      operand,
      testEnd,
      then: { items: [] },
      thenIsBlock: false,
      start,
      end: start,
      line,
    };
    if (isOperator(this.peek(), '(')) {
      node.then = { items: [{ op: 'start', node: this.block(true) }] };
      node.thenIsBlock = true;
      this.skip(SPACE);
      if (this.atKeyword('else')) {
        node.elseLine = this.peek()!.line;
        this.i += 4;
        this.skip(DELIMITER);
        node.else = isOperator(this.peek(), '(')
          ? { items: [{ op: 'start', node: this.block(false) }] }
          : this.chain(true);
      }
    } else node.then = this.chain(true);
    node.end = this.i;
    return node;
  }

  private forCommand(start: number, line: number): ForNode {
    this.skip(DELIMITER);
    while (this.peek()?.c === '/') {
      const option = this.token().toLowerCase();
      this.skip(SPACE);
      if (option === '/f' && this.peek()?.c === '"') this.token();
      else if (option === '/r' && this.peek()?.c !== '%') this.token();
      this.skip(SPACE);
    }
    this.token();
    this.skip(SPACE);
    if (this.atKeyword('in')) this.i += 2;
    this.skip(SPACE);
    if (isOperator(this.peek(), '(')) {
      this.i++;
      for (let ch = this.peek(); !isOperator(ch, ')'); ch = this.peek()) {
        if (ch === undefined) {
          if (!this.final) throw new NeedsMoreLines();
          break;
        }
        if (/[&|<>]/.test(ch.c) && isOperator(ch, ch.c)) this.facts.forSetOperators.push(ch);
        this.i++;
      }
      if (this.peek()) this.i++;
    }
    const setEnd = this.i;
    this.skip(SPACE);
    if (this.atKeyword('do')) this.i += 2;
    this.skip(DELIMITER);
    const body: Chain = isOperator(this.peek(), '(')
      ? { items: [{ op: 'start', node: this.block(false) }] }
      : this.chain(true);
    return { kind: 'for', setEnd, body, start, end: this.i, line };
  }
}
