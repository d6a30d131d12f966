import type { Catalog, Check, Fix } from '../../../model/index.ts';
import { checksOf } from '../../../model/index.ts';
import {
  ForVar,
  Name,
  arg,
  clear,
  defined,
  equals,
  echo,
  errToNul,
  exec,
  exist,
  exit,
  forRange,
  forRef,
  id,
  not,
  q,
  qt,
  quiet,
  ref,
  rem,
  run,
  seq,
  set,
  setQuoted,
  text,
  toNul,
  touch,
  when,
  type BlockPosition,
  type Command,
  type Condition,
  type Word,
} from '../syntax/index.ts';
import {
  BACKUP,
  FAILED,
  backupPath,
  fixContext,
  parameterName,
  report,
  type FixScope,
} from './context.ts';
import {
  ROOT_REFUSAL,
  BLOCK1_REFUSAL,
  ROOT_TRUSTED,
  protectRoot,
  BACKUP_ROOT,
  ONLINE_BACKUP_ROOT,
} from './backup-root.ts';
import { renderOperation } from './operations.ts';
import { parameterChecks } from './parameters.ts';
import {
  BATCH_CONFIRM,
  GATE_PASSED,
  CONFIRM,
  confirmCheck,
  confirmation,
  policyRefusals,
  securityWarning,
} from './gate.ts';
import type { Step } from './registry.ts';
import { verification } from './verify.ts';

/** A fix as steps (each stays in one paste block) and the closing lines of its last block. */
export interface FixBody {
  steps: Step[];
  footer: Command[];
}

const failed = () => set(FAILED, '1');

export function fixBody(fix: Fix, catalog: Catalog, scope: FixScope): FixBody {
  const ctx = fixContext(fix, scope);
  const steps = fix.operations.flatMap((op) => renderOperation(op, ctx)).filter((s) => s.length);
  // Each check's read-back is a step of its own (a fix verifying many checks fills more than
  // one block); the footer only reports.
  const verify: Step[] = [];
  const wait: Command[] = [];
  const footer: Command[] = [];
  if (scope.kind === 'online') {
    const checks = new Map<string, Check>(checksOf(catalog).map(({ check }) => [check.id, check]));
    // A restarted service binds its port a moment after net start returns.
    const listens = fix.verify.checks.some((id) => checks.get(id)?.kind === 'rdp-listener');
    if (listens && fix.effects.restartsServices.length > 0)
      wait.push(run(['ping', '-n', '4', '127.0.0.1'], [toNul]));
    for (const id of fix.verify.checks) {
      const check = checks.get(id);
      if (!check) throw new Error(`fix '${fix.id}': unknown verify check '${id}'`);
      const v = verification(check, ctx);
      verify.push([
        ...(verify.length === 0 ? wait : []),
        ...v.lines,
        when(v.fired, seq(echo(...report(fix, `verify ${id} still-fires`)), failed())),
        when(v.quiet, echo(...report(fix, `verify ${id} ok`))),
        ...(v.unknown
          ? [when(v.unknown, seq(echo(...report(fix, `verify ${id} could not run`)), failed()))]
          : []),
      ]);
    }
  }
  footer.push(
    when(defined(FAILED), echo(...report(fix, 'FAILED')), echo(...report(fix, 'applied'))),
    echo(text('RDPRESCUE undo: call '), backupPath('undo.cmd')),
  );
  if (fix.effects.reboot) footer.push(echo(text(`RDPRESCUE ${fix.id}: restart the VM to finish`)));
  // The warning was printed before the change (gate.ts); how to restore stays next to undo.
  if (fix.weakensSecurity)
    footer.push(echo(...report(fix, `to restore: ${fix.weakensSecurity.restore['en-US']}`)));
  return { steps: [...steps, ...verify], footer };
}

/**
 * RRF cleared, RRB the fix's backup folder (online under ProgramData, offline under RRB);
 * online, RRR the root when the lines take it over.
 */
