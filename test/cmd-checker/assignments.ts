/**
 * Which variables a command sets, as Microsoft's `set /?` documents the forms: `set v=x`,
 * `set "v=x"`, `set /a v=expr, w+=expr`, `set /p v=prompt`. A name built from a
 * for-variable or an unknown value (`set _K1_%a=...`, `set _%_W1%1=...`) is a pattern.
 */
import { type Ch, textOf } from './model.ts';
import { commandName, type Simple } from './syntax.ts';

export interface Assignment {
  /** The name as written, for messages. */
  name: string;
  /** Matches every variable name the command may set (case-insensitive). */
  pattern: RegExp;
  /** True when the name is a pattern rather than one name. */
  wildcard: boolean;
  /** The literal value, when `set` gives one the checker can know. */
  value?: string;
}

const ARITHMETIC_TARGET =
  /([A-Za-z_$#@.\u0000][^\s=+\-*/%&|^<>!~(),"]*)\s*(?:<<|>>|[+\-*/%&|^])?=(?!=)/g;

export function assignments(simple: Simple): Assignment[] {
  if (commandName(simple) !== 'set') return [];
  const args = trimStart(simple.args);
  const switchMatch = /^\/([ap])\s*/i.exec(textOf(args.slice(0, 4)));
  if (switchMatch) {
    const rest = args.slice(switchMatch[0].length);
    if (switchMatch[1]!.toLowerCase() === 'p') {
      const name = nameBefore(unquote(rest));
      return name ? [named(name)] : [];
    }
    const expression = rest.map((ch) => (isWildcard(ch, rest) ? '\u0000' : ch.c)).join('');
    return [...expression.replace(/"/g, '').matchAll(ARITHMETIC_TARGET)].map((m) =>
      named(toCharsLike(m[1]!)),
    );
  }
  const chars = unquote(args);
  const name = nameBefore(chars);
  if (!name) return [];
  const valueChars = chars.slice(name.length + 1);
  const assignment = named(name);
  if (!assignment.wildcard && !valueChars.some((ch) => ch.opaque))
    assignment.value = textOf(valueChars);
  return [assignment];
}

function trimStart(chars: readonly Ch[]): Ch[] {
  let k = 0;
  while (k < chars.length && /^[ \t]$/.test(chars[k]!.c)) k++;
  return chars.slice(k);
}

/** `"v=x" rest` -> `v=x` (up to the last quote), as set does; otherwise unchanged. */
function unquote(chars: readonly Ch[]): Ch[] {
  if (chars[0]?.c !== '"') return [...chars];
  let last = chars.length - 1;
  while (last > 0 && chars[last]!.c !== '"') last--;
  return chars.slice(1, last > 0 ? last : chars.length);
}

/** The characters before the first =, or undefined when there is no = (set only displays). */
function nameBefore(chars: readonly Ch[]): Ch[] | undefined {
  const equals = chars.findIndex((ch) => ch.c === '=' && !ch.opaque);
  return equals > 0 ? chars.slice(0, equals) : undefined;
}

/** A for-variable (%a, %~a) or an unknown value inside a name: any text. */
function isWildcard(ch: Ch, all: readonly Ch[]): boolean {
  if (ch.opaque) return true;
  const at = all.indexOf(ch);
  const before = all[at - 1];
  return (
    (ch.c === '%' && /^[~A-Za-z]$/.test(all[at + 1]?.c ?? '')) ||
    (before?.c === '%' && /^[~A-Za-z]$/.test(ch.c)) ||
    (before?.c === '~' && all[at - 2]?.c === '%')
  );
}

function toCharsLike(name: string): Ch[] {
  return [...name].map((c) => (c === '\u0000' ? { c, line: 0, opaque: true } : { c, line: 0 }));
}

function named(nameChars: readonly Ch[]): Assignment {
  let source = '';
  let wildcard = false;
  for (const ch of nameChars) {
    if (isWildcard(ch, nameChars)) {
      if (!source.endsWith('.*')) source += '.*';
      wildcard = true;
    } else source += ch.c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return {
    name: textOf(nameChars),
    pattern: new RegExp(`^${source}$`, 'i'),
    wildcard,
  };
}
