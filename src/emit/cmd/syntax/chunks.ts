/**
 * A printed line as chunks of characters that share these facts: whether hardening may change
 * their letter case (ci), whether the abbreviation may name them (quoted plain text), and
 * whether a caret may stand before them (splittable: unquoted plain text, where cmd's parse
 * removes a caret before an ordinary character and keeps the character).
 */
export interface Chunk {
  text: string;
  ci: boolean;
  nameable: boolean;
  splittable?: boolean;
}

export type Line = Chunk[];

export function push(
  line: Line,
  text: string,
  ci: boolean,
  nameable = false,
  splittable = false,
): void {
  if (text === '') return;
  const last = line[line.length - 1];
  if (
    last &&
    last.ci === ci &&
    last.nameable === nameable &&
    (last.splittable ?? false) === splittable
  )
    last.text += text;
  else line.push(splittable ? { text, ci, nameable, splittable } : { text, ci, nameable });
}

export function plainText(line: Line): string {
  return line.map((c) => c.text).join('');
}

function flip(c: string): string {
  return c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
}

const isLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

export interface RenderOptions {
  /**
   * Also put a caret between two identical characters that hardening left touching, where
   * cmd removes it again (unquoted letters, digits and . - _ \ / : +): `c11` -> `c1^1`.
   */
  caretSplit?: boolean;
  /**
   * For text that never passes the console (a file that travels inside a cabinet): its
   * case-insensitive letters in lower case instead of hardened, which compresses better.
   */
  lowerCase?: boolean;
}

/** Characters that read the same with a caret before them, outside quotes. */
const PLAIN = /[A-Za-z0-9._\-\\/:+]/;

/**
 * The line's text with the Serial Console's letter-case defence: a case-insensitive letter
 * that repeats its neighbour takes the other case, so no two identical letters touch (the
 * console has been seen to double or drop them). Case-sensitive text is never changed; a
 * case-insensitive letter next to one changes instead. With caretSplit, pairs that remain
 * in unquoted plain text are separated by a caret.
 */
export function hardenedText(line: Line, options: RenderOptions = {}): string {
  const chars: string[] = [];
  const ci: boolean[] = [];
  const splittable: boolean[] = [];
  for (const chunk of line)
    for (const c of chunk.text) {
      chars.push(c);
      ci.push(chunk.ci && isLetter(c));
      splittable.push((chunk.splittable ?? false) && PLAIN.test(c));
    }
  if (options.lowerCase) return chars.map((c, i) => (ci[i] ? c.toLowerCase() : c)).join('');
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
  if (options.caretSplit)
    for (let i = chars.length - 1; i > 0; i--)
      if (splittable[i] && chars[i] === chars[i - 1]) chars[i] = '^' + chars[i];
  return chars.join('');
}

/** Pairs of identical adjacent characters, line ends excluded. */
export function repeatedPairs(text: string): number {
  let count = 0;
  for (let i = 1; i < text.length; i++)
    if (text[i] === text[i - 1] && text[i] !== '\r' && text[i] !== '\n') count++;
  return count;
}
