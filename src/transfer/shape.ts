import { hardenedText } from '../emit/cmd/syntax/index.ts';

/**
 * Text shaping for the Serial Console, which doubles or drops a character that repeats the
 * one before it: the payload's spacing, and the choice of hash windows that can be typed
 * without such a pair. The CMD around them is printed by the CMD target's printer, which
 * hardens letter case and separates other pairs with a caret (./commands.ts).
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

export interface HashWindow {
  /** The window as certutil prints it on Windows 10 / Server 2016 and later (lower case). */
  compact: string;
  /** The same bytes as Windows 8.1 / Server 2012 R2 print them (separated by spaces). */
  spaced: string;
  /** Neither layout repeats a character once typed (findstr /i: its letters are hardened). */
  clean: boolean;
}

/** A case-insensitive word as the CMD printer types it: letters that repeat change case. */
function typed(word: string): string {
  return hardenedText([{ text: word, ci: true, nameable: false }]);
}

/**
 * A run of `bytes` whole bytes of a hex digest, chosen so that neither of certutil's two
 * layouts repeats a character once typed. Falls back to the first window when every window
 * has a repeated digit.
 */
export function hashWindow(hex: string, bytes: number): HashWindow {
  const digits = hex.toLowerCase();
  const windows: HashWindow[] = [];
  for (let at = 0; at + bytes * 2 <= digits.length; at += 2) {
    const pairs = digits.slice(at, at + bytes * 2).match(/../g)!;
    const compact = pairs.join('');
    const spaced = pairs.join(' ');
    const pairsLeft = repeatedPairs(typed(compact)) + repeatedPairs(typed(spaced));
    windows.push({ compact, spaced, clean: pairsLeft === 0 });
  }
  return windows.find((w) => w.clean) ?? windows[0]!;
}
