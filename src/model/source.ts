import { z } from 'zod';

/** The seed articles the catalog was built from (copies in shared/seeds). */
export const ARTICLE_IDS = ['event-id-troubleshoot', 'internal-error'] as const;

export const Source = z
  .object({
    article: z.enum(ARTICLE_IDS),
    /** Section heading in the English original (or its English anchor). */
    section: z.string().min(1),
    /** What the catalog changed from the seed, when the seed command was wrong. */
    correction: z.string().min(1).optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;
