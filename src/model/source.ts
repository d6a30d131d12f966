import { z } from 'zod';

/** The seed articles the catalog was built from (copies in shared/seeds). */
export const ARTICLE_IDS = ['event-id-troubleshoot', 'internal-error'] as const;

/** A section of a seed article. */
export const SeedSource = z
  .object({
    article: z.enum(ARTICLE_IDS),
    /** Section heading in the English original (or its English anchor). */
    section: z.string().min(1),
    /** What the catalog changed from the seed, when the seed command was wrong. */
    correction: z.string().min(1).optional(),
  })
  .strict();

/**
 * A section of a Microsoft documentation page that is not a seed (the scenarios beyond the
 * seeds were checked against these). Only Microsoft's own sites: the catalog's facts must
 * come from the vendor.
 */
export const DocSource = z
  .object({
    url: z
      .string()
      .regex(
        /^https:\/\/learn\.microsoft\.com\/en-us\/[\w./-]+$/,
        'must be a https://learn.microsoft.com/en-us/ page',
      ),
    /** The page's English title. */
    title: z.string().min(1),
    /** Section heading in the page (English). */
    section: z.string().min(1),
    correction: z.string().min(1).optional(),
  })
  .strict();

export const Source = z.union([SeedSource, DocSource]);
export type Source = z.infer<typeof Source>;
export type SeedSource = z.infer<typeof SeedSource>;

export function isSeedSource(source: Source): source is SeedSource {
  return 'article' in source;
}
