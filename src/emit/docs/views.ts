import {
  CULTURES,
  type Catalog,
  type Culture,
  type Fix,
  type ManualStep,
  type Scenario,
} from '../../model/index.ts';
import type { Artifact } from '../artifact.ts';
import { azureSidePointer } from './azure-side.ts';
import { describeEvidence } from './evidence.ts';
import { moduleExports } from './generated-files.ts';
import type { ModuleIdentity } from '../../identity/identity.ts';
import {
  batchConfirmation,
  generatedFiles,
  pasteBlocks,
  type BlockOwner,
} from '../paste-blocks.ts';
import { label, labelsOf, ROLE_LABEL } from './labels.ts';
import { code, fence, prose } from './markdown.ts';
import { sourceViews } from './sources.ts';
import { repairVmScript } from './repair-vm.ts';

/**
 * What the templates print: every string is final Markdown (prose escaped, commands in code
 * spans or fences taken from the model or from generated artifacts).
 */
export interface Ctx {
  catalog: Catalog;
  culture: Culture;
  version: string;
  earlier: readonly Artifact[];
  exports: Set<string> | undefined;
}

export function context(
  catalog: Catalog,
  culture: Culture,
  version: string,
  earlier: readonly Artifact[],
  identity: ModuleIdentity,
): Ctx {
  return { catalog, culture, version, earlier, exports: moduleExports(earlier, identity) };
}

const SHELL_FENCE = { powershell: 'powershell', cmd: 'bat', 'azure-cli': 'bash' } as const;

function languages(ctx: Ctx, file: string) {
  return CULTURES.filter((c) => c !== ctx.culture).map((c) => `[${c}](../${c}/${file})`);
}

/**
 * A module command. Fix commands are named by the model; the module's own entry points
 * (Invoke-RdpDiagnosis ...) are shown only when the generated module exports them.
 */
function moduleCommand(ctx: Ctx, name: string, args: string, namedByModel: boolean) {
  const shown = namedByModel || (ctx.exports?.has(name) ?? false);
  return shown ? `${name}${args}` : undefined;
}

/**
 * Each runbook shows the diagnosis in full while it is a few pastes long; a larger catalog's
 * diagnosis is named by its first and last file in one line, since showing it, or a line per
 * block, in every runbook grows the runbooks with the square of the scenario count (the
 * scaling benchmark ran out of memory, then took minutes, at 1,000).
 */
const SHOWN_DIAGNOSIS_BLOCKS = 4; // the most pastes the diagnosis may take (issue 15)

function blocksView(ctx: Ctx, owner: BlockOwner) {
  const blocks = pasteBlocks(ctx.earlier, owner);
  const show = !('role' in owner) || blocks.length <= SHOWN_DIAGNOSIS_BLOCKS;
  if (!show)
    return [
      {
        parameters: [],
        confirm: undefined,
        caption: label('blockFiles', ctx.culture, {
          of: blocks.length,
          chars: blocks.reduce((n, b) => n + b.chars, 0).toLocaleString('en-US'),
          first: code(blocks[0]!.path),
          last: code(blocks.at(-1)!.path),
        }),
        fence: undefined,
      },
    ];
  return blocks.map((b) => ({
    parameters: b.parameters,
    confirm: b.confirm,
    caption: label('block', ctx.culture, {
      block: b.block,
      of: b.of,
      chars: b.chars,
      path: code(b.path),
    }),
    fence: show ? fence(b.text, 'bat') : undefined,
  }));
}

function manualStepView(step: ManualStep, culture: Culture) {
  return {
    id: step.id,
    text: prose(step.text[culture]),
    commands: step.commands.map((c) => fence(c.code, SHELL_FENCE[c.shell])),
  };
}

function fixView(ctx: Ctx, fix: Fix, index: number) {
  const c = ctx.culture;
  const args = fix.parameters.map((p) => ` -${p.name} <${p.name}>`).join('');
  const command = fix.command ? moduleCommand(ctx, fix.command, args, true) : undefined;
  const owner = { fix: fix.id };
  const blocks = fix.scope === 'online' ? blocksView(ctx, owner) : [];
  // The CMD blocks read parameters from variables named in their meta, in the fix's order.
  const variables = blocks[0]?.parameters ?? [];
  const confirmation = batchConfirmation(ctx.earlier, owner);
  return {
    id: fix.id,
    number: index + 1,
    title: prose(fix.title[c]),
    description: prose(fix.description[c]),
    optIn: fix.optIn ? label('optIn', c) : undefined,
    command: command ? fence(command, 'powershell') : undefined,
    parameters: fix.parameters.map(
      (p) => `${code('-' + p.name)}${label('colon', c)}${prose(p.help[c])}`,
    ),
    blocks,
    setParameters: variables.map((v, i) => code(`set ${v}=<${fix.parameters[i]?.name ?? v}>`)),
    confirmFirst: blocks[0]?.confirm ? code(blocks[0].confirm) : undefined,
    batchFiles: generatedFiles(ctx.earlier, 'cmd-batch', owner).map(code),
    batchConfirm: confirmation ? code(confirmation) : undefined,
    offlineFiles: generatedFiles(ctx.earlier, 'cmd-offline', owner).map(code),
    repairVmParameter:
      fix.scope === 'offline' && repairVmScript(ctx.earlier) ? code(`Repair=${fix.id}`) : undefined,
    backup: prose(fix.backup.description[c]),
    verify: prose(fix.verify.description[c]),
    undo: prose(fix.undo.description[c]),
    irreversible: fix.undo.strategy === 'irreversible' ? prose(fix.undo.reason[c]) : undefined,
    restarts: fix.effects.restartsServices.map(code).join(', '),
    reboot: fix.effects.reboot ? label('rebootNeeded', c) : undefined,
    security: fix.weakensSecurity
      ? {
          warning: prose(fix.weakensSecurity.warning[c]),
          restore: prose(fix.weakensSecurity.restore[c]),
        }
      : undefined,
  };
}

