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
  // The same words the module and the offline script print (CMD is English only).
  const weakens = fix.weakensSecurity;
  if (weakens)
    footer.push(
      echo(text(`RDPRESCUE warning: ${weakens.warning['en-US']}`)),
      echo(text(`RDPRESCUE ${weakens.restore['en-US']}`)),
    );
  if (fix.effects.reboot) footer.push(echo(text(`RDPRESCUE ${fix.id}: restart the VM to finish`)));
  // An opt-in fix that lowers security says so where it ran, as the module and offline do.
  if (fix.weakensSecurity)
    footer.push(
      echo(...report(fix, `warning: ${fix.weakensSecurity.warning['en-US']}`)),
      echo(...report(fix, `to restore: ${fix.weakensSecurity.restore['en-US']}`)),
    );
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
 * block 1 protects the backup root and reads it back, later blocks run only when block 1 of
 * this fix found it protected in this console; failure travels from block to block in a
 * marker file, block 1 starts afresh, the last block refuses to say "applied" unless every
 * earlier block ran, and every block ends by saying it ran to its end (a truncated paste
 * shows).
 */
export function pasteProgram(fix: Fix, catalog: Catalog) {
  const body = fixBody(fix, catalog, { kind: 'online' });
  const go = Name.generated('parameters valid and backup protected');
  const guard = (command: Command) => when(defined(go), command);
  // Before the root check only the parameters may have refused.
  const rootGuard = fix.parameters.length > 0 ? guard : (command: Command) => command;
  const usage = (name: string, type: string) => `needs: set ${parameterName(name).hint}=<${type}>`;
  const ran = (k: number) => backupPath(`block-${k}.ran`);
  // Later blocks run only after block 1 found the fix folder protected (RRT names it).
  const block1Passed = equals([ref(ROOT_TRUSTED)], [ref(BACKUP)]);
  // Built once: every block must print the same names.
  const checks = fix.parameters.length > 0 ? parameterChecks(fix, go, usage) : [set(go, '1')];
  const laterChecks =
    fix.parameters.length > 0
      ? [
          ...checks.slice(0, -1),
          when(not(block1Passed), clear(go)),
          when(
            not(defined(go)),
            echo(...report(fix, `NOT APPLIED: bad or missing parameter, or ${BLOCK1_REFUSAL}`)),
          ),
        ]
      : [
          ...checks,
          when(
            not(block1Passed),
            seq(echo(...report(fix, `refused: ${BLOCK1_REFUSAL}`)), clear(go)),
          ),
        ];
  const answer = Name.generated('backup root read back');
  // Block k marks that it ran only after block k-1 did (block 1 clears the marks), so the
  // last block's one check covers every earlier block.
  const earlierRan = (of: number) =>
    when(not(exist([ran(of - 1)])), seq(echo(...report(fix, 'missed a block')), failed()));
  const prologue = ({ block, of }: BlockPosition): Command[] => {
    return [
      exec(id('@echo'), text('off')),
      rem(`RdpRescue fix ${fix.id} - block ${block}/${of}`),
      backupFolder(fix, 'online', block === 1),
      ...(block === 1 ? checks : laterChecks),
      // Block 1 protects the root and reads it back; later blocks run only after it did
      // (RRT names the fix folder block 1 found protected).
      ...(block === 1
        ? [
            rootGuard(seq(clear(ROOT_TRUSTED), ...protectRoot(answer))),
            guard(
              when(
                equals([ref(answer)], 'Y'),
                set(ROOT_TRUSTED, [ref(BACKUP)]),
                seq(echo(...report(fix, ROOT_REFUSAL)), clear(go)),
              ),
            ),
            guard(makeFolder()),
          ]
        : []),
      ...(of > 1 && block === 1
        ? [
            guard(
              run(
                ['del', '/q', backupPath('block-*.ran'), backupPath('failed')],
                [toNul, errToNul],
              ),
            ),
          ]
        : []),
      ...(block > 1
        ? [
            guard(
              when(
                exist([backupPath('failed')]),
                seq(echo(...report(fix, 'failed earlier')), failed()),
              ),
            ),
          ]
        : []),
      ...(of > 1 && block === of ? [guard(earlierRan(of))] : []),
    ];
  };
  const epilogue = ({ block, of }: BlockPosition): Command[] => [
    ...(block < of
      ? [
          guard(
            block === 1 ? touch([ran(block)]) : when(exist([ran(block - 1)]), touch([ran(block)])),
          ),
          guard(when(defined(FAILED), touch([backupPath('failed')]))),
        ]
      : []),
    echo(...report(fix, `block ${block}/${of} done`)),
    exec(id('@echo'), text('on')),
  ];
  return {
    prologue,
    steps: body.steps.map((step) => step.map(guard)),
    footer: body.footer.map(guard),
    epilogue,
  };
}

/**
 * The .cmd file: parameters from its arguments, exit 2 when refused, 1 when it failed or its
 * backup folder is not protected.
 */
export function batchProgram(fix: Fix, catalog: Catalog, version: string): Command[] {
  const body = fixBody(fix, catalog, { kind: 'online' });
  const valid = Name.generated('parameters valid');
  const answer = Name.generated('backup root read back');
  const usage = (_: string, type: string) =>
    `usage: ${fix.id}.cmd <${fix.parameters.map((p) => p.type).join('> <') || type}>`;
  return [
    exec(id('@echo'), text('off')),
    exec('setlocal'),
    rem(`RdpRescue fix ${fix.id}`),
    rem(`Generated by rdp-rescue ${version} from the catalog; edit the catalog, not this file.`),
    // An argument, never a value left in the console, names what to change.
    ...fix.parameters.map((p, i) => setQuoted(parameterName(p.name), [arg(i + 1)])),
    backupFolder(fix, 'online'),
    ...parameterChecks(fix, valid, usage),
    ...(fix.parameters.length > 0 ? [when(not(defined(valid)), exit(2))] : []),
    ...protectRoot(answer),
    when(not(equals([ref(answer)], 'Y')), seq(echo(...report(fix, ROOT_REFUSAL)), exit(1))),
    makeFolder(),
    ...body.steps.flat(),
    ...body.footer,
    when(defined(FAILED), exit(1)),
    exit(0),
  ];
}
