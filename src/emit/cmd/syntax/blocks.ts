import { abbreviate, applyDefinitions, type Definition } from './abbreviate.ts';
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
  options: RenderOptions & { spacedParens?: boolean } = {},
): string {
  const { spacedParens, ...render } = options;
  return renderLines(printLines(statements, { dialect, namer, spacedParens }), render);
}

/** Block k of n: what the block's own framing lines may say. */
export interface BlockPosition {
  block: number;
  of: number;
}

export interface PasteScript {
  namer: Namer;
  /** Lines at the top of every block (build their Names once: every block prints them). */
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
  /** Block 1 holds its framing only (a fix's gate, which must run before any step). */
  ownFirstBlock?: boolean;
}

/** Printed lines, each with the definitions it uses. */
interface Unit {
  lines: Line[];
  uses: Set<Definition>[];
}

/** One way to print the script: its steps and footer, and its framing per block. */
interface Layout {
  steps: Unit[];
  footer: Unit;
  frame: (at: BlockPosition) => { top: Unit; bottom: Unit };
}

const lineLength = (l: Line) => l.reduce((n, c) => n + c.text.length, 0) + 2;

const plain = (lines: Line[]): Unit => ({ lines, uses: lines.map(() => new Set()) });

/**
 * Prints a script as paste blocks of at most `limit` characters: steps packed in order,
 * the footer in the last block. Repeated text is named when that saves a block or is the
 * only way to fit (always in 'once' mode).
 */
export function printPasteBlocks(script: PasteScript): string[] {
  const options = { dialect: 'paste' as const, namer: script.namer };
  const print = (commands: Command[]) => printLines(commands, options);
  const steps = script.steps.map(print);
  const footer = print(script.footer);
  const plainLayout: Layout = {
    steps: steps.map(plain),
    footer: plain(footer),
    frame: (at) => ({
      top: plain(print(script.prologue(at))),
      bottom: plain(print(script.epilogue(at))),
    }),
  };
  const plainPacking = tryPack(script, plainLayout);
  if (plainPacking.blocks?.length === 1 && script.definitions === 'each-block')
    return render(script, plainLayout, plainPacking.blocks);
  // The framing is named too: one block's framing stands for all of them.
  const sample = print([
    ...script.prologue({ block: 1, of: 1 }),
    ...script.epilogue({ block: 1, of: 1 }),
  ]);
  const short = abbreviate([...steps.flat(), ...footer, ...sample], script.namer);
  if (short.definitions.length === 0) return render(script, plainLayout, orThrow(plainPacking));
  let at = 0;
  const slice = (count: number): Unit => {
    const unit = {
      lines: short.lines.slice(at, at + count),
      uses: short.uses.slice(at, at + count),
    };
    at += count;
    return unit;
  };
  const named = (lines: Line[]): Unit => {
    const applied = lines.map((l) => applyDefinitions(l, short.definitions));
    return { lines: applied.map((a) => a.line), uses: applied.map((a) => a.uses) };
  };
  const shortLayout: Layout = {
    steps: steps.map((s) => slice(s.length)),
    footer: slice(footer.length),
    frame: (position) => ({
      top: named(print(script.prologue(position))),
      bottom: named(print(script.epilogue(position))),
    }),
  };
  let layout = shortLayout;
  let packed = tryPack(script, layout);
  if (!packed.blocks) {
    // A name used once in a block costs its definition too: the framing and the footer, which
    // share the last block, may fit only as written.
    layout = { ...shortLayout, footer: plainLayout.footer, frame: plainLayout.frame };
    packed = tryPack(script, layout);
  }
  if (!packed.blocks) return render(script, plainLayout, orThrow(plainPacking));
  if (
    script.definitions === 'each-block' &&
    plainPacking.blocks &&
    packed.blocks.length >= plainPacking.blocks.length
  )
    return render(script, plainLayout, plainPacking.blocks);
  return render(script, layout, packed.blocks);
}

class TooLarge extends Error {}

type Packing = { blocks: Unit[][]; error?: undefined } | { blocks?: undefined; error: Error };

function tryPack(script: PasteScript, layout: Layout): Packing {
  try {
    return { blocks: pack(script, layout) };
  } catch (error) {
    if (error instanceof TooLarge) return { error };
    throw error;
  }
}

function orThrow(packing: Packing): Unit[][] {
  if (packing.error) throw packing.error;
  return packing.blocks!;
}

/**
 * Blocks as lists of units; the definitions a block needs are counted into its size. The
 * framing may depend on the block's number and count, so packing repeats until the count it
 * assumed is the count it got.
 */
function pack(script: PasteScript, layout: Layout): Unit[][] {
  let of = 1;
  for (let attempt = 0; ; attempt++) {
    const blocks = packAs(script, layout, of);
    if (blocks.length <= of || attempt >= 8) return blocks;
    of = blocks.length;
  }
}

function packAs(script: PasteScript, layout: Layout, of: number): Unit[][] {
  const limit = script.limit ?? PASTE_LIMIT;
  const defined = new Set<Definition>();
  // A block is the last one only when the footer joins it: steps are measured in the frame of
  // a block that is not the last, the footer in the frame of the last one.
  const size = (units: Unit[], block: number) =>
    sizeWith(units, layout.frame({ block, of: Math.max(of, block + 1) }));
  const lastSize = (units: Unit[], block: number) =>
    sizeWith(units, layout.frame({ block, of: block }));
  const sizeWith = (units: Unit[], frame: { top: Unit; bottom: Unit }) => {
    const needed = new Set<Definition>();
    let n = 0;
    for (const u of [frame.top, ...units, frame.bottom]) {
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
  if (script.ownFirstBlock) {
    if (size([], 1) > limit)
      throw new TooLarge(`block 1 does not fit in one paste block (${size([], 1)} characters)`);
    close();
  }
  for (const step of layout.steps) {
    if (current.length > 0 && size([...current, step], blocks.length + 1) > limit) close();
    // A frame that leaves a step no room (a fix's block 1 checks its backup folder) is a
    // block of its own.
    else if (size([step], blocks.length + 1) > limit && size([], blocks.length + 1) <= limit)
      close();
    current.push(step);
    if (size(current, blocks.length + 1) > limit)
      throw new TooLarge(
        `a step does not fit in one paste block (${size(current, blocks.length + 1)} characters): ${firstLine(step)}`,
      );
  }
  if (current.length > 0 && lastSize([...current, layout.footer], blocks.length + 1) > limit)
    close();
  current.push(layout.footer);
  if (lastSize(current, blocks.length + 1) > limit)
    throw new TooLarge(`the footer does not fit in one paste block: ${firstLine(layout.footer)}`);
  close();
  return blocks;
}

function firstLine(unit: Unit): string {
  return unit.lines[0] ? plainText(unit.lines[0]) : '(empty)';
}

function render(script: PasteScript, layout: Layout, blocks: Unit[][]): string[] {
  const defined = new Set<Definition>();
  return blocks.map((units, i) => {
    const at = { block: i + 1, of: blocks.length };
    const frame = layout.frame(at);
    const lines: Line[] = [];
    if (script.definitions === 'each-block') defined.clear();
    for (const u of [frame.top, ...units, frame.bottom])
      u.lines.forEach((line, j) => {
        for (const d of u.uses[j]!)
          if (!defined.has(d)) {
            lines.push(d.line);
            defined.add(d);
          }
        lines.push(line);
      });
    const text = renderLines(lines);
    if (text.length > (script.limit ?? PASTE_LIMIT))
      throw new Error(`block ${at.block} of ${at.of}: ${text.length} characters`);
    return text;
  });
}
