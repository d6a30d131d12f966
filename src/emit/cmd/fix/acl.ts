import {
  ACL_RIGHTS_MASK,
  MACHINE_KEY_FOLDERS,
  type OperationOf,
  type WindowsPath,
} from '../../../model/index.ts';
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
  text,
  when,
  writeTo,
  toNul,
  errToNul,
  type Command,
  type Part,
} from '../syntax/index.ts';
import {
  FAILED,
  addUndo,
  backupPath,
  parameterName,
  report,
  windowsPath,
  type FixContext,
} from './context.ts';
import type { Step } from './registry.ts';

/**
 * icacls /save keeps SDDL with SIDs (language-neutral); /restore applies it from the parent.
 * Saved once per folder: the first save is the state before any change of this fix. A
 * partial save (some file unreadable) still restores what it holds, so it still gets its
 * undo line, with a warning; without a saved file nothing of the folder is changed.
 * icacls /save keeps no owners: when the fix changes them, each item's owner is written (by
 * SID) as an `icacls /setowner` line of its own file, which undo runs before the restore.
 */
function aclBackup(
  ctx: FixContext,
  path: Part[],
  options: { owners?: WindowsPath } = {},
): { lines: Command[]; saved: Part[] } {
  const file = ctx.backupFile(textOf(path), 'a');
  const saved = backupPath(`${file}.acl`);
  const owners = backupPath(`${file}-owners.cmd`);
  const last = path[path.length - 1]!;
  if (last.kind !== 'id') throw new Error('an ACL backup needs a literal folder');
  const parent = [
    ...path.slice(0, -1),
    { ...last, value: last.value.slice(0, last.value.lastIndexOf('\\')) },
  ];
  const warn = (what: string) =>
    echo(...report(ctx.fix, `warning: some ${what} could not be saved`));
  const save = seq(
    run(['icacls', q(...path), '/save', saved, '/t', '/c'], quiet),
    when(errorlevel(1), warn('permissions')),
    ...(options.owners
      ? [
          // Kept only from a PowerShell that ran to its end (a partial read warns itself).
          run(
            ['powershell', '-nop', '-noni', '-c', qt(...ownersScript(ctx.fix.id, options.owners))],
            [writeTo([owners])],
          ),
          when(errorlevel(1), run(['del', owners], [toNul, errToNul])),
          when(exist([owners]), addUndo(run(['call', owners]))),
        ]
      : []),
    when(exist([saved]), addUndo(run(['icacls', q(...parent), '/restore', saved, '/c']))),
  );
  const needed = options.owners ? [saved, owners] : [saved];
  const first = ctx.once(`acl-backup:${file}`);
  if (!first && options.owners)
    throw new Error(`${ctx.fix.id}: take-ownership must be the first ACL change of its folder`);
  if (!first) return { saved: needed, lines: [] };
  return {
    saved: needed,
    lines: [
      when(not(exist([saved])), save),
      ...needed.map((f) =>
        when(
          not(exist([f])),
          seq(
            echo(
              ...report(
                ctx.fix,
                f === saved
                  ? 'failed saving the permissions: nothing changed'
                  : 'failed saving the owners: owner not changed',
              ),
            ),
            set(FAILED, '1'),
          ),
        ),
      ),
    ],
  };
}

/**
 * Prints `icacls "<item>" /setowner *<owner SID>` for the folder and everything in it; an
 * item whose owner cannot be read is left out, with a warning on stderr.
 */
function ownersScript(fixId: string, folder: WindowsPath): Part[] {
  return [
    text(
      [
        `$p=$env:${folder.root}+'\\${folder.sub}'`,
        '$n=0',
        '$i=[Security.Principal.SecurityIdentifier]',
        '$q=[char]34',
        "foreach($f in @(Get-Item -LiteralPath $p -Force)+@(Get-ChildItem -LiteralPath $p -Force -Recurse)){try{'icacls '+$q+$f.FullName+$q+' /setowner *'+(Get-Acl -LiteralPath $f.FullName -ea Stop).GetOwner($i).Value+' /c /l'}catch{$n++}}",
        `if($n){[Console]::Error.WriteLine('RDPRESCUE ${fixId} warning: some owners could not be saved')}`,
      ].join(';'),
    ),
  ];
}

function textOf(path: Part[]): string {
  return path.map((p) => ('value' in p ? p.value : p.kind === 'ref' ? p.name.hint : '')).join('');
}

/*
 * Every icacls change carries /l: without it icacls changes the target of a symbolic link or
 * junction, not the link, and everyone may create folders (so junctions) in MachineKeys.
 */

