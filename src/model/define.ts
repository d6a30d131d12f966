import type { Culture, LocalizedText } from './text.ts';
import type { ScenarioInput } from './scenario.ts';
import type { FixInput } from './fix.ts';

/**
 * The typed authoring API: `export default defineScenario({ ... })`. The functions only tag
 * the object (so a loader can tell a scenario file from a fix file); zod validates it later.
 */

/** Text an author writes: en-US is required, other cultures fall back to it. */
export type AuthoredText = { 'en-US': string } & Partial<Record<Exclude<Culture, 'en-US'>, string>>;

/** T with every LocalizedText relaxed to AuthoredText (distributes over the check/operation unions). */
export type Authored<T> = T extends LocalizedText
  ? AuthoredText
  : T extends readonly (infer U)[]
    ? Authored<U>[]
    : T extends object
      ? { [K in keyof T]: Authored<T[K]> }
      : T;

export type ScenarioDefinition = Authored<ScenarioInput> & {
  /** Id of the built-in scenario this one replaces (otherwise an id collision is an error). */
  replaces?: string;
};
export type FixDefinition = Authored<FixInput>;

/** A global symbol: team files may load their own copy of this module (tsx namespaces). */
export const DEFINITION_KIND = Symbol.for('rdp-rescue.definition-kind');
export type DefinitionKind = 'scenario' | 'fix';

function tag<T extends object>(value: T, kind: DefinitionKind): T {
  // Non-enumerable: zod's strict objects and JSON never see it.
  return Object.defineProperty({ ...value }, DEFINITION_KIND, { value: kind, enumerable: false });
}

export function defineScenario(scenario: ScenarioDefinition): ScenarioDefinition {
  return tag(scenario, 'scenario');
}

export function defineFix(fix: FixDefinition): FixDefinition {
  return tag(fix, 'fix');
}

export function definitionKind(value: unknown): DefinitionKind | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kind = (value as Record<symbol, unknown>)[DEFINITION_KIND];
  return kind === 'scenario' || kind === 'fix' ? kind : undefined;
}
