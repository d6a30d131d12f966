import { z } from 'zod';
import { Check } from './checks.ts';
import { Id, LocalizedText } from './text.ts';
import { Source } from './source.ts';

/**
 * How a check counts for its scenario:
 * - primary: firing is enough to call the scenario Detected;
 * - supporting: reported as evidence, never decides alone;
 * - precondition: the scenario only applies when it fires (e.g. the broker role is installed).
 */
export const EvidenceRole = z.enum(['primary', 'supporting', 'precondition']);

export const Evidence = z
  .object({
    role: EvidenceRole,
    check: Check,
    /** What it means when the check fires. */
    finding: LocalizedText,
  })
  .strict();
export type Evidence = z.infer<typeof Evidence>;

export const ManualCommand = z
  .object({ shell: z.enum(['powershell', 'cmd', 'azure-cli']), code: z.string().min(1) })
  .strict();

export const ManualStep = z
  .object({
    id: Id,
    text: LocalizedText,
    /** Guidance only: RdpRescue never runs these. */
    commands: z.array(ManualCommand).default([]),
  })
  .strict();
export type ManualStep = z.infer<typeof ManualStep>;

export const Scenario = z
  .object({
    id: Id,
    title: LocalizedText,
    summary: LocalizedText,
    symptoms: z.array(Id).min(1),
    evidence: z
      .array(Evidence)
      .min(1)
      .refine((e) => e.some((x) => x.role === 'primary'), 'needs at least one primary check'),
    causes: z.array(LocalizedText).min(1),
    /** Fix ids, in the order a repair applies them. */
    fixes: z.array(Id).default([]),
    manualSteps: z.array(ManualStep).default([]),
    sources: z.array(Source).min(1),
  })
  .strict()
  .refine((s) => s.fixes.length > 0 || s.manualSteps.length > 0, {
    message: 'a scenario needs at least one fix or manual step',
    path: ['fixes'],
  });
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

export const Symptom = z.object({ id: Id, text: LocalizedText }).strict();
export type Symptom = z.infer<typeof Symptom>;
export type SymptomInput = z.input<typeof Symptom>;

export const Article = z
  .object({
    id: z.string(),
    title: LocalizedText,
    /** Seed file per culture (the translations are machine translations of the original). */
    seeds: z.record(z.string(), z.string()),
    /** Culture of the original text. */
    original: z.enum(['en-US', 'sv-SE', 'nl-NL', 'zh-TW']),
  })
  .strict();
export type Article = z.infer<typeof Article>;
export type ArticleInput = z.input<typeof Article>;

/** Offline repair from a rescue VM: a mode, not a scenario. */
export const OfflineMode = z
  .object({
    title: LocalizedText,
    summary: LocalizedText,
    /** Offline fix ids, in the order they are applied. */
    repairs: z.array(Id).min(1),
    manualSteps: z.array(ManualStep).default([]),
    sources: z.array(Source).min(1),
  })
  .strict();
export type OfflineMode = z.infer<typeof OfflineMode>;
export type OfflineModeInput = z.input<typeof OfflineMode>;