/** Runs an icacls change only when the folder's permissions (and owners) were saved. */
function change(saved: Part[], command: Command): Command {
  return saved.reduceRight<Command>((body, file) => when(exist([file]), body), command);
}

/** Runs a command; when it fails the fix has failed, and says at which step. */
const failOnError = (ctx: FixContext, what: string, command: Command) =>
  seq(
    command,
    when(errorlevel(1), seq(echo(...report(ctx.fix, `failed ${what}`)), set(FAILED, '1'))),
  );

export function aclGrant(op: OperationOf<'acl-grant'>, ctx: FixContext): Step[] {
  const path = windowsPath(op.path, ctx.scope);
  const backup = aclBackup(ctx, path);
  const grants = op.grants.map((g) => qt(`*${g.sid}:(${g.rights})`));
  const target = op.filesStartingWith ? [...path, id(`\\${op.filesStartingWith}*`)] : path;
  const grant = failOnError(
    ctx,
    'granting permissions',
    run(
      ['icacls', q(...target), '/grant', ...grants, ...(op.recurse ? ['/t'] : []), '/c', '/l'],
      quiet,
    ),
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

/**
 * icacls /setowner with a SID, not takeown (its /d Y|N answer is localized); the owners
 * before it are saved for undo (icacls /save keeps none). Online only: offline-acl.ts
 * changes owners on the attached disk.
 */
export function takeOwnership(op: OperationOf<'take-ownership'>, ctx: FixContext): Step[] {
  const path = windowsPath(op.path, ctx.scope);
  const backup = aclBackup(ctx, path, { owners: op.path });
  const owner = run(
    ['icacls', q(...path), '/setowner', `*${op.owner}`, ...(op.recurse ? ['/t'] : []), '/c', '/l'],
    quiet,
  );
  // The change runs only when the saves exist, so it may land in the next paste block.
  return [backup.lines, [change(backup.saved, failOnError(ctx, 'changing the owner', owner))]];
}

/**
 * The key file of the certificate named by a parameter, found by opening its RSA key (the
 * file name is the key's unique container name, in the CSP or the CNG machine key folder);
 * each grant must read back before the step counts as applied. The thumbprint reaches
 * PowerShell through the environment, so nothing typed lands on its command line. Online only.
 */
export function privateKeyGrant(op: OperationOf<'private-key-grant'>, ctx: FixContext): Step[] {
  if (ctx.scope.kind !== 'online') throw new Error('private-key-grant only runs online');
  const backups = MACHINE_KEY_FOLDERS.map((folder) =>
    aclBackup(ctx, windowsPath(folder, ctx.scope)),
  );
  const grants = op.grants.map((g) => `/grant '*${g.sid}:(${g.rights})'`).join(' ');
  const readBack = op.grants
    .map((g) => {
      const mask = ACL_RIGHTS_MASK[g.rights];
      return `if(-not ($r|Where-Object{$_.IdentityReference.Value -eq '${g.sid}' -and $_.AccessControlType -eq 0 -and ([int64]$_.FileSystemRights -band ${mask}) -eq ${mask}})){exit 1}`;
    })
    .join(';');
  const script = [
    text(`$c=Get-Item -LiteralPath ('Cert:\\LocalMachine\\${op.store}\\'+$env:`),
    { kind: 'name' as const, name: parameterName(op.thumbprint.param) },
    text(
      [
        ')',
        "$t='System.Security.Cryptography.X509Certificates.RSACertificateExtensions' -as [type]",
        'if($t){$k=$t::GetRSAPrivateKey($c)}else{$k=$c.PrivateKey}',
        'if($k -is [Security.Cryptography.ICspAsymmetricAlgorithm]){$n=$k.CspKeyContainerInfo.UniqueKeyContainerName}elseif($k){$n=$k.Key.UniqueName}',
        'if(-not $n){exit 1}',
        "$f=@('RSA\\MachineKeys','Keys'|ForEach-Object{$env:ProgramData+'\\Microsoft\\Crypto\\'+$_+'\\'+$n}|Where-Object{Test-Path -LiteralPath $_ -PathType Leaf})",
        'if($f.Count -eq 0){exit 1}',
        `icacls $f[0] ${grants} /c /l`,
        '$r=(Get-Acl -LiteralPath $f[0]).GetAccessRules(1,1,[Security.Principal.SecurityIdentifier])',
        readBack,
      ].join(';'),
    ),
  ];
  const grant = failOnError(
    ctx,
    'granting access to the key file',
    run(['powershell', '-nop', '-noni', '-c', qt(...script)], quiet),
  );
  const saved = backups.flatMap((b) => b.saved);
  // The grant runs only when both saves exist, so each save may land in its own paste block.
  return [...backups.map((b) => b.lines), [change(saved, grant)]];
}