function fixesOf(catalog: Catalog, ids: readonly string[]): Fix[] {
  return ids.map((id) => {
    const fix = catalog.fixes.find((f) => f.id === id);
    if (!fix) throw new Error(`unknown fix '${id}'`);
    return fix;
  });
}

export function scenarioView(ctx: Ctx, scenario: Scenario) {
  const { catalog, culture: c } = ctx;
  const diagnose = moduleCommand(ctx, 'Invoke-RdpDiagnosis', ` -Scenario ${scenario.id}`, false);
  const repair = moduleCommand(ctx, 'Invoke-RdpRepair', ` -Scenario ${scenario.id}`, false);
  return {
    L: labelsOf(c),
    id: scenario.id,
    title: prose(scenario.title[c]),
    summary: prose(scenario.summary[c]),
    azureFirst: azureSidePointer(c),
    generated: label('generated', c, { version: ctx.version }),
    languages: languages(ctx, `${scenario.id}.md`),
    symptoms: scenario.symptoms.map((id) =>
      prose(catalog.symptoms.find((s) => s.id === id)!.text[c]),
    ),
    evidence: scenario.evidence.map((e) => {
      const [first, ...details] = describeEvidence(e, c);
      return {
        what: label('evidenceItem', c, {
          role: label(ROLE_LABEL[e.role], c),
          id: code(e.check.id),
          what: first!,
        }),
        details,
        finding: prose(e.finding[c]),
      };
    }),
    causes: scenario.causes.map((cause) => prose(cause[c])),
    diagnose: {
      module: diagnose ? fence(diagnose, 'powershell') : undefined,
      serialIntro: prose(label('diagnoseSerial', c, { id: scenario.id })),
      blocks: blocksView(ctx, { role: 'diagnosis' }),
      batchFiles: generatedFiles(ctx.earlier, 'cmd-batch', { role: 'diagnosis' }).map(code),
    },
    repair: repair && scenario.fixes.length > 0 ? fence(repair, 'powershell') : undefined,
    fixes: fixesOf(catalog, scenario.fixes).map((f, i) => fixView(ctx, f, i)),
    manualSteps: scenario.manualSteps.map((s) => manualStepView(s, c)),
    sources: sourceViews(scenario.sources, catalog.articles, c),
  };
}

/**
 * The rescue-VM flow runs the script between creating the rescue VM and swapping the disk
 * back: the model's offline steps from the first one that restores the disk come after it.
 */
function splitAtRestore(steps: readonly ManualStep[]) {
  const restore = steps.findIndex((s) =>
    s.commands.some((c) => /\baz vm repair restore\b/.test(c.code)),
  );
  const cut = restore < 0 ? steps.length : restore;
  return { before: steps.slice(0, cut), after: steps.slice(cut) };
}

function repairVmView(ctx: Ctx) {
  const script = repairVmScript(ctx.earlier);
  if (!script) return undefined;
  const c = ctx.culture;
  const run = script.invocations;
  return {
    intro: label('repairVmIntro', c, { path: code(`dist-ps/${script.path}`) }),
    internet: label('repairVmInternet', c, {
      command: code(
        `az vm run-command invoke --resource-group <repair-rg> --name <repair-vm> --command-id RunPowerShellScript --scripts @dist-ps/${script.path} --parameters Mode=Diagnose`,
      ),
    }),
    diskIdentity: label('repairVmDiskIdentity', c),
    diagnose: fence(run.diagnose, 'bash'),
    repairAll: fence(run.repairAll, 'bash'),
    repairSome: fence(run.repairSome, 'bash'),
    ids: label('runRepairSome', c, { ids: ctx.catalog.offline.repairs.map(code).join(', ') }),
    undo: fence(run.undo, 'bash'),
    byHand: fence(run.byHand, 'powershell'),
  };
}

export function offlineView(ctx: Ctx) {
  const { catalog, culture: c } = ctx;
  const mode = catalog.offline;
  const steps = splitAtRestore(mode.manualSteps);
  return {
    L: labelsOf(c),
    title: prose(mode.title[c]),
    summary: prose(mode.summary[c]),
    azureFirst: azureSidePointer(c),
    generated: label('generated', c, { version: ctx.version }),
    languages: languages(ctx, 'offline.md'),
    repairs: fixesOf(catalog, mode.repairs).map((f, i) => fixView(ctx, f, i)),
    repairAll: generatedFiles(ctx.earlier, 'cmd-offline', { role: 'repair-all' }).map(code),
    repairVm: repairVmView(ctx),
    before: steps.before.map((s) => manualStepView(s, c)),
    after: steps.after.map((s) => manualStepView(s, c)),
    manualSteps: mode.manualSteps.map((s) => manualStepView(s, c)),
    sources: sourceViews(mode.sources, catalog.articles, c),
  };
}
