/**
 * The command tree phase 2 builds from one read unit (a line, or every line of a
 * parenthesised block), and a walk over it that knows which commands run conditionally.
 */
import type { Ch } from './model.ts';

export type Op = 'start' | '&' | '&&' | '||' | '|' | 'newline';

export interface Chain {
  items: Link[];
}

export interface Link {
  /** How this command joins the one before it. */
  op: Op;
  node: Node;
}

interface Span {
  /** Indexes into the unit's characters: [start, end). */
  start: number;
  end: number;
  line: number;
}

export interface Redirection {
  op: '<' | '>' | '>>';
  /** `2>`: the handle before the operator. */
  handle?: string;
  /** `>&1`: the handle after `&`; '' when `&` is followed by no handle number. */
  duplicate?: string;
  /** What follows `>&` when it is not a handle. */
  notHandle?: string;
  target: string;
  /** The target is followed at once by another < or > (as in `<port>`). */
  targetThenRedirection: boolean;
  line: number;
}

export interface Simple extends Span {
  kind: 'simple';
  /** The command token as written (`echo`, `reg`, `"%RrB%\undo.cmd"`). */
  name: string;
  /** Everything after the command token except redirections. */
  args: Ch[];
  redirections: Redirection[];
}

export interface Block extends Span {
  kind: 'block';
  body: Chain;
}

export type IfTest = 'errorlevel' | 'exist' | 'defined' | 'cmdextversion' | 'compare';

export interface IfNode extends Span {
  kind: 'if';
  /** `if not ...` */
  negated: boolean;
  test: IfTest;
  /** The name or number after errorlevel / exist / defined / cmdextversion. */
  operand?: string;
  /** End of the condition: reads before it are expanded with the if, not its branches. */
  testEnd: number;
  then: Chain;
  /** The then-branch is a parenthesised block (only then can `else` follow). */
  thenIsBlock: boolean;
  else?: Chain;
  elseLine?: number;
}

export interface ForNode extends Span {
  kind: 'for';
  /** End of `for ... in (set)`: reads before it are expanded once, not per iteration. */
  setEnd: number;
  body: Chain;
}

export interface Remark extends Span {
  kind: 'rem' | 'label';
}

export type Node = Simple | Block | IfNode | ForNode | Remark;

/** Where a command sits: inside which if-branches and loops, and whether it may be skipped. */
export interface Context {
  branches: readonly { node: IfNode; branch: 'then' | 'else' }[];
  loops: readonly ForNode[];
  /** Inside an if or a for, or after && || | : it may not run. */
  conditional: boolean;
}

export const TOP: Context = { branches: [], loops: [], conditional: false };

/** A stretch of the unit and the context its reads are expanded for. */
export interface Region {
  start: number;
  end: number;
  context: Context;
}

export interface Visit {
  node: Node;
  context: Context;
  /** The chain holding the node, and the node's index in it. */
  chain: Chain;
  index: number;
}

/** Every node in execution order of the text, with its context and regions for reads. */
export function walk(root: Chain): { visits: Visit[]; regions: Region[] } {
  const visits: Visit[] = [];
  const regions: Region[] = [];
  const chain = (c: Chain, context: Context) =>
    c.items.forEach((link, index) => {
      const conditional =
        context.conditional || (link.op !== 'start' && link.op !== '&' && link.op !== 'newline');
      node(link.node, { ...context, conditional }, c, index);
    });
  const node = (n: Node, context: Context, parent: Chain, index: number) => {
    visits.push({ node: n, context, chain: parent, index });
    switch (n.kind) {
      case 'block':
        chain(n.body, context);
        break;
      case 'if': {
        regions.push({ start: n.start, end: n.testEnd, context });
        const branch = (b: 'then' | 'else') => ({
          branches: [...context.branches, { node: n, branch: b }],
          loops: context.loops,
          conditional: true,
        });
        chain(n.then, branch('then'));
        if (n.else) chain(n.else, branch('else'));
        break;
      }
      case 'for':
        regions.push({ start: n.start, end: n.setEnd, context });
        chain(n.body, {
          branches: context.branches,
          loops: [...context.loops, n],
          conditional: true,
        });
        break;
      default:
        regions.push({ start: n.start, end: n.end, context });
    }
  };
  chain(root, TOP);
  return { visits, regions };
}

/** The context of the innermost region holding index `at`. */
export function contextAt(regions: readonly Region[], at: number): Context {
  let best: Region | undefined;
  for (const r of regions)
    if (r.start <= at && at < r.end && (!best || r.end - r.start <= best.end - best.start))
      best = r;
  return best?.context ?? TOP;
}

/** Two contexts on different branches of one if: never both run. */
export function exclusive(a: Context, b: Context): boolean {
  return a.branches.some((x) => b.branches.some((y) => x.node === y.node && x.branch !== y.branch));
}

/** The command token without cmd's trailing separators: `echo.` and `echo/` are echo. */
export function commandName(simple: Simple): string {
  return simple.name
    .toLowerCase()
    .replace(/^@+/, '')
    .replace(/[./:\\+[\]].*$/, '');
}
