import {
  ForVar,
  Name,
  errToNul,
  forCommand,
  forIn,
  forRef,
  id,
  nameOf,
  q,
  run,
  set,
  setComputed,
  text,
  type Command,
  type WordLike,
} from '../syntax/index.ts';
import { clearFamilies, type Reads } from './reads.ts';

/**
 * Reads every value of a key at once: member `<name>` of the returned family holds
 * "<TYPE>:<data>", undefined when the value is absent (one reg process for all values).
 * Keys that differ in one word (`...\TLS 1.0\Server`, `...\TLS 1.2\Server`) are read by
 * one loop into one family, as members `<word>_<name>` (see keyGroups).
 */
function readKey(r: Reads, key: string): { values: Name; prefix: string } {
  const group = groupsOf(r).get(key);
  const fact = group ? `keys:${group.prefix}|${group.suffix}` : `key:${key}`;
  const values = r.fact(fact, () => {
    const values = Name.generated(`values of ${key}`);
    const a = new ForVar('a');
    const data = [forRef(a.next()), text(':'), forRef(a.next(2))];
    const query = (...path: WordLike[]) => run(['reg', 'query', [q(...path)]], [errToNul]);
    let read: Command;
    if (group) {
      const k = new ForVar('k');
      read = forIn(
        k,
        group.words.map((w) => [id(w)]),
        forCommand(
          a,
          'tokens=1,2*',
          query(group.prefix, forRef(k), group.suffix),
          setComputed([nameOf(values), text('_'), forRef(k), text('_'), forRef(a)], data, [values]),
        ),
      );
    } else read = forCommand(a, 'tokens=1,2*', query(key), set(values.member(a), data));
    r.dataFamilies.push(values);
    return {
      value: values,
      commands: r.startsClean ? [read] : [clearFamilies([values]), read],
    };
  });
  return { values, prefix: group ? `${group.word}_` : '' };
}

/** One value of a key (read with all of the key's values), as "<TYPE>:<data>". */
export function registryValue(r: Reads, key: string, name: string): Name {
  if (/\s/.test(name)) throw new Error(`CMD cannot read value names with spaces: ${name}`);
  const { values, prefix } = readKey(r, key);
  return values.member(prefix + name);
}

export interface KeyGroup {
  prefix: string;
  suffix: string;
  /** The words that tell the keys apart, in the order their keys were given. */
  words: string[];
}

const WORD = /^[A-Za-z0-9]+$/;
const isWordCharacter = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/**
 * Groups keys that are the same but for one word between non-word characters, so that one
 * `for` loop reads them all: `...\TLS 1.` + 0|1|2 + `\Server`. Each key's entry names its
 * group and its word; keys alone in their shape are left out.
 */
export function keyGroups(keys: readonly string[]): Map<string, KeyGroup & { word: string }> {
  const unique = [...new Set(keys)];
  const shapes = new Map<string, { prefix: string; suffix: string; keys: Set<string> }>();
  for (const [i, a] of unique.entries())
    for (const b of unique.slice(i + 1)) {
      const split = splitOnWord(a, b);
      if (!split) continue;
      const shape = `${split.prefix}\u0000${split.suffix}`;
      const entry = shapes.get(shape) ?? { ...split, keys: new Set<string>() };
      entry.keys.add(a).add(b);
      shapes.set(shape, entry);
    }
  const groups = new Map<string, KeyGroup & { word: string }>();
  for (const { prefix, suffix, keys: members } of [...shapes.values()].sort(
    (x, y) => y.keys.size - x.keys.size,
  )) {
    const free = unique.filter((k) => members.has(k) && !groups.has(k));
    if (free.length < 2) continue;
    const words = free.map((k) => k.slice(prefix.length, k.length - suffix.length));
    free.forEach((k, i) => groups.set(k, { prefix, suffix, words, word: words[i]! }));
  }
  return groups;
}

function splitOnWord(a: string, b: string): { prefix: string; suffix: string } | undefined {
  let p = 0;
  while (p < a.length && p < b.length && a[p]!.toLowerCase() === b[p]!.toLowerCase()) p++;
  while (p > 0 && isWordCharacter(a[p - 1])) p--;
  let s = 0;
  while (
    s < a.length - p &&
    s < b.length - p &&
    a[a.length - 1 - s]!.toLowerCase() === b[b.length - 1 - s]!.toLowerCase()
  )
    s++;
  while (s > 0 && isWordCharacter(a[a.length - s])) s--;
  const wordA = a.slice(p, a.length - s);
  const wordB = b.slice(p, b.length - s);
  if (!WORD.test(wordA) || !WORD.test(wordB)) return undefined;
  return { prefix: a.slice(0, p), suffix: a.slice(a.length - s) };
}

const groups = new WeakMap<Reads, Map<string, KeyGroup & { word: string }>>();

function groupsOf(r: Reads): Map<string, KeyGroup & { word: string }> {
  let found = groups.get(r);
  if (!found) groups.set(r, (found = keyGroups(r.keys)));
  return found;
}
