/**
 * A read unit: what cmd.exe reads and %-expands before it runs any of it. That is one line,
 * or, when a line leaves a parenthesised block open, every line up to the one that closes
 * it, in a batch file and at the prompt alike (the prompt asks "More?" and runs nothing
 * until the block is closed; Raymond Chen, "Environment variable expansion occurs when the
 * command is read", https://devblogs.microsoft.com/oldnewthing/20060823-00/?p=29993).
 */
import type { Environment } from './environment.ts';
import { type Ch, type Dialect, newline } from './model.ts';
import { NeedsMoreLines, parseUnit, type Parsed } from './parser.ts';
import { declaredForVariables, expandPercents, type Read } from './percent.ts';

export interface PhysicalLine {
  line: number;
  raw: string;
  /** Characters after percent expansion, where the value of every variable is known. */
  expandedLength: number;
}

export interface Unit extends Parsed {
  dialect: Dialect;
  /** %-reads, with `at` an index into `chars`. */
  reads: Read[];
  lonePercents: { line: number; text: string }[];
  parameters: { line: number; text: string }[];
  forDeclarations: { line: number; letter: string; percents: string }[];
  lines: PhysicalLine[];
  /** Delayed expansion was on when the unit was read. */
  delayedExpansion: boolean;
  /** Upper-case names the script cleared before this unit and may still be undefined. */
  maybeCleared: ReadonlySet<string>;
}

/** Reads the unit starting at lines[from] (blank lines skipped); undefined at the end. */
export function readUnit(
  lines: readonly string[],
  from: number,
  dialect: Dialect,
  env: Environment,
): { unit: Unit; next: number } | undefined {
  let i = from;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i >= lines.length) return undefined;
  const expanded: Ch[] = [];
  const unit: Omit<Unit, keyof Parsed> = {
    dialect,
    reads: [],
    lonePercents: [],
    parameters: [],
    forDeclarations: [],
    lines: [],
    delayedExpansion: env.delayedExpansion,
    maybeCleared: env.maybeCleared(),
  };
  const forVariables = new Set<string>();
  for (;;) {
    const raw = lines[i]!;
    const line = ++i;
    for (const v of declaredForVariables(raw)) {
      forVariables.add(v.letter);
      unit.forDeclarations.push({ line, ...v });
    }
    const e = expandPercents(raw, line, dialect, env, forVariables);
    unit.reads.push(...e.reads.map((r) => ({ ...r, at: r.at + expanded.length })));
    unit.lonePercents.push(...e.lonePercents.map((text) => ({ line, text })));
    unit.parameters.push(...e.parameters.map((text) => ({ line, text })));
    unit.lines.push({
      line,
      raw,
      expandedLength: e.chars.some((ch) => ch.opaque) ? 0 : e.chars.length,
    });
    expanded.push(...e.chars);
    // A caret at the end of a line escapes the line end: the next line continues this one.
    if (/(^|[^^])(\^\^)*\^$/.test(raw) && i < lines.length) continue;
    try {
      const parsed = parseUnit(expanded, i >= lines.length);
      const reads = unit.reads.map((r) => ({ ...r, at: parsed.position[r.at] ?? r.at }));
      return { unit: { ...unit, ...parsed, reads }, next: i };
    } catch (e) {
      if (!(e instanceof NeedsMoreLines)) throw e;
      expanded.push(newline(line));
    }
  }
}
