import { z } from 'zod';

/** The cultures RdpRescue speaks. Every user-facing string exists in all of them. */
export const CULTURES = ['en-US', 'sv-SE', 'nl-NL', 'zh-TW'] as const;
export type Culture = (typeof CULTURES)[number];
export const DEFAULT_CULTURE: Culture = 'en-US';

const translation = z.string().trim().min(1, 'translation is empty');

export const LocalizedText = z
  .object({
    'en-US': translation,
    'sv-SE': translation,
    'nl-NL': translation,
    'zh-TW': translation,
  })
  .strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Ids are public contracts (command line, output, file names): lower-case kebab. */
export const Id = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case kebab-case, e.g. "rdp-cert-invalid"')
  .max(40);
