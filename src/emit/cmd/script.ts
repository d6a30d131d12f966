/**
 * The one CMD rendering and its two dialects.
 *
 * Renderers write lines with three kinds of markers, resolved here:
 * - lit(): case-sensitive text (output, XPath, compared strings) that paste hardening must
 *   not touch;
 * - v(): a for-loop variable, `%a` when pasted into an interactive cmd, `%%a` in a .cmd file;
 * - PCT: a percent sign that must reach the command literally (`%%` in a file).
 * Everything else is case-insensitive (commands, switches, registry paths, value names,
 * service names, environment variable names) and gets its case alternated so that no two
 * identical letters touch: the Serial Console has been seen to double or drop them.
 */

export type Dialect = 'paste' | 'batch';

export const LIT_OPEN = '\u0001';
export const LIT_CLOSE = '\u0002';
export const FOR_VAR = '\u0003';
export const PCT = '\u0004';
export const FOR_VAR_END = '\u0005';

/** Case-sensitive text: left exactly as written. */
export function lit(text: string): string {
  return LIT_OPEN + text + LIT_CLOSE;
}

/** A for-loop variable (one letter), optionally with modifiers such as "~". */
export function v(letter: string, modifiers = ''): string {
  if (!/^[a-z]$/.test(letter)) throw new Error(`for variable must be one letter: ${letter}`);
  if (!/^~?[a-z]*$/.test(modifiers)) throw new Error(`unsupported for modifiers: ${modifiers}`);
  return FOR_VAR + modifiers + letter + FOR_VAR_END;
}

export interface RenderedScript {
  text: string;
  /** Adjacent identical characters left in the text (data, numbers, `==`). */
  repeatedPairs: number;
  /** For each character of text, whether hardening was allowed to change its case. */
  caseInsensitive: boolean[];
}

function flip(c: string): string {
  return c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
}

const isLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/** Resolves markers for one dialect and hardens the case-insensitive parts. */
export function renderScript(lines: readonly string[], dialect: Dialect): RenderedScript {
  const out: string[] = [];
  const ci: boolean[] = [];
  for (const [index, line] of lines.entries()) {
    if (index > 0) {
      out.push('\r', '\n');
      ci.push(false, false);
    }
    let literal = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === LIT_OPEN || c === LIT_CLOSE) {
        literal = c === LIT_OPEN;
        continue;
      }
      if (c === FOR_VAR) {
        // Modifiers (~, ~z ...) then the variable letter, which the renderer put last.
        const end = line.indexOf(FOR_VAR_END, i);
        const name = line.slice(i + 1, end);
        i = end;
        for (const ch of dialect === 'batch' ? `%%${name}` : `%${name}`) {
          out.push(ch);
          ci.push(false);
        }
        continue;
      }
      if (c === PCT) {
        for (const ch of dialect === 'batch' ? '%%' : '%^') {
          out.push(ch);
          ci.push(false);
        }
        continue;
      }
      out.push(c);
      ci.push(!literal && isLetter(c));
    }
  }
  harden(out, ci);
  const text = out.join('');
  return { text, repeatedPairs: repeatedPairs(text), caseInsensitive: ci };
}

function harden(chars: string[], ci: boolean[]): void {
  for (let i = 0; i < chars.length; i++) {
    if (!ci[i]) continue;
    const c = chars[i]!;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (prev === c || (next === c && !ci[i + 1])) {
      const flipped = flip(c);
      if (prev !== flipped && !(next === flipped && !ci[i + 1])) chars[i] = flipped;
    }
  }
}

/** Pairs of identical adjacent characters, line ends excluded. */
export function repeatedPairs(text: string): number {
  let count = 0;
  for (let i = 1; i < text.length; i++)
    if (text[i] === text[i - 1] && text[i] !== '\r' && text[i] !== '\n') count++;
  return count;
}