function backupFolder(fix: Fix, root: 'online' | 'offline', withRoot = true): Command {
  if (root === 'offline')
    return seq(clear(FAILED), set(BACKUP, [ref(BACKUP), id('\\'), text(fix.id)]));
  if (!withRoot)
    return seq(clear(FAILED), set(BACKUP, [...ONLINE_BACKUP_ROOT(), id('\\'), text(fix.id)]));
  return seq(
    clear(FAILED),
    set(BACKUP_ROOT, ONLINE_BACKUP_ROOT()),
    set(BACKUP, [ref(BACKUP_ROOT), id('\\'), text(fix.id)]),
  );
}

/** The fix's backup folder; the root is taken over and read back before it (see backup-root.ts). */
const makeFolder = () => when(not(exist([q(ref(BACKUP))])), exec('md', q(ref(BACKUP))));

/**
 * The paste blocks: each checks the parameters again and changes nothing without them;
 * the root block protects the backup root and reads it back, later blocks run only when it
 * found it protected in this console; failure travels from block to block in a marker file,
 * the root block starts afresh, the last block refuses to say "applied" unless every earlier
 * block ran, and every block ends by saying it ran to its end (a truncated paste shows).
 *
 * A fix that lowers security has its warning and the operator's confirmation (gate.ts) as a
 * block 1 of its own, which writes nothing, not even the backup folder; the root block
 * (block 2) then runs only when block 1 passed in this console (RRG names the fix). A Group
 * Policy value that would win is read in the first step, before any change.
 */
export function pasteProgram(fix: Fix, catalog: Catalog) {
  const body = fixBody(fix, catalog, { kind: 'online' });
  const gated = fix.weakensSecurity !== undefined;
  const rootBlock = gated ? 2 : 1;
  const go = Name.generated('parameters valid and backup protected');
  const guard = (command: Command) => when(defined(go), command);
  // Before the root check only the parameters (or the gate) may have refused.
  const rootGuard = fix.parameters.length > 0 || gated ? guard : (command: Command) => command;
  const usage = (name: string, type: string) => `needs: set ${parameterName(name).hint}=<${type}>`;
  const ran = (k: number) => backupPath(`block-${k}.ran`);
  // Later blocks run only after the root block found the fix folder protected (RRT names it).
  const rootPassed = equals([ref(ROOT_TRUSTED)], [ref(BACKUP)]);
  const gatePassed = equals([ref(GATE_PASSED)], [ref(BACKUP)]);
  // Built once: every block must print the same names.
  const checks = fix.parameters.length > 0 ? parameterChecks(fix, go, usage) : [set(go, '1')];
  const afterCheck = (passed: Condition, why: string) =>
    fix.parameters.length > 0
      ? [
          ...checks.slice(0, -1),
          when(not(passed), clear(go)),
          when(
            not(defined(go)),
            echo(...report(fix, `NOT APPLIED: bad or missing parameter, or ${why}`)),
          ),
        ]
      : [...checks, when(not(passed), seq(echo(...report(fix, `refused: ${why}`)), clear(go)))];
  const laterChecks = afterCheck(rootPassed, `block ${rootBlock} did not pass`);
  const gate = (): Command[] => [
    seq(clear(ROOT_TRUSTED), clear(GATE_PASSED)),
    ...checks,
    ...securityWarning(fix),
    ...confirmCheck(fix, 'paste', (message) => guard(seq(echo(...message), clear(go)))),
    // A confirmation counts for one run: pasting the fix again asks again.
    guard(seq(set(GATE_PASSED, [ref(BACKUP)]), ...(gated ? [clear(CONFIRM)] : []))),
  ];
  const answer = Name.generated('backup root read back');
  // Block k marks that it ran only after block k-1 did (the root block clears the marks), so
  // the last block's one check covers every earlier block.
  const earlierRan = (of: number) =>
    when(not(exist([ran(of - 1)])), seq(echo(...report(fix, 'missed a block')), failed()));
  const rootLines = (): Command[] => [
    rootGuard(seq(clear(ROOT_TRUSTED), ...protectRoot(answer))),
    guard(
      when(
        equals([ref(answer)], 'Y'),
        set(ROOT_TRUSTED, [ref(BACKUP)]),
        seq(echo(...report(fix, ROOT_REFUSAL)), clear(go)),
      ),
    ),
    guard(makeFolder()),
  ];
  const prologue = ({ block, of }: BlockPosition): Command[] => {
    const head = [
      exec(id('@echo'), text('off')),
      rem(`RdpRescue fix ${fix.id} - block ${block}/${of}`),
    ];
    if (block < rootBlock) return [...head, backupFolder(fix, 'online', false), ...gate()];
    return [
      ...head,
      backupFolder(fix, 'online', block === rootBlock),
      ...(block === rootBlock
        ? gated
          ? afterCheck(gatePassed, BLOCK1_REFUSAL)
          : checks
        : laterChecks),
      ...(block === rootBlock ? rootLines() : []),
      ...(of > rootBlock && block === rootBlock
        ? [
            guard(
              run(
                ['del', '/q', backupPath('block-*.ran'), backupPath('failed')],
                [toNul, errToNul],
              ),
            ),
          ]
        : []),
      ...(block > rootBlock
        ? [
            guard(
              when(
                exist([backupPath('failed')]),
                seq(echo(...report(fix, 'failed earlier')), failed()),
              ),
            ),
          ]
        : []),
      ...(of > rootBlock && block === of ? [guard(earlierRan(of))] : []),
    ];
  };
  const epilogue = ({ block, of }: BlockPosition): Command[] => [
    ...(block < of && block >= rootBlock
      ? [
          guard(
            block === rootBlock
              ? touch([ran(block)])
              : when(exist([ran(block - 1)]), touch([ran(block)])),
          ),
          guard(when(defined(FAILED), touch([backupPath('failed')]))),
        ]
      : []),
    echo(...report(fix, `block ${block}/${of} done`)),
    exec(id('@echo'), text('on')),
  ];
  // Group Policy that would win is read before the first change; its refusal stops this
  // block and, through RRT, every later one.
  // Its reads change nothing and run unguarded (a paste block's room is short).
  const policy = policyRefusals(fix, catalog, (message) =>
    guard(seq(echo(...message), clear(ROOT_TRUSTED), clear(go))),
  );
  return {
    prologue,
    steps: [...(policy.length > 0 ? [policy] : []), ...body.steps.map((step) => step.map(guard))],
    footer: body.footer.map(guard),
    epilogue,
    ownFirstBlock: gated,
  };
}

