/**
 * The public authoring API of rdp-rescue: what a team's scenario file imports.
 *
 *   import { defineScenario } from 'rdp-rescue';
 *   export default defineScenario({ id: 'acme-agent', ... });
 */
export {
  defineScenario,
  defineFix,
  type AuthoredText,
  type ScenarioDefinition,
  type FixDefinition,
} from './model/define.ts';
export type { Check, CheckKind, CheckOf, Comparison } from './model/checks.ts';
export type { Operation, OperationKind, OperationOf } from './model/operations.ts';
export type { ScenarioInput, SymptomInput } from './model/scenario.ts';
export type { FixInput } from './model/fix.ts';
export type { Source } from './model/source.ts';
export { CULTURES, type Culture, type LocalizedText } from './model/text.ts';
export { ARTICLE_IDS } from './model/source.ts';
export { FIX_VERBS } from './model/fix.ts';
