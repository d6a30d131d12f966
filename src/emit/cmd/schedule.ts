import { setsOf } from './syntax/analysis.ts';
import { Name, plainText, type Command, type Line } from './syntax/index.ts';

/**
 * Packs statements into paste blocks of lines, filling each block as far as it goes: a
 * statement may run earlier than written when it shares no variable with the statements it
 * passes (cmd's expansion makes variables the only way statements of one section affect each
 * other; anything else is a section boundary, which nothing crosses).
 */

/** Statements printed on one line, in order. */
export type Group = Command[];

export interface Packing {
  limit: number;
  /** Characters of block k that are not its statements (frame, start, definitions). */
  fixed(block: number): number;
  /** The lines a group prints as in block k, or undefined where the printer refuses it. */
  print(block: number, group: Group): Line[] | undefined;
  /** Characters the abbreviation will save on a statement. */
  savings(statement: Command): number;
  /** A line is not lengthened past this (long lines waste more at a block's end). */
  lineCap: number;
}

/** How far ahead of the first unplaced statement a block looks for one that fits. */
const LOOKAHEAD = 40;

/** Every variable a command mentions: read, set, tested with `defined`, used by name. */
function mentions(command: Command): Set<Name> {
  const found = new Set<Name>();
  const visit = (value: unknown): void => {
    if (value instanceof Name) found.add(value.root);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(command);
  return found;
}

/**
 * For each statement, the earlier ones it must follow: those that set a variable it
 * mentions, or mention a variable it sets.
 */
export function dependencies(statements: readonly Command[]): Set<number>[] {
  const lastSet = new Map<Name, number>();
  const readSince = new Map<Name, number[]>();
  return statements.map((statement, j) => {
    const deps = new Set<number>();
    const sets = setsOf(statement);
    for (const name of mentions(statement)) {
      const writer = lastSet.get(name);
      if (writer !== undefined) deps.add(writer);
      if (sets.has(name)) for (const reader of readSince.get(name) ?? []) deps.add(reader);
    }
    for (const name of mentions(statement))
      if (sets.has(name)) {
        lastSet.set(name, j);
        readSince.set(name, []);
      } else {
        const readers = readSince.get(name);
        if (readers) readers.push(j);
        else readSince.set(name, [j]);
      }
    return deps;
  });
}

const lineLength = (line: Line) => plainText(line).length + 2;
const linesLength = (lines: readonly Line[]) => lines.reduce((n, l) => n + lineLength(l), 0);

export function pack(sections: readonly (readonly Command[])[], p: Packing): Group[][] {
  const statements = sections.flat();
  const sectionOf = sections.flatMap((s, i) => s.map(() => i));
  const deps = dependencies(statements);
  const placed = new Set<number>();
  const ready = (i: number) => [...deps[i]!].every((d) => placed.has(d));
  const size = (block: number, group: Group) => {
    const lines = p.print(block, group);
    if (!lines) return undefined;
    return { lines, chars: linesLength(lines) - group.reduce((n, s) => n + p.savings(s), 0) };
  };
  // What a statement adds at least, joined or not: its bare line, less the CRLF, plus `&`.
  const least = statements.map((s) => {
    const alone = size(1, [s]);
    if (!alone) throw new Error(`the printer refuses a statement: ${JSON.stringify(s)}`);
    return alone.chars - 1;
  });
  const blocks: Group[][] = [];
  let next = 0;
  for (let block = 1; next < statements.length; block++) {
    const groups: Group[] = [];
    let used = p.fixed(block);
    let last: { lines: Line[]; chars: number } | undefined;
    const place = (i: number): boolean => {
      const statement = statements[i]!;
      const group = groups[groups.length - 1];
      if (group && last) {
        const joined = size(block, [...group, statement]);
        if (
          joined &&
          joined.lines.length <= last.lines.length &&
          joined.lines.every((l) => lineLength(l) <= p.lineCap) &&
          used - last.chars + joined.chars <= p.limit
        ) {
          groups[groups.length - 1] = [...group, statement];
          used += joined.chars - last.chars;
          last = joined;
          return true;
        }
      }
      const alone = size(block, [statement])!;
      if (used + alone.chars > p.limit) return false;
      groups.push([statement]);
      used += alone.chars;
      last = alone;
      return true;
    };
    for (;;) {
      while (placed.has(next)) next++;
      if (next >= statements.length) break;
      let added = false;
      for (let i = next, seen = 0; i < statements.length && seen < LOOKAHEAD; i++) {
        if (placed.has(i)) continue;
        if (sectionOf[i] !== sectionOf[next]) break;
        seen++;
        if (used + least[i]! > p.limit || !ready(i) || !place(i)) continue;
        placed.add(i);
        added = true;
        break;
      }
      if (!added) break;
    }
    if (groups.length === 0)
      throw new Error(`a statement does not fit in one paste block (block ${block})`);
    blocks.push(groups);
  }
  return blocks;
}
