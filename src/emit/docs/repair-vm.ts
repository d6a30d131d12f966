import { z } from 'zod';
import type { Artifact } from '../artifact.ts';

/**
 * Reads the rescue-VM script from EmitContext.earlier, so the runbooks show the commands its
 * emitter generated, never a copy. Its contract: one artifact of kind 'ps-repair-vm' with
 * meta { role: 'repair-vm', invocations: { diagnose, repairAll, repairSome, undo, byHand } }.
 */
const Invocations = z
  .object({
    diagnose: z.string().min(1),
    repairAll: z.string().min(1),
    repairSome: z.string().min(1),
    undo: z.string().min(1),
    byHand: z.string().min(1),
  })
  .strict();
export type RepairVmInvocations = z.infer<typeof Invocations>;

const RepairVmMeta = z.object({ role: z.literal('repair-vm'), invocations: Invocations }).loose();

export function repairVmScript(
  earlier: readonly Artifact[],
): { path: string; invocations: RepairVmInvocations } | undefined {
  const script = earlier.find((a) => a.kind === 'ps-repair-vm');
  if (!script) return undefined;
  const meta = RepairVmMeta.safeParse(script.meta ?? {});
  if (!meta.success) {
    const issue = meta.error.issues[0]!;
    throw new Error(
      `artifact ${script.path}: meta.${issue.path.join('.')}: ${issue.message} (read as the rescue-VM script)`,
    );
  }
  return { path: script.path, invocations: meta.data.invocations };
}
