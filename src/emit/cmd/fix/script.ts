import type { Catalog, Check, Fix } from '../../../model/index.ts';
import { checksOf } from '../../../model/index.ts';
import {
  ForVar,
  Name,
  arg,
  clear,
  defined,
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
  const footer: Command[] = [];
  if (scope.kind === 'online') {
    const checks = new Map<string, Check>(checksOf(catalog).map(({ check }) => [check.id, check]));
    // A restarted service binds its port a moment after net start returns.
    const listens = fix.verify.checks.some((id) => checks.get(id)?.kind === 'rdp-listener');
    if (listens && fix.effects.restartsServices.length > 0)
      footer.push(run(['ping', '-n', '4', '127.0.0.1'], [toNul]));
    for (const id of fix.verify.checks) {
      const check = checks.get(id);
      if (!check) throw new Error(`fix '${fix.id}': unknown verify check '${id}'`);
      const v = verification(check, ctx);
      footer.push(
        ...v.lines,
        when(v.fired, seq(echo(...report(fix, `verify ${id} still-fires`)), failed())),
        when(v.quiet, echo(...report(fix, `verify ${id} ok`))),
      );
      if (v.unknown)
        footer.push(
          when(v.unknown, seq(echo(...report(fix, `verify ${id} could not run`)), failed())),
        );
    }
  }
  footer.push(
    when(defined(FAILED), echo(...report(fix, 'FAILED')), echo(...report(fix, 'applied'))),
    echo(text('RDPRESCUE undo: call '), backupPath('undo.cmd')),
  );
  if (fix.effects.reboot) footer.push(echo(text(`RDPRESCUE ${fix.id}: restart the VM to finish`)));
  return { steps, footer };
}

/** RRF cleared, RRB the fix's backup folder (online under ProgramData, offline under RRB). */
function backupFolder(fix: Fix, root: 'online' | 'offline'): Command {
  const base = root === 'online' ? BACKUP_ROOT() : [ref(BACKUP)];
  return seq(clear(FAILED), set(BACKUP, [...base, id('\\'), text(fix.id)]));
}

const BACKUP_ROOT = () => [ref(Name.env('ProgramData')), id('\\RdpRescue\\backup')];

/**
 * The backup root, made the way the module makes it when it is new: only SYSTEM and
 * Administrators may change it, nothing inherited from ProgramData (where every user may
 * create files), so nobody else can plant an undo.cmd that an administrator then runs, and
 * the module later accepts the root as its own.
 */
const makeRoot = () =>
  when(
    not(exist([q(...BACKUP_ROOT())])),
    seq(
      run(['md', q(...BACKUP_ROOT())], quiet),
      run(
        [
          'icacls',
          q(...BACKUP_ROOT()),
          '/inheritance:r',
          '/grant:r',
          qt('*S-1-5-18:(OI)(CI)F'),
          qt('*S-1-5-32-544:(OI)(CI)F'),
        ],
        quiet,
      ),
    ),
  );

/**
 * The fix's backup folder, and with it the root when it is new. A later paste block makes only
 * the folder: block 1 has made the root (the last block says so when it has not).
 */
const makeFolder = (mayCreateRoot: boolean) => {
  const folder = when(not(exist([q(ref(BACKUP))])), exec('md', q(ref(BACKUP))));
  return mayCreateRoot ? seq(makeRoot(), folder) : folder;
};

/**
 * The paste blocks: each checks the parameters again and changes nothing without them;
 * failure travels from block to block in a marker file, block 1 starts afresh, the last block
 * refuses to say "applied" unless every earlier block ran, and every block ends by saying
 * it ran to its end (a truncated paste shows).
 */
export function pasteProgram(fix: Fix, catalog: Catalog) {
  const body = fixBody(fix, catalog, { kind: 'online' });
  const valid = Name.generated('parameters valid');
  const guarded = fix.parameters.length > 0;
  const guard = (command: Command) => (guarded ? when(defined(valid), command) : command);
  const usage = (name: string, type: string) => `needs: set ${parameterName(name).hint}=<${type}>`;
  const ran = (k: number) => backupPath(`block-${k}.ran`);
  // Built once: every block must print the same names.
  const checks = parameterChecks(fix, valid, usage);
  // Block k marks that it ran only after block k-1 did (block 1 clears the marks), so the
  // last block's one check covers every earlier block.
  const earlierRan = (of: number) =>
    when(
      not(exist([ran(of - 1)])),
      seq(echo(...report(fix, 'missed a block: paste all in order')), failed()),
    );
  const prologue = ({ block, of }: BlockPosition): Command[] => {
    return [
      exec(id('@echo'), text('off')),
      rem(`RdpRescue fix ${fix.id} - block ${block}/${of}`),
      backupFolder(fix, 'online'),
      ...checks,
      // Block 1 makes the folder in its first step, which may need the room a prologue lacks.
      ...(block > 1 ? [guard(makeFolder(false))] : []),
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
      ...(block > 1 ? [guard(when(exist([backupPath('failed')]), failed()))] : []),
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
    steps: [[makeFolder(true)], ...body.steps].map((step) => step.map(guard)),
    footer: body.footer.map(guard),
    epilogue,
  };
}

/** The .cmd file: parameters from its arguments, exit 2 when refused, 1 when it failed. */
export function batchProgram(fix: Fix, catalog: Catalog, version: string): Command[] {
  const body = fixBody(fix, catalog, { kind: 'online' });
  const valid = Name.generated('parameters valid');
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
    makeFolder(true),
    ...body.steps.flat(),
    ...body.footer,
    when(defined(FAILED), exit(1)),
    exit(0),
  ];
}
