import {
  ForVar,
  Name,
  forCommand,
  forRef,
  id,
  qt,
  ref,
  run,
  seq,
  set,
  text,
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

/** Rights on the parent that let someone swap the root: delete, delete child, change DACL or owner. */
const SWAP_RIGHTS = 0x10000 | 0x40 | 0x40000 | 0x80000 | 0x10000000;

/** SYSTEM and Administrators full control, inherited, nothing from the parent; owned by Administrators. */
const PROTECTED_SDDL = 'O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)';

/**
 * Makes sure the backup root and its parent (%ProgramData%\RdpRescue) are protected, then
 * reads back, by SID, the parent, the root, the fix's folder and its undo.cmd; prints Y only
 * then. One PowerShell line, no takeown or icacls: ProgramData lets every user create folders,
 * so a standard user may have made either folder first, as a junction or symbolic link to a
 * system folder, or with links inside, and changing owners or permissions there follows them.
 * So nothing a user made is changed: a parent someone else owns or may swap the root in, or a
 * root someone else owns or has any rule on, or either being a reparse point, is renamed aside
 * (a move moves a link, not its target) and created anew with SYSTEM and Administrators only
 * (like the module's New-RdpProtectedDirectory). The fix's folder and undo.cmd must pass the
 * root's test. CREATOR OWNER (S-1-3-0) rules are accepted: only who may create inside gets
 * them. Any error stops the line (nothing printed) and the answer stays N.
 */
export function protectRoot(answer: Name): Command[] {
  const a = new ForVar('a');
  const script = [
    text(
      `$ErrorActionPreference='Stop';$i=[Security.Principal.SecurityIdentifier];$t=${TRUSTED.map((sid) => `'${sid}'`).join(',')},'S-1-3-0';$w=${SWAP_RIGHTS};$r=$env:`,
    ),
    { kind: 'name' as const, name: BACKUP_ROOT },
    text(';$b=$env:'),
    { kind: 'name' as const, name: BACKUP },
    text(
      [
        ';$p=Split-Path $r',
        'function g($f){gi -LiteralPath $f -Force -ea 0}',
        // Untrusted: a reparse point, unreadable (a user may deny administrators reading it),
        // owned by another SID, or a rule for another SID with a right in $m (-1: any).
        'function u($f,$m){$e=g $f;$c=try{$e.GetAccessControl()}catch{};($e.Attributes -band 1024)-or-not $c-or($t[0,1] -notcontains $c.GetOwner($i).Value)-or[bool]($c.GetAccessRules(1,1,$i)|?{$t -notcontains $_.IdentityReference.Value -and $m -band $_.FileSystemRights})}',
        `$s=New-Object Security.AccessControl.DirectorySecurity;$s.SetSecurityDescriptorSddlForm('${PROTECTED_SDDL}')`,
        "function k($d,$m){if((g $d) -and (u $d $m)){mi -LiteralPath $d ($d+'.untrusted'+(Get-Date).Ticks)};if(-not(g $d)){([IO.DirectoryInfo]$d).Create($s)}}",
        'k $p $w;k $r -1',
        "if(-not((u $p $w) -or ($r,$b,($b+'\\undo.cmd')|?{(g $_) -and (u $_ -1)}))){'Y'}",
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
