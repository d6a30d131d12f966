import type { OperationOf } from '../../../model/index.ts';
import {
  echo,
  errorlevel,
  exist,
  not,
  q,
  qt,
  quiet,
  run,
  seq,
  set,
  id,
  when,
  type Command,
  type Part,
} from '../syntax/index.ts';
import { FAILED, addUndo, backupPath, report, windowsPath, type FixContext } from './context.ts';
import type { Step } from './registry.ts';

/**
 * icacls /save keeps SDDL with SIDs (language-neutral); /restore applies it from the parent.
 * Saved once per folder: the first save is the state before any change of this fix. A
 * partial save (some file unreadable) still restores what it holds, so it still gets its
 * undo line, with a warning; without a saved file nothing of the folder is changed.
 */
function aclBackup(ctx: FixContext, path: Part[]): { lines: Command[]; saved: Part } {
  const file = ctx.backupFile(textOf(path), 'a');
  const saved = backupPath(`${file}.acl`);
  const last = path[path.length - 1]!;
  if (last.kind !== 'id') throw new Error('an ACL backup needs a literal folder');
  const parent = [
    ...path.slice(0, -1),
    { ...last, value: last.value.slice(0, last.value.lastIndexOf('\\')) },
  ];
  const save = seq(
    run(['icacls', q(...path), '/save', saved, '/t', '/c'], quiet),
    when(errorlevel(1), echo(...report(ctx.fix, 'warning: some permissions could not be saved'))),
    when(exist([saved]), addUndo(run(['icacls', q(...parent), '/restore', saved, '/c']))),
  );
  if (!ctx.once(`acl-backup:${file}`)) return { saved, lines: [] };
  return {
    saved,
    lines: [
      when(not(exist([saved])), save),
      when(
        not(exist([saved])),
        seq(
          echo(...report(ctx.fix, 'could not save the permissions: nothing changed')),
          set(FAILED, '1'),
        ),
      ),
    ],
  };
}

function textOf(path: Part[]): string {
  return path.map((p) => ('value' in p ? p.value : p.kind === 'ref' ? p.name.hint : '')).join('');
}

/** Runs an icacls change only when the folder's permissions were saved. */
function change(saved: Part, command: Command): Command {
  return when(exist([saved]), command);
}

const failOnError = (command: Command) => seq(command, when(errorlevel(1), set(FAILED, '1')));

export function aclGrant(op: OperationOf<'acl-grant'>, ctx: FixContext): Step[] {
  const path = windowsPath(op.path, ctx.scope);
  const backup = aclBackup(ctx, path);
  const grants = op.grants.map((g) => qt(`*${g.sid}:(${g.rights})`));
  const target = op.filesStartingWith ? [...path, id(`\\${op.filesStartingWith}*`)] : path;
  const grant = failOnError(
    run(['icacls', q(...target), '/grant', ...grants, ...(op.recurse ? ['/t'] : []), '/c'], quiet),
  );
  // Key files that are not there (no RDP certificate yet) are nothing to repair.
  const body = op.filesStartingWith
    ? when(
        exist([q(...target)]),
        grant,
        echo(...report(ctx.fix, `no ${op.filesStartingWith}* files: skipped`)),
      )
    : grant;
  return [[...backup.lines, change(backup.saved, body)]];
}

/** icacls /setowner with a SID, not takeown (its /d Y|N answer is localized). */
export function takeOwnership(op: OperationOf<'take-ownership'>, ctx: FixContext): Step[] {
  const path = windowsPath(op.path, ctx.scope);
  const backup = aclBackup(ctx, path);
  const owner = run(
    ['icacls', q(...path), '/setowner', `*${op.owner}`, ...(op.recurse ? ['/t'] : []), '/c'],
    quiet,
  );
  return [[...backup.lines, change(backup.saved, failOnError(owner))]];
}
