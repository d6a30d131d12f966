import { pack, type Group } from './schedule.ts';
import { abbreviate } from './syntax/abbreviate.ts';
import { takesRestOfLine } from './syntax/lines.ts';
import {
  Name,
  Namer,
  PASTE_LIMIT,
  PrintError,
  block,
  clear,
  compare,
  echo,
  exec,
  id,
  not,
  plainText,
  printLines,
  ref,
  renderLines,
  seq,
  set,
  text,
  when,
  type Command,
  type Condition,
  type Line,
} from './syntax/index.ts';

/**
 * A script pasted as several blocks into one console, where block k must not run unless
 * block k-1 ended in that console: a truncated, skipped or out-of-order paste then prints
 * which block to paste first and does nothing else.
 *
 * Block 1 clears the stage variable first and sets it to 1 as it ends; every line of block
 * k >= 2 runs only while the stage is k-1 (`if %stage%==k-1 ...`; at the prompt an undefined
 * variable stays `%stage%`, so a fresh console fails the test too), and its last line moves
 * the stage to k. Every block ends by printing `RDPRESCUE <label> block k/n done`.
 *
 * Statements share lines where cmd's rules allow (the printer decides), so blocks 2..n pay
 * for few guards. Repeated quoted text is named once, in block 1.
 */
export interface StagedScript {
  /** Names the blocks in their messages: `RDPRESCUE <label> block k/n done`. */
  label: string;
  /** First in block 1 and in the batch file (clearing, setup); not joined with the body. */
  start: Command[];
  /**
   * The statements in sections: a section runs after the one before it; inside a section a
   * statement may run earlier than written, past statements it shares no variable with.
   */
  body: Command[][];
  /** The batch file's lines before `start` and after the body. */
  batchHead: Command[];
  batchTail: Command[];
  limit?: number;
}

export interface StagedOutput {
  pastes: string[];
  /** The same lines as the pastes, without their frames and guards, as a .cmd file. */
  batch: string;
}

/** A line is not lengthened past this: long lines waste more at a block's end. */
const LINE_CAP = 700;
/**
 * The abbreviation's definitions all stand in block 1: past this many characters they
 * would crowd out its statements (a table of checks repeats many short texts).
 */
const DEFINITIONS_BUDGET = 1100;
/** Block counts are measured as three digits, so "block 12/345" still fits. */
const MEASURE_OF = 999;

const linesLength = (lines: readonly Line[]) =>
  lines.reduce((n, l) => n + plainText(l).length + 2, 0);

export function printStaged(script: StagedScript): StagedOutput {
  const limit = script.limit ?? PASTE_LIMIT;
  const stage = Name.generated(`${script.label} stage`);
  // Measured and packed with one namer, rendered with another that gives out the same names:
  // the abbreviation takes fresh names from its namer, and the render must get the same.
  const measured = measure(script, stage);
  const paste = { dialect: 'paste' as const, namer: measured.namer };
  const blocks = pack(script.body, {
    limit,
    lineCap: LINE_CAP,
    savings: (statement) => measured.savings.get(statement) ?? 0,
    fixed: (k) => {
      const { head, tail } = frame(script, stage, k, MEASURE_OF);
      const lines = printLines([...head, ...tail], paste);
      return linesLength(lines) + (k === 1 ? measured.definitions : 0);
    },
    print: (k, group) => tryPrint(() => printLines([guarded(stage, k, line(group))], paste)),
  });
  const namer = namesFor(script, stage).namer;
  return {
    pastes: renderPastes(script, stage, namer, blocks, limit),
    batch: renderBatch(script, namer, blocks.flat()),
  };
}

/** A namer that has named everything the script prints, in a fixed order (stage first). */
function namesFor(script: StagedScript, stage: Name): { namer: Namer; body: Line[][] } {
  const namer = new Namer();
  const paste = { dialect: 'paste' as const, namer };
  printLines([when(stageIs(stage, 1), echo('x'))], paste);
  printLines(script.start, paste);
  const body = script.body.flat().map((s) => printLines([s], paste));
  printLines([...script.batchHead, ...script.batchTail], { dialect: 'batch', namer });
  return { namer, body };
}

