import { push, type Chunk, type Line } from './chunks.ts';
import type { Name, Namer } from './names.ts';

/**
 * Shortens printed paste lines by naming text that repeats: `set "_a=<text>"` once, then
 * `%_a%` wherever the text stood. The Serial Console takes 2,048 characters per paste, and
 * fixes and the diagnosis repeat registry roots and paths many times.
 *
 * Only quoted plain text is named (the printer marks it nameable), where no character is
 * special to cmd: Wine's cmd (the test interpreter) expands variables after splitting a line
 * into commands and operands while Windows expands first, so an unquoted name would be read
 * differently by the two. Case-sensitive and case-insensitive text are named apart, so
 * hardening treats the definition as it treated the text.
 */

const MIN_LENGTH = 6;
const MAX_LENGTH = 120;
/**
 * Longer scripts are left as they are: the search grows with the square of the text, while
 * dozens of names save only a few of a long script's many pastes.
 */
export const SEARCHED_UP_TO = 100_000;

export interface Definition {
  name: Name;
  /** `set "<name>=<text>"` */
  line: Line;
  /** The text it names, and whether that text was case-insensitive. */
  text: string;
  ci: boolean;
  reference: string;
}

export interface Abbreviated {
  definitions: Definition[];
  lines: Line[];
  /** For each line, the definitions it uses. */
  uses: Set<Definition>[];
}

interface At {
  chunk: number;
  offset: number;
}

const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** For one line: each nameable text (keyed by case class + text) and where it stands. */
function candidates(line: Line): Map<string, At[]> {
  const found = new Map<string, At[]>();
  const lastEnd = new Map<string, number>();
  let base = 0;
  line.forEach((chunk, index) => {
    const t = chunk.text;
    if (chunk.nameable)
      for (let s = 0; s < t.length; s++) {
        if (s > 0 && isWord(t[s - 1]) && isWord(t[s])) continue;
        const last = Math.min(t.length, s + MAX_LENGTH);
        for (let e = s + MIN_LENGTH; e <= last; e++) {
          if (e < t.length && isWord(t[e - 1]) && isWord(t[e])) continue;
          const key = `${chunk.ci ? 'C' : 'L'}${t.slice(s, e)}`;
          // Non-overlapping occurrences only.
          if ((lastEnd.get(key) ?? -1) > base + s) continue;
          lastEnd.set(key, base + e);
          const list = found.get(key);
          if (list) list.push({ chunk: index, offset: s });
          else found.set(key, [{ chunk: index, offset: s }]);
        }
      }
    base += t.length;
  });
  return found;
}

function replace(line: Line, at: readonly At[], length: number, reference: string): Line {
  const out = line.map((c) => ({ ...c }));
  for (const { chunk, offset } of [...at].sort(
    (a, b) => b.chunk - a.chunk || b.offset - a.offset,
  )) {
    const c = out[chunk]!;
    const pieces: Chunk[] = [
      { ...c, text: c.text.slice(0, offset) },
      { text: reference, ci: true, nameable: false },
      { ...c, text: c.text.slice(offset + length) },
    ].filter((p) => p.text !== '');
    out.splice(chunk, 1, ...pieces);
  }
  return out;
}

/**
 * Names the repeated text of `lines`, most characters saved first, with fresh names from
 * the script's namer. Returns the lines unchanged when nothing pays. `budget` caps the
 * characters of the definitions (a staged script prints them all in its first block).
 */
export function abbreviate(
  lines: readonly Line[],
  namer: Namer,
  budget = Number.POSITIVE_INFINITY,
): Abbreviated {
  const current = lines.map((l) => l.map((c) => ({ ...c })));
  const uses = current.map(() => new Set<Definition>());
  const size = current.reduce((n, l) => n + l.reduce((m, c) => m + c.text.length, 0), 0);
  if (size > SEARCHED_UP_TO) return { definitions: [], lines: current, uses };
  const perLine = current.map(candidates);
  const totals = new Map<string, number>();
  const count = (map: Map<string, At[]>, sign: 1 | -1) => {
    for (const [key, at] of map) totals.set(key, (totals.get(key) ?? 0) + sign * at.length);
  };
  perLine.forEach((map) => count(map, 1));
  const definitions: Definition[] = [];
  let spent = 0;
  for (;;) {
    const printed = namer.peek();
    const reference = printed.length + 2;
    const overhead = printed.length + 9; // set "<name>=" + '"' + CRLF
    let best: { key: string; saved: number } | undefined;
    for (const [key, n] of totals) {
      if (n < 2) continue;
      const length = key.length - 1;
      const saved = n * (length - reference) - (length + overhead);
      if (saved > 0 && (!best || saved > best.saved)) best = { key, saved };
    }
    if (!best || spent + best.key.length + overhead > budget) break;
    spent += best.key.length + overhead;
    const { name } = namer.fresh('abbreviation');
    const text = best.key.slice(1);
    const ci = best.key.startsWith('C');
    const line: Line = [];
    push(line, 'set "', true);
    push(line, printed, true);
    push(line, '=', false);
    push(line, text, ci);
    push(line, '"', false);
    const definition = { name, line, text, ci, reference: `%${printed}%` };
    definitions.push(definition);
    perLine.forEach((map, index) => {
      const at = map.get(best.key);
      if (!at) return;
      current[index] = replace(current[index]!, at, text.length, `%${printed}%`);
      uses[index]!.add(definition);
      count(map, -1);
      perLine[index] = candidates(current[index]!);
      count(perLine[index], 1);
    });
  }
  return { definitions, lines: current, uses };
}

/**
 * Uses existing definitions in another line (a block's framing lines, printed per block):
 * their text is replaced where it stands whole in quoted plain text of the same case class.
 */
export function applyDefinitions(
  line: Line,
  definitions: readonly Definition[],
): { line: Line; uses: Set<Definition> } {
  let current = line;
  const uses = new Set<Definition>();
  for (const d of definitions) {
    const at: At[] = [];
    current.forEach((chunk, index) => {
      if (!chunk.nameable || chunk.ci !== d.ci) return;
      const t = chunk.text;
      let s = t.indexOf(d.text);
      while (s >= 0) {
        const e = s + d.text.length;
        const whole =
          !(s > 0 && isWord(t[s - 1]) && isWord(t[s])) &&
          !(e < t.length && isWord(t[e - 1]) && isWord(t[e]));
        if (whole) at.push({ chunk: index, offset: s });
        s = t.indexOf(d.text, whole ? e : s + 1);
      }
    });
    if (at.length === 0) continue;
    current = replace(current, at, d.text.length, d.reference);
    uses.add(d);
  }
  return { line: current, uses };
}
