/**
 * A printed line as chunks of characters that share two facts: whether hardening may change
 * their letter case (ci), and whether the abbreviation may name them (quoted plain text).
 */
export interface Chunk {
  text: string;
  ci: boolean;
  nameable: boolean;
}

export type Line = Chunk[];

export function push(line: Line, text: string, ci: boolean, nameable = false): void {
  if (text === '') return;
  const last = line[line.length - 1];
  if (last && last.ci === ci && last.nameable === nameable) last.text += text;
  else line.push({ text, ci, nameable });
}

export function plainText(line: Line): string {
  return line.map((c) => c.text).join('');
}

function flip(c: string): string {
  return c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
}

const isLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/**
 * The line's text with the Serial Console's letter-case defence: a case-insensitive letter
 * that repeats its neighbour takes the other case, so no two identical letters touch (the
 * console has been seen to double or drop them). Case-sensitive text is never changed; a
 * case-insensitive letter next to one changes instead.
 */
export function hardenedText(line: Line): string {
  const chars: string[] = [];
  const ci: boolean[] = [];
  for (const chunk of line)
    for (const c of chunk.text) {
      chars.push(c);
      ci.push(chunk.ci && isLetter(c));
    }
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
  return chars.join('');
}

/** Pairs of identical adjacent characters, line ends excluded. */
export function repeatedPairs(text: string): number {
  let count = 0;
  for (let i = 1; i < text.length; i++)
    if (text[i] === text[i - 1] && text[i] !== '\r' && text[i] !== '\n') count++;
  return count;
}
