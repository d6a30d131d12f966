import { z } from 'zod';
import type { Artifact } from './artifact.ts';

/**
 * Reads the CMD emitter's files from EmitContext.earlier, for the targets that show them
 * (runbooks, the paste picker), so they show the generated commands and never a copy.
 *
 * The CMD emitter's contract: artifacts of kind 'cmd-paste' (and 'cmd-batch', 'cmd-offline')
 * carry meta { role: 'diagnosis' } or { fix: <fix id> }, meta.block (1-based), meta.of and
 * meta.chars; the content is the text to paste.
 */
export interface GeneratedBlock {
  path: string;
  block: number;
  of: number;
  chars: number;
  /** Exactly the artifact's content (ASCII, CRLF). */
  text: string;
  /** Environment variables the block reads its parameters from (set before pasting). */
  parameters: string[];
  /** What to type before block 1 to confirm a fix that lowers security (none: no confirmation). */
  confirm?: string;
}

export type BlockOwner = { role: string } | { fix: string };

const CmdMeta = z
  .object({
    role: z.string().optional(),
    fix: z.string().optional(),
    block: z.number().int().positive().optional(),
    of: z.number().int().positive().optional(),
    chars: z.number().int().nonnegative().optional(),
    parameters: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/)).optional(),
    /** What the operator types to confirm a fix that lowers security. */
    confirm: z.string().optional(),
  })
  .loose();
type CmdMeta = z.infer<typeof CmdMeta>;

function metaOf(artifact: Artifact): CmdMeta {
  const parsed = CmdMeta.safeParse(artifact.meta ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `artifact ${artifact.path}: meta.${issue.path.join('.')}: ${issue.message} (read as a paste block)`,
    );
  }
  return parsed.data;
}

export function textOf(artifact: Artifact): string {
  return typeof artifact.content === 'string'
    ? artifact.content
    : artifact.content.toString('utf8');
}

type Owned = { artifact: Artifact; meta: CmdMeta };

/**
 * The CMD artifacts of one build by kind and owner, made once per artifact list: the docs
 * ask for every scenario in every culture, and scanning (and parsing) every artifact per
 * question grew with the square of the catalog.
 */
const indexes = new WeakMap<readonly Artifact[], Map<string, Owned[]>>();

function keyOf(kind: string, owner: BlockOwner): string {
  return 'role' in owner ? `${kind}|role:${owner.role}` : `${kind}|fix:${owner.fix}`;
}

function owned(earlier: readonly Artifact[], kind: string, owner: BlockOwner): Owned[] {
  let index = indexes.get(earlier);
  if (!index) {
    index = new Map();
    for (const artifact of earlier) {
      if (!artifact.kind.startsWith('cmd-')) continue;
      const meta = metaOf(artifact);
      const keys = [
        ...(meta.role !== undefined ? [keyOf(artifact.kind, { role: meta.role })] : []),
        ...(meta.fix !== undefined ? [keyOf(artifact.kind, { fix: meta.fix })] : []),
      ];
      for (const key of keys) {
        const list = index.get(key);
        if (list) list.push({ artifact, meta });
        else index.set(key, [{ artifact, meta }]);
      }
    }
    indexes.set(earlier, index);
  }
  return index.get(keyOf(kind, owner)) ?? [];
}

/** The paste blocks of a fix or of the diagnosis, in block order. Checks the numbering. */
export function pasteBlocks(earlier: readonly Artifact[], owner: BlockOwner): GeneratedBlock[] {
  const blocks = owned(earlier, 'cmd-paste', owner)
    .map(({ artifact, meta }) => {
      const text = textOf(artifact);
      const where = `artifact ${artifact.path}`;
      if (meta.block === undefined || meta.of === undefined)
        throw new Error(`${where}: meta.block and meta.of are required on a paste block`);
      if (meta.chars !== undefined && meta.chars !== text.length)
        throw new Error(`${where}: meta.chars is ${meta.chars} but the block has ${text.length}`);
      return {
        path: artifact.path,
        block: meta.block,
        of: meta.of,
        chars: text.length,
        text,
        parameters: meta.parameters ?? [],
        ...(meta.confirm !== undefined ? { confirm: meta.confirm } : {}),
      };
    })
    .sort((a, b) => a.block - b.block);
  blocks.forEach((b, i) => {
    if (b.block !== i + 1 || b.of !== blocks.length)
      throw new Error(
        `artifact ${b.path}: block ${b.block} of ${b.of}, but ${blocks.length} blocks were found for ${JSON.stringify(owner)}`,
      );
  });
  return blocks;
}

/** Paths of generated files of one kind that belong to a fix or to the diagnosis. */
export function generatedFiles(
  earlier: readonly Artifact[],
  kind: 'cmd-batch' | 'cmd-offline',
  owner: BlockOwner,
): string[] {
  return owned(earlier, kind, owner)
    .map(({ artifact }) => artifact.path)
    .sort();
}

/** How a fix's batch file is run to confirm a fix that lowers security (none: no confirmation). */
export function batchConfirmation(
  earlier: readonly Artifact[],
  owner: BlockOwner,
): string | undefined {
  return owned(earlier, 'cmd-batch', owner).find(({ meta }) => meta.confirm !== undefined)?.meta
    .confirm;
}