const fixUsage = (fix: Fix) => `${fix.id}.cmd${fix.parameters.map((p) => ` <${p.type}>`).join('')}`;

/**
 * The .cmd file: parameters (and the confirmation of a fix that lowers security) from its
 * arguments, exit 2 when refused for what the caller can change (a parameter, the confirmation),
 * 3 when a Group Policy value wins (no argument helps), 1 when it failed or its backup folder is
 * not protected.
 */
export function batchProgram(fix: Fix, catalog: Catalog, version: string): Command[] {
  const body = fixBody(fix, catalog, { kind: 'online' });
  const valid = Name.generated('parameters valid');
  const answer = Name.generated('backup root read back');
  const usage = () => `usage: ${confirmation(fix, 'batch') ?? fixUsage(fix)}`;
  const refuse = (message: Word) => seq(echo(...message), exit(2));
  const policyWins = (message: Word) => seq(echo(...message), exit(3));
  return [
    exec(id('@echo'), text('off')),
    exec('setlocal'),
    rem(`RdpRescue fix ${fix.id}`),
    rem(`Generated by rdp-rescue ${version} from the catalog; edit the catalog, not this file.`),
    // An argument, never a value left in the console, names what to change.
    ...fix.parameters.map((p, i) => setQuoted(parameterName(p.name), [arg(i + 1)])),
    ...(fix.weakensSecurity ? [setQuoted(BATCH_CONFIRM, [arg(fix.parameters.length + 1)])] : []),
    backupFolder(fix, 'online'),
    ...parameterChecks(fix, valid, usage),
    ...(fix.parameters.length > 0 ? [when(not(defined(valid)), exit(2))] : []),
    // Before any change, the backup folder included: what it lowers, who wins, and the
    // operator's confirmation.
    ...securityWarning(fix),
    ...policyRefusals(fix, catalog, policyWins),
    ...confirmCheck(fix, 'batch', refuse),
    ...protectRoot(answer),
    when(not(equals([ref(answer)], 'Y')), seq(echo(...report(fix, ROOT_REFUSAL)), exit(1))),
    makeFolder(),
    ...body.steps.flat(),
    ...body.footer,
    when(defined(FAILED), exit(1)),
    exit(0),
  ];
}
