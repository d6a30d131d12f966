import { abbreviate, type Definition } from './abbreviate.ts';
import { hardenedText, plainText, type Line, type RenderOptions } from './chunks.ts';
import type { Namer } from './names.ts';
import type { Command } from './nodes.ts';
import { printLines, type Dialect } from './print.ts';

/** The Serial Console accepts at most this many characters per paste, CRLFs included. */
export const PASTE_LIMIT = 2048;

/** Lines as the file holds them: hardened, CRLF after every line. */
export function renderLines(lines: readonly Line[], options: RenderOptions = {}): string {
  return lines.map((l) => hardenedText(l, options) + '\r\n').join('');
}

/** A whole script in one dialect (a .cmd file, an offline script). */
export function printScript(
  statements: readonly Command[],
  dialect: Dialect,
  namer: Namer,
  options: RenderOptions = {},
): string {
  return renderLines(printLines(statements, { dialect, namer }), options);
}

/** Block k of n: what the block's own framing lines may say. */
export interface BlockPosition {
  block: number;
  of: number;
}

export interface PasteScript {
  namer: Namer;
  /** Lines at the top of every block (measured with three-digit block numbers). */
  prologue: (at: BlockPosition) => Command[];
  /** Units that stay in one block (a backup and its change are one step). */
  steps: Command[][];
  /** The last block only, after its steps. */
  footer: Command[];
  /** Lines at the end of every block. */
  epilogue: (at: BlockPosition) => Command[];
  /**
   * Where the definitions of repeated text go: 'each-block' repeats them in every block that
   * uses them (each block can be pasted alone); 'once' defines each before its first use
   * only (blocks run in order in one console).
   */
  definitions: 'each-block' | 'once';
  limit?: number;
}

interface Unit {
  lines: Line[];
  uses: Set<Definition>[];
}

const MEASURE: BlockPosition = { block: 999, of: 999 };

const lineLength = (l: Line) => l.reduce((n, c) => n + c.text.length, 0) + 2;

/**
 * Prints a script as paste blocks of at most `limit` characters: steps packed in order,
 * the footer in the last block. Repeated text is named when that saves a block (always in
 * 'once' mode).
 */
export function printPasteBlocks(script: PasteScript): string[] {
  const options = { dialect: 'paste' as const, namer: script.namer };
  const print = (commands: Command[]) => printLines(commands, options);
  const steps = script.steps.map(print);
  const footer = print(script.footer);
  const plain = (lines: Line[]): Unit => ({ lines, uses: lines.map(() => new Set()) });
  const plainPacking = pack(script, steps.map(plain), plain(footer));
  if (plainPacking.length === 1 && script.definitions === 'each-block')
    return render(script, plainPacking);
  const all = [...steps.flat(), ...footer];
  const short = abbreviate(all, script.namer);
  if (short.definitions.length === 0) return render(script, plainPacking);
  let at = 0;
  const slice = (count: number): Unit => {
    const unit = {
      lines: short.lines.slice(at, at + count),
      uses: short.uses.slice(at, at + count),
    };
    at += count;
    return unit;
  };
  const shortSteps = steps.map((s) => slice(s.length));
  const shortFooter = slice(footer.length);
  const packed = pack(script, shortSteps, shortFooter);
  if (script.definitions === 'each-block' && packed.length >= plainPacking.length)
    return render(script, plainPacking);
  return render(script, packed);
}

/** Blocks as lists of units; the definitions a block needs are counted into its size. */
function pack(script: PasteScript, steps: Unit[], footer: Unit): Unit[][] {
  const limit = script.limit ?? PASTE_LIMIT;
  const frame = [...script.prologue(MEASURE), ...script.epilogue(MEASURE)];
  const frameSize = printLines(frame, { dialect: 'paste', namer: script.namer }).reduce(
    (n, l) => n + lineLength(l),
    0,
  );
  const defined = new Set<Definition>();
  const size = (units: Unit[]) => {
    const needed = new Set<Definition>();
    let n = frameSize;
    for (const u of units) {
      n += u.lines.reduce((m, l) => m + lineLength(l), 0);
      u.uses.forEach((set) => set.forEach((d) => needed.add(d)));
    }
    for (const d of needed)
      if (script.definitions === 'each-block' || !defined.has(d)) n += lineLength(d.line);
    return n;
  };
  const blocks: Unit[][] = [];
  let current: Unit[] = [];
  const close = () => {
    blocks.push(current);
    current.forEach((u) => u.uses.forEach((set) => set.forEach((d) => defined.add(d))));
    current = [];
  };
  for (const step of steps) {
    if (current.length > 0 && size([...current, step]) > limit) close();
    current.push(step);
    if (size(current) > limit)
      throw new Error(`a step does not fit in one paste block: ${firstLine(step)}`);
  }
  if (current.length > 0 && size([...current, footer]) > limit) close();
  current.push(footer);
  if (size(current) > limit) throw new Error(`the footer does not fit in one paste block`);
  close();
  return blocks;
}

function firstLine(unit: Unit): string {
  return unit.lines[0] ? plainText(unit.lines[0]) : '(empty)';
}

function render(script: PasteScript, blocks: Unit[][]): string[] {
  const options = { dialect: 'paste' as const, namer: script.namer };
  const defined = new Set<Definition>();
  return blocks.map((units, i) => {
    const at = { block: i + 1, of: blocks.length };
    const lines: Line[] = [...printLines(script.prologue(at), options)];
    if (script.definitions === 'each-block') defined.clear();
    for (const u of units)
      u.lines.forEach((line, j) => {
        for (const d of u.uses[j]!)
          if (!defined.has(d)) {
            lines.push(d.line);
            defined.add(d);
          }
        lines.push(line);
      });
    lines.push(...printLines(script.epilogue(at), options));
    const text = renderLines(lines);
    if (text.length > (script.limit ?? PASTE_LIMIT))
      throw new Error(`block ${at.block} of ${at.of}: ${text.length} characters`);
    return text;
  });
}
