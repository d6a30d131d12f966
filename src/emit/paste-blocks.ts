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

function owns(meta: CmdMeta, owner: BlockOwner): boolean {
  return 'role' in owner ? meta.role === owner.role : meta.fix === owner.fix;
}

export function textOf(artifact: Artifact): string {
  return typeof artifact.content === 'string'
    ? artifact.content
    : artifact.content.toString('utf8');
}

/** The paste blocks of a fix or of the diagnosis, in block order. Checks the numbering. */
export function pasteBlocks(earlier: readonly Artifact[], owner: BlockOwner): GeneratedBlock[] {
  const blocks = earlier
    .filter((a) => a.kind === 'cmd-paste')
    .map((artifact) => ({ artifact, meta: metaOf(artifact) }))
    .filter(({ meta }) => owns(meta, owner))
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
  return earlier
    .filter((a) => a.kind === kind && owns(metaOf(a), owner))
    .map((a) => a.path)
    .sort();
}
