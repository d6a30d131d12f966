import type { OperationOf, WindowsPath } from '../../model/index.ts';
import { apply, undo, type OfflineScript, type Statement } from './offline-script.ts';
import {
  errorlevel,
  exist,
  id,
  not,
  q,
  qt,
  quiet,
  run,
  seq,
  when,
  type Command,
  type Part,
  type WordLike,
} from './syntax/index.ts';

/**
 * Permissions of folders on the attached disk. `icacls /save` keeps the DACLs with SIDs
 * (language-neutral) and `/restore` applies them from the parent folder. It does not keep
 * owners: undo says so when the fix took ownership.
 */

const ROOTS: Record<WindowsPath['root'], string> = {
  ProgramData: 'ProgramData\\',
  SystemRoot: 'Windows\\',
  SystemDrive: '',
};

function diskPath(script: OfflineScript, path: WindowsPath): Part[] {
  return script.onDisk(`${ROOTS[path.root]}${path.sub}`);
}

const parentOf = (path: WindowsPath): WindowsPath => ({
  root: path.root,
  sub: path.sub.slice(0, path.sub.lastIndexOf('\\')),
});

/**
 * Saves the folder's ACLs (and its files') once. A partial save (some files denied) still
 * allows undo of the rest, and says so; no save at all stops before any change.
 */
export function aclBackup(script: OfflineScript, path: WindowsPath): Statement[] {
  const key = `${path.root}\\${path.sub}`;
  if (!script.once(`acl:${key}`)) return [];
  const known = script.backupFile('a', key);
  const saved = `${known}.acl`;
  const folder = diskPath(script, path);
  return [
    ...apply(
      script.ifBackup(
        saved,
        seq(
          run(['icacls', q(...folder), '/save', [script.inBackup(saved)], '/t', '/c'], quiet),
          when(
            errorlevel(1),
            script.say(
              'warning: icacls could not save every ACL under ',
              ...folder,
              '; undo restores the ones it saved',
            ),
          ),
        ),
        false,
      ),
      script.ifBackup(
        saved,
        script.refuse(1, 'could not save the ACLs of ', ...folder, ': nothing changed'),
        false,
      ),
    ),
    ...undo(
      script.ifBackup(
        saved,
        seq(
          run(
            [
              'icacls',
              q(...diskPath(script, parentOf(path))),
              '/restore',
              [script.inBackup(saved)],
              '/c',
            ],
            quiet,
          ),
          when(errorlevel(1), script.fail('icacls could not restore every ACL under ', ...folder)),
        ),
      ),
    ),
  ];
}

function icacls(script: OfflineScript, target: Part[], args: WordLike[], what: string): Command {
  return seq(
    run(['icacls', q(...target), ...args, '/c'], quiet),
    when(errorlevel(1), script.fail(`icacls ${what} failed on `, ...target)),
  );
}

/** icacls /setowner with a SID, not takeown (its /d Y|N answer is localized). */
export function takeOwnership(
  script: OfflineScript,
  op: OperationOf<'take-ownership'>,
): Statement[] {
  const folder = diskPath(script, op.path);
  return [
    ...apply(
      icacls(
        script,
        folder,
        ['/setowner', `*${op.owner}`, ...(op.recurse ? ['/t'] : [])],
        '/setowner',
      ),
    ),
    ...undo(script.say('note: icacls keeps no owners; ', ...folder, ` stays owned by ${op.owner}`)),
  ];
}

/** Grants on the folder, or on its files whose names start with a prefix (none: a skip). */
export function aclGrant(script: OfflineScript, op: OperationOf<'acl-grant'>): Statement[] {
  const folder = diskPath(script, op.path);
  const grants = op.grants.map((g) => qt(`*${g.sid}:(${g.rights})`));
  const recurse = op.recurse ? ['/t'] : [];
  if (!op.filesStartingWith)
    return apply(icacls(script, folder, ['/grant', ...grants, ...recurse], '/grant'));
  const files = [...folder, id(`\\${op.filesStartingWith}*`)];
  return apply(
    when(exist([q(...files)]), icacls(script, files, ['/grant', ...grants, ...recurse], '/grant')),
    when(not(exist([q(...files)])), script.say('no file ', ...files, ': skipped')),
  );
}
