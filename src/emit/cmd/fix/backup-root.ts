import {
  ForVar,
  Name,
  clear,
  equals,
  exist,
  forCommand,
  forRef,
  id,
  not,
  q,
  qt,
  quiet,
  ref,
  run,
  seq,
  set,
  text,
  when,
  errToNul,
  type Command,
  type Part,
} from '../syntax/index.ts';
import { BACKUP } from './context.ts';

/** SYSTEM and Administrators: the only SIDs that may own or be granted anything in a backup. */
const TRUSTED = ['S-1-5-18', 'S-1-5-32-544'] as const;

export const ONLINE_BACKUP_ROOT = (): Part[] => [
  ref(Name.env('ProgramData')),
  id('\\RdpRescue\\backup'),
];

/** The online backup root, set with the fix's folder (shorter lines). */
export const BACKUP_ROOT = Name.fixed('RRR');

/**
 * The fix folder (RRB) whose first paste block found it and the root protected, in this
 * console: later paste blocks refuse unless it is theirs.
 */
export const ROOT_TRUSTED = Name.fixed('RRT');

/**
 * Takes the backup root over, whatever exists: ProgramData lets every user create folders,
 * so a standard user may have made it first, own it, and planted an undo.cmd an administrator
 * later runs. takeown without /r (its /d Y|N answer is localized); the owner by SID; the
 * explicit ACEs dropped (/reset) before inheritance is cut and only SYSTEM and Administrators
 * are granted; the children then inherit only that. Owners inside are not changed: the
 * read-back refuses a fix folder or undo.cmd someone else owns rather than adopting it.
 */
export function takeRoot(): Command[] {
  const root = () => q(ref(BACKUP_ROOT));
  return [
    when(not(exist([root()])), run(['md', root()], quiet)),
    run(['takeown', '/f', root(), '/a'], quiet),
    run(['icacls', root(), '/setowner', `*${TRUSTED[1]}`], quiet),
    run(['icacls', root(), '/reset'], quiet),
    run(
      [
        'icacls',
        root(),
        '/inheritance:r',
        '/grant:r',
        ...TRUSTED.map((sid) => qt(`*${sid}:(OI)(CI)F`)),
      ],
      quiet,
    ),
    run(['icacls', q(ref(BACKUP_ROOT), id('\\*')), '/reset', '/t', '/c'], quiet),
  ];
}

/**
 * Reads back, by SID, that the root, the fix's folder and its undo.cmd (the last two when
 * they exist) are owned by SYSTEM or Administrators and grant or deny nothing to anyone else:
 * what the module's Get-RdpUntrustedReason accepts, and stricter. Prints Y only then; any
 * error stops it (nothing printed), and the answer stays N.
 */
export function readRootTrusted(answer: Name): Command[] {
  const a = new ForVar('a');
  const trusted = TRUSTED.map((sid) => `'${sid}'`).join(',');
  const script = [
    text("$ErrorActionPreference='Stop';$i=[Security.Principal.SecurityIdentifier];$r=$env:"),
    { kind: 'name' as const, name: BACKUP_ROOT },
    text(';$b=$env:'),
    { kind: 'name' as const, name: BACKUP },
    text(
      [
        ";$o=foreach($f in $r,$b,($b+'\\undo.cmd')){if($f -eq $r -or (Test-Path -LiteralPath $f)){$c=Get-Acl -LiteralPath $f;$c.GetOwner($i).Value;$c.GetAccessRules(1,1,$i).IdentityReference.Value}}",
        `if(!($o|?{${trusted} -notcontains $_})){'Y'}`,
      ].join(';'),
    ),
  ];
  return [
    seq(
      set(answer, 'N'),
      forCommand(
        a,
        '',
        run(['powershell', '-nop', '-noni', '-c', qt(...script)], [errToNul]),
        set(answer, [forRef(a)]),
      ),
    ),
  ];
}

/** Why a fix refused because of its backup folder. */
export const ROOT_REFUSAL =
  'refused: backup root, fix folder or undo.cmd not owned and changeable by SYSTEM and Administrators only';

/** Why a later paste block refused: block 1 has said more. */
export const BLOCK1_REFUSAL = 'block 1 did not pass';
