/**
 * Text shaping for the Serial Console, which doubles or drops a character that repeats the
 * one before it. These helpers keep generated paste text free of such pairs wherever the
 * meaning allows it, and count the pairs that remain.
 */

/** Adjacent identical characters, e.g. 'aab' has 1, 'aaa' has 2. */
export function repeatedPairs(text: string): number {
  let pairs = 0;
  for (let i = 1; i < text.length; i++) if (text[i] === text[i - 1]) pairs++;
  return pairs;
}

/**
 * Base64 with a space between two identical characters. CryptStringToBinary (certutil
 * -decode) skips spaces anywhere in base64, so the bytes are unchanged and no character
 * repeats the one before it.
 */
export function spacedBase64(bytes: Buffer): string {
  const plain = bytes.toString('base64');
  let out = '';
  for (let i = 0; i < plain.length; i++) {
    if (i > 0 && plain[i] === plain[i - 1]) out += ' ';
    out += plain[i];
  }
  return out;
}

/**
 * An unquoted cmd word: special characters escaped with a caret, and a caret between two
 * identical characters ('11' -> '1^1'), which cmd removes when it parses the line.
 */
export function cmdWord(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const escaped = /[&|<>^()]/.test(c) ? '^' + c : c;
    if (i > 0 && c === text[i - 1] && !escaped.startsWith('^')) out += '^';
    out += escaped;
  }
  return out;
}

/** Flips the case of a letter that would repeat the previous one (for case-insensitive text). */
export function alternateCase(text: string): string {
  let out = '';
  for (const c of text) {
    const prev = out[out.length - 1];
    out += prev === c && c.toUpperCase() !== c.toLowerCase() ? flip(c) : c;
  }
  return out;
}

function flip(c: string): string {
  return c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
}

export interface HashWindow {
  /** The window as certutil prints it on Windows 10 / Server 2016 and later. */
  compact: string;
  /** The same bytes as Windows 8.1 / Server 2012 R2 print them (separated by spaces). */
  spaced: string;
  /** No character of either layout repeats the one before it. */
  clean: boolean;
}

/**
 * A run of `bytes` whole bytes of a hex digest, chosen so that neither of certutil's two
 * layouts repeats a character (letters take alternating case, compared with findstr /i).
 * Falls back to the first window when every window has a repeated digit.
 */
export function hashWindow(hex: string, bytes: number): HashWindow {
  const digits = hex.toLowerCase();
  const windows: HashWindow[] = [];
  for (let at = 0; at + bytes * 2 <= digits.length; at += 2) {
    const pairs = digits.slice(at, at + bytes * 2).match(/../g)!;
    const compact = alternateCase(pairs.join(''));
    const spaced = pairs.map(alternateCase).join(' ');
    windows.push({ compact, spaced, clean: repeatedPairs(compact) + repeatedPairs(spaced) === 0 });
  }
  return windows.find((w) => w.clean) ?? windows[0]!;
}