/** What the abbreviation saves on each statement, and what its definitions take. */
function measure(
  script: StagedScript,
  stage: Name,
): { namer: Namer; savings: Map<Command, number>; definitions: number } {
  const { namer, body } = namesFor(script, stage);
  const short = abbreviate(body.flat(), namer, DEFINITIONS_BUDGET);
  const savings = new Map<Command, number>();
  let at = 0;
  script.body.flat().forEach((statement, i) => {
    const lines = body[i]!;
    const after = short.lines.slice(at, at + lines.length);
    at += lines.length;
    savings.set(statement, linesLength(lines) - linesLength(after));
  });
  return { namer, savings, definitions: linesLength(short.definitions.map((d) => d.line)) };
}

function stageIs(stage: Name, value: number): Condition {
  return compare([ref(stage)], '==', String(value));
}

/**
 * A group's statements as one command: an if or for that is not last is enclosed, or it
 * would take the rest of the line (the printer starts a new line after it otherwise).
 */
function line(group: Group): Command {
  return seq(...group.map((s, i) => (i < group.length - 1 && takesRestOfLine(s) ? block(s) : s)));
}

/** Block k's lines run only after block k-1 ended (block 1 always runs). */
function guarded(stage: Name, k: number, command: Command): Command {
  return k === 1 ? command : when(stageIs(stage, k - 1), command);
}

function frame(
  script: StagedScript,
  stage: Name,
  k: number,
  of: number,
): { head: Command[]; tail: Command[] } {
  const where = `${script.label} block ${k}/${of}`;
  const head: Command[] = [exec(id('@echo'), text('off'))];
  // Block 1 forgets the stage of an earlier run first: a truncated block 1 must stop block 2.
  if (k === 1) head.push(...startOf(script, stage));
  if (k > 1)
    head.push(
      when(
        not(stageIs(stage, k - 1)),
        echo(`RDPRESCUE ${where} skipped: paste block ${k - 1}/${of} first`),
      ),
    );
  const end = seq(echo(`RDPRESCUE ${where} done`), set(stage, String(k)));
  return { head, tail: [guarded(stage, k, end), exec(id('@echo'), text('on'))] };
}

/** The start statements, the first one preceded by clearing the stage. */
function startOf(script: StagedScript, stage: Name): Command[] {
  const [first, ...rest] = script.start;
  return [seq(clear(stage), first), ...rest];
}

/** The lines, or undefined where the printer refuses them (they would break cmd's rules). */
function tryPrint(print: () => Line[]): Line[] | undefined {
  try {
    return print();
  } catch (e) {
    if (e instanceof PrintError) return undefined;
    throw e;
  }
}

function renderPastes(
  script: StagedScript,
  stage: Name,
  namer: Namer,
  blocks: Group[][],
  limit: number,
): string[] {
  const paste = { dialect: 'paste' as const, namer };
  const of = blocks.length;
  const bodies = blocks.map((groups, i) =>
    groups.flatMap((group) => printLines([guarded(stage, i + 1, line(group))], paste)),
  );
  const short = abbreviate(bodies.flat(), namer, DEFINITIONS_BUDGET);
  let at = 0;
  return bodies.map((lines, i) => {
    const k = i + 1;
    const body = short.lines.slice(at, at + lines.length);
    at += lines.length;
    const { head, tail } = frame(script, stage, k, of);
    const text = renderLines([
      ...printLines(head, paste),
      ...(k === 1 ? short.definitions.map((d) => d.line) : []),
      ...body,
      ...printLines(tail, paste),
    ]);
    if (text.length > limit)
      throw new Error(`${script.label} block ${k}/${of}: ${text.length} characters`);
    return text;
  });
}

/**
 * The batch file travels in a cabinet, never through the console: instead of hardened, its
 * case-insensitive letters are in lower case (the cabinet, pasted, is smaller).
 */
function renderBatch(script: StagedScript, namer: Namer, groups: Group[]): string {
  const batch = { dialect: 'batch' as const, namer };
  return renderLines(
    [
      ...printLines([...script.batchHead, ...script.start], batch),
      ...groups.flatMap((group) => printLines([line(group)], batch)),
      ...printLines(script.batchTail, batch),
    ],
    { lowerCase: true },
  );
}
