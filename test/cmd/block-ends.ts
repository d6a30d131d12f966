/**
 * Where Windows' cmd.exe ends a parenthesised block (phase 2 of its parser, batch or prompt
 * alike): a `(` opens a block only where a command starts; inside a block every `)` that is
 * not escaped (`^)`) or quoted ends it, wherever it stands, echo text included. Wine's cmd
 * counts the parentheses of text instead, so it cannot catch a block that text closes early:
 * `if defined F (echo TLS 1.2 (server): FAILED&exit /b 1)` ends after "server" on Windows,
 * and the rest, "in the attached ...", is a fatal syntax error that stops the batch and its
 * caller.
 *
 * Written for this test from the documented rules, not from the printer's code.
 */

interface Cursor {
  line: string;
  at: number;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

function skipSpaces(c: Cursor): void {
  while (isSpace(c.line[c.at])) c.at++;
}

/** One token: up to a space, `&`, `|` or an unescaped `)` (which ends a block when depth > 0). */
function token(c: Cursor, depth: number): string {
  let out = '';
  let quoted = false;
  while (c.at < c.line.length) {
    const ch = c.line[c.at]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted) {
      if (ch === '^') {
        out += c.line.slice(c.at, c.at + 2);
        c.at += 2;
        continue;
      }
      if (ch === '>' && c.line[c.at + 1] === '&') {
        out += c.line.slice(c.at, c.at + 3);
        c.at += 3;
        continue;
      }
      if (isSpace(ch) || ch === '&' || ch === '|' || (ch === ')' && depth > 0)) break;
    }
    out += ch;
    c.at++;
  }
  return out;
}

/** Reads an if's condition: `[/i] [not] errorlevel|defined|exist X`, `A==B` or `A op B`. */
function condition(c: Cursor, depth: number): void {
  let word = '';
  do {
    skipSpaces(c);
    word = token(c, depth);
  } while (/^(\/i|not)$/i.test(word));
  if (/^(errorlevel|defined|exist)$/i.test(word)) {
    skipSpaces(c);
    token(c, depth);
  } else if (!word.includes('==')) {
    skipSpaces(c);
    const op = token(c, depth);
    if (!op.startsWith('==')) {
      skipSpaces(c);
      token(c, depth);
    } else if (op === '==') {
      skipSpaces(c);
      token(c, depth);
    }
  }
}

/** The places on a line where a block ends and something other than else/&/|/) follows. */
export function earlyBlockEnds(line: string): string[] {
  const c: Cursor = { line, at: 0 };
  const problems: string[] = [];
  let depth = 0;
  let atCommand = true;
  while (c.at < line.length) {
    skipSpaces(c);
    const ch = line[c.at];
    if (ch === undefined) break;
    if (ch === '&' || ch === '|') {
      c.at += line[c.at + 1] === ch ? 2 : 1;
      atCommand = true;
      continue;
    }
    if (ch === '(' && atCommand) {
      depth++;
      c.at++;
      continue;
    }
    if (ch === ')' && depth > 0) {
      depth--;
      c.at++;
      const rest = line.slice(c.at).trimStart();
      if (!/^($|else\b|[&|)]|[12]?>)/i.test(rest))
        problems.push(`a ) ends a block before: ${rest.slice(0, 40)}`);
      atCommand = true;
      continue;
    }
    const word = token(c, depth);
    if (!atCommand) continue;
    if (/^if$/i.test(word)) {
      condition(c, depth);
      atCommand = true;
    } else if (/^for$/i.test(word)) {
      // for [/f "options"] %%a in (set) do command: the set's parentheses are its own.
      while (c.at < line.length && !/^in$/i.test(token(c, depth))) skipSpaces(c);
      skipSpaces(c);
      let inner = 0;
      let quoted = false;
      for (; c.at < line.length; c.at++) {
        const s = line[c.at]!;
        if (s === '^') c.at++;
        else if (s === '"') quoted = !quoted;
        else if (!quoted && s === '(') inner++;
        else if (!quoted && s === ')' && --inner === 0) break;
      }
      c.at++;
      skipSpaces(c);
      token(c, depth); // do
      atCommand = true;
    } else if (/^else$/i.test(word)) atCommand = true;
    else if (/^rem$/i.test(word)) break;
    else atCommand = false;
  }
  return problems;
}
