import { z } from 'zod';
import { Id, LocalizedText } from './text.ts';
import { Operation } from './operations.ts';
import { ServiceName } from './platform.ts';
import { Source } from './source.ts';

/** PowerShell's approved verbs that a fix command may use (Get-Verb). */
export const FIX_VERBS = [
  'Enable',
  'Disable',
  'Repair',
  'Reset',
  'Set',
  'Remove',
  'Suspend',
  'Resume',
  'Stop',
  'Start',
  'Restart',
  'Register',
] as const;

const FixCommand = z
  .string()
  .regex(
    new RegExp(`^(${FIX_VERBS.join('|')})-Rdp[A-Z][A-Za-z]+$`),
    `must be <ApprovedVerb>-Rdp<Noun> with a verb from: ${FIX_VERBS.join(', ')}`,
  );

export const FixParameter = z
  .object({
    name: z.string().regex(/^[A-Z][A-Za-z]+$/),
    type: z.enum(['port', 'thumbprint']),
    help: LocalizedText,
  })
  .strict();

export const Undo = z.discriminatedUnion('strategy', [
  z.object({ strategy: z.literal('restore-backup'), description: LocalizedText }).strict(),
  z
    .object({
      strategy: z.literal('irreversible'),
      description: LocalizedText,
      /** Why nothing can be restored, and why that is safe. */
      reason: LocalizedText,
    })
    .strict(),
]);

export const Fix = z
  .object({
    id: Id,
    /** The module's public command for this fix (online fixes only). */
    command: FixCommand.optional(),
    scope: z.enum(['online', 'offline']),
    title: LocalizedText,
    description: LocalizedText,
    parameters: z.array(FixParameter).default([]),
    operations: z.array(Operation).min(1),
    backup: z.object({ description: LocalizedText }).strict(),
    undo: Undo,
    verify: z
      .object({
        description: LocalizedText,
        /** Checks (by id) that must no longer fire once the fix has worked. */
        checks: z.array(Id).default([]),
      })
      .strict(),
    /**
     * Event checks (by id) that make the fix worth running even when its verify checks are
     * quiet: they report a failure no state check can see (a damaged or missing key). Events
     * describe the past, so they never verify a fix.
     */
    neededWhenEvents: z.array(Id).default([]),
    effects: z
      .object({ restartsServices: z.array(ServiceName).default([]), reboot: z.boolean() })
      .strict(),
    /** Present when the fix lowers the machine's security; says how to restore it. */
    weakensSecurity: z
      .object({ warning: LocalizedText, restore: LocalizedText })
      .strict()
      .optional(),
    /** Not applied by a scenario repair unless the operator asks for it by name. */
    optIn: z.boolean().default(false),
    sources: z.array(Source).min(1),
  })
  .strict()
  .refine((f) => f.scope === 'offline' || f.command !== undefined, {
    message: 'an online fix needs the name of its module command',
    path: ['command'],
  })
  .refine((f) => f.parameters.length === 0 || f.optIn, {
    message: 'a fix that takes parameters must be optIn (a repair cannot guess them)',
    path: ['optIn'],
  });
export type Fix = z.infer<typeof Fix>;
export type FixInput = z.input<typeof Fix>;
