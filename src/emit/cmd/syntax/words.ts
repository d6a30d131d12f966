import { ForVar, Name } from './names.ts';

/**
 * The pieces a CMD word is made of. The printer escapes text and identifiers, expands
 * nothing itself, and hardens the letter case of identifiers only.
 */
export type Part =
  /** Case-sensitive text (output, compared strings, data a fix writes, created value names). */
  | { kind: 'text'; value: string }
  /** Case-insensitive: commands, switches, registry paths, read or deleted value names, services. */
  | { kind: 'id'; value: string }
  /** `%name%`, or with a modifier `%name:~0,4%`, `%name:*:=%`: expanded when the line is read. */
  | { kind: 'ref'; name: Name; modifier?: string }
  /** A name as itself, not expanded: `set /a` operands, `defined`. */
  | { kind: 'name'; name: Name }
  /** A for-variable, `%~a` with modifiers "~". */
  | { kind: 'for'; variable: ForVar; modifiers: string }
  /** A batch file's argument `%~1`, or `%~dp0` with modifiers (batch dialect only). */
  | { kind: 'arg'; index: number; modifiers?: string }
  /** Parts between double quotes, where cmd's special characters are plain. */
  | { kind: 'quoted'; parts: readonly Part[] };

export type Word = readonly Part[];

/** What constructors accept for a word; how a bare string is read depends on the place. */
export type WordLike = string | Part | readonly Part[];

export function text(value: string): Part {
  return { kind: 'text', value };
}

export function id(value: string): Part {
  return { kind: 'id', value };
}

const MODIFIER = /^:(~-?\d+(,-?\d+)?|\*?[^%=]+=[^%=]*)$/;

/** `%name%`; `modifier` is `:~0,4` (substring) or `:*:=` / `:a=b` (replace). */
export function ref(name: Name, modifier?: string): Part {
  if (modifier !== undefined && !MODIFIER.test(modifier))
    throw new Error(`unsupported variable modifier: ${modifier}`);
  return modifier === undefined ? { kind: 'ref', name } : { kind: 'ref', name, modifier };
}

export function nameOf(name: Name): Part {
  return { kind: 'name', name };
}

export function forRef(variable: ForVar, modifiers = ''): Part {
  if (!/^(~[a-z]*)?$/.test(modifiers)) throw new Error(`unsupported for modifiers: ${modifiers}`);
  return { kind: 'for', variable, modifiers };
}

/** `%~1`; `arg(0, '~dp')` is `%~dp0`, the folder of the batch file itself. */
export function arg(index: number, modifiers = '~'): Part {
  if (!Number.isInteger(index) || index < 0 || index > 9) throw new Error(`bad argument ${index}`);
  if (!/^~[a-z]*$/.test(modifiers)) throw new Error(`unsupported argument modifiers: ${modifiers}`);
  return modifiers === '~' ? { kind: 'arg', index } : { kind: 'arg', index, modifiers };
}

/** `"..."`; bare strings inside are identifiers (paths, mostly). */
export function q(...parts: WordLike[]): Part {
  return { kind: 'quoted', parts: parts.flatMap((p) => toWord(p, 'id')) };
}

/** `"..."` around case-sensitive text. */
export function qt(...parts: WordLike[]): Part {
  return { kind: 'quoted', parts: parts.flatMap((p) => toWord(p, 'text')) };
}

/** Concatenates parts into one word; bare strings are identifiers. */
export function word(...parts: WordLike[]): Word {
  return parts.flatMap((p) => toWord(p, 'id'));
}

/** Concatenates parts into one word; bare strings are case-sensitive text. */
export function textWord(...parts: WordLike[]): Word {
  return parts.flatMap((p) => toWord(p, 'text'));
}

export function toWord(like: WordLike, bare: 'id' | 'text'): Word {
  if (typeof like === 'string') return like === '' ? [] : [bare === 'id' ? id(like) : text(like)];
  if (isPart(like)) return [like];
  return like as Word;
}

function isPart(like: Part | readonly Part[]): like is Part {
  return !Array.isArray(like);
}

/** Every name a word expands with %..% (its reads), quoted parts included. */
export function refsOf(word: Word): Name[] {
  return word.flatMap((p) =>
    p.kind === 'ref' ? [p.name] : p.kind === 'quoted' ? refsOf(p.parts) : [],
  );
}

/** Every name a word contains expanded or not (member names by their suffix for-variable). */
export function forVarsOf(word: Word): ForVar[] {
  return word.flatMap((p) =>
    p.kind === 'for' ? [p.variable] : p.kind === 'quoted' ? forVarsOf(p.parts) : [],
  );
}
