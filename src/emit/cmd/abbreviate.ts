import { FOR_VAR, FOR_VAR_END, LIT_CLOSE, LIT_OPEN, lit } from './script.ts';

/**
 * Shortens a paste-dialect script by naming text that repeats: `set "_a=<text>"` once, then
 * `%_a%` wherever the text stood. The Serial Console takes 2,048 characters per paste, and a
 * diagnosis repeats registry roots, XPath windows and temp paths many times.
 *
 * Only text inside double quotes is named, where no character is special to cmd: Wine's cmd
 * (the test interpreter) expands variables after it has split a line into commands,
 * redirections and operands, while Windows expands first, so unquoted names would be read
 * differently (Wine does not expand `if defined _K1_%_2%`, nor run a named `if`).
 * Never named: quotes, `%` (variable references), `!`, `^`, for-variables and other markers.
 */

/** script.ts's markers (\u0001-\u0005) and this file's own, around a name while it searches. */
const MARKERS = /[\u0001-\u0007]/;
const REF_OPEN = '\u0006';
const REF_CLOSE = '\u0007';
const NEVER = /["%!^\r\n]/;

const MIN_LENGTH = 6;
const MAX_LENGTH = 120;
/** `set "_a=` + `"` + CRLF. */
const DEFINITION_OVERHEAD = 11;
/** `%_a%`. */
const REFERENCE_LENGTH = 4;
/**
 * Longer scripts are left as they are: the search grows with the square of the text (a
 * 1,000-scenario catalog's diagnosis did not finish in 5 minutes), while dozens of names
 * save only a few of its dozens of pastes.
 */
export const SEARCHED_UP_TO = 100_000;

interface Run {
  start: number;
  end: number;
  literal: boolean;
}

/** Stretches of quoted text in one line where a name may stand, each literal or not. */
function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let literal = false;
  let quoted = false;
  let inVariable = false;
  let current: Run | undefined;
  const close = () => {
    if (current && current.end > current.start) runs.push(current);
    current = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === LIT_OPEN || c === LIT_CLOSE) {
      close();
      literal = c === LIT_OPEN;
      continue;
    }
    if (c === FOR_VAR) {
      close();
      i = text.indexOf(FOR_VAR_END, i);
      continue;
    }
    if (c === '%') {
      close();
      inVariable = !inVariable;
      continue;
    }
    if (c === '"') {
      close();
      quoted = !quoted;
      continue;
    }
    const eligible = quoted && !inVariable && !MARKERS.test(c) && !NEVER.test(c);
    if (!eligible) {
      close();
      continue;
    }
    if (!current) current = { start: i, end: i, literal };
    current.end = i + 1;
  }
  close();
  return runs;
}

const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** For one line: each nameable text (keyed by literal state + text) and where it starts. */
function lineCandidates(text: string): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const run of runsOf(text)) {
    for (let s = run.start; s < run.end; s++) {
      if (s > run.start && isWord(text[s - 1]) && isWord(text[s])) continue;
      const last = Math.min(run.end, s + MAX_LENGTH);
      for (let e = s + MIN_LENGTH; e <= last; e++) {
        if (e < run.end && isWord(text[e - 1]) && isWord(text[e])) continue;
        const key = `${run.literal ? 'L' : 'C'}${text.slice(s, e)}`;
        const starts = found.get(key);
        if (!starts) found.set(key, [s]);
        // Non-overlapping occurrences only.
        else if (starts[starts.length - 1]! + (e - s) <= s) starts.push(s);
      }
    }
  }
  return found;
}

function saving(length: number, count: number): number {
  return count * (length - REFERENCE_LENGTH) - (length + DEFINITION_OVERHEAD);
}

export interface Definition {
  name: string;
  /** `set "<name>=..."`, to run before the lines that use `%<name>%`. */
  line: string;
}

export interface Abbreviated {
  definitions: Definition[];
  lines: string[];
}

/**
 * Names the repeated text of `lines`, most characters saved first, with the variable names
 * given (each must be unused by the script). Returns the lines unchanged when nothing pays.
 * Candidates are counted per line, so a round only recounts the lines it changed.
 */
export function abbreviate(lines: readonly string[], names: readonly string[]): Abbreviated {
  if (lines.reduce((n, l) => n + l.length, 0) > SEARCHED_UP_TO)
    return { definitions: [], lines: [...lines] };
  const current = [...lines];
  const perLine = current.map((text) => lineCandidates(text));
  const totals = new Map<string, number>();
  const count = (map: Map<string, number[]>, sign: 1 | -1) => {
    for (const [key, starts] of map) totals.set(key, (totals.get(key) ?? 0) + sign * starts.length);
  };
  perLine.forEach((map) => count(map, 1));
  const definitions: Definition[] = [];
  for (const name of names) {
    let best: { key: string; saved: number } | undefined;
    for (const [key, n] of totals) {
      if (n < 2) continue;
      const saved = saving(key.length - 1, n);
      if (saved > 0 && (!best || saved > best.saved)) best = { key, saved };
    }
    if (!best) break;
    const text = best.key.slice(1);
    const literal = best.key.startsWith('L');
    definitions.push({ name, line: `set "${name}=${literal ? lit(text) : text}"` });
    perLine.forEach((map, line) => {
      const starts = map.get(best.key);
      if (!starts) return;
      let row = current[line]!;
      for (const start of [...starts].reverse())
        row = row.slice(0, start) + REF_OPEN + name + REF_CLOSE + row.slice(start + text.length);
      current[line] = row;
      count(map, -1);
      perLine[line] = lineCandidates(row);
      count(perLine[line], 1);
    });
  }
  const resolve = (row: string) => row.replaceAll(REF_OPEN, '%').replaceAll(REF_CLOSE, '%');
  return { definitions, lines: current.map(resolve) };
}

/**
 * Variable names (`_0` ... `_z`) that the script does not use, in any letter case: cmd's
 * variable names are case-insensitive.
 */
export function unusedNames(lines: readonly string[]): string[] {
  const text = lines.join('\n').toLowerCase();
  const used = (name: string) =>
    [`%${name}%`, `%${name}:`, ` ${name}=`, `"${name}=`, `defined ${name} `].some((form) =>
      text.includes(form),
    );
  return [...'0123456789abcdefghijklmnopqrstuvwxyz']
    .map((c) => `_${c}`)
    .filter((name) => !used(name));
}
