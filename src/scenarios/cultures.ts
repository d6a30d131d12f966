import { CULTURES, DEFAULT_CULTURE, type Culture } from '../model/text.ts';

/** A LocalizedText as a team wrote it: an object whose keys are cultures, with en-US. */
function isAuthoredText(value: unknown): value is Partial<Record<Culture, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.includes(DEFAULT_CULTURE) && keys.every((k) => (CULTURES as readonly string[]).includes(k))
  );
}

/**
 * Copy of a team's definition where every text missing a culture carries the en-US text.
 * Returns the cultures that were missing somewhere (the caller warns once per culture).
 */
export function fillCultures(data: unknown): { data: unknown; missing: Culture[] } {
  const missing = new Set<Culture>();
  const fill = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fill);
    if (isAuthoredText(value)) {
      const filled: Record<string, unknown> = { ...value };
      for (const culture of CULTURES) {
        if (filled[culture] === undefined) {
          filled[culture] = value[DEFAULT_CULTURE];
          missing.add(culture);
        }
      }
      return filled;
    }
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    return value;
  };
  const filled = fill(data);
  return { data: filled, missing: CULTURES.filter((c) => missing.has(c)) };
}
