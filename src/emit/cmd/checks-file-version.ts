import type { CheckOf } from '../../model/index.ts';
import { fileVersionParts } from '../../model/index.ts';
import { text, type Part } from './syntax/index.ts';

/**
 * The PowerShell probe of a file-version check, as setup and the condition under which it stays
 * quiet, kept short for the Serial Console's pastes. Get-Item -ErrorAction Stop ends the probe on
 * a missing or unreadable file, and a file without a version resource exits: neither prints an
 * answer, so the check reads as failed (UNKNOWN). The table is keyed by the build number alone:
 * a Windows build number belongs to one major.minor (7601 is 6.1, 14393 is 10.0), which the
 * generator asserts. Each minimum shares its first three parts with its build (the model checks
 * it), so comparing the fourth part as a number compares the whole version; a build not listed
 * finds no minimum and stays quiet (a minimum of revision 0 is met by every file alike).
 */
export function fileVersionProbe(check: CheckOf<'file-version'>): [Part[], Part[]] {
  const rows = check.minimumVersions.map((m) => fileVersionParts(m.minimum));
  const builds = rows.map(([, , build]) => build);
  if (new Set(builds).size !== builds.length)
    throw new Error(
      `check '${check.id}': the CMD probe keys minimumVersions by build number, and a build number is listed twice`,
    );
  const table = rows.map(([, , build, revision]) => `${build}=${revision}`).join(';');
  const setup =
    `$i=(gi -ea 1 $env:${check.path.root}\\${check.path.sub}).VersionInfo;` +
    `if(-not $i.FileMajorPart){exit};$m=@{${table}}[$i.FileBuildPart];`;
  return [[text(setup)], [text('-not $m -or $i.FilePrivatePart -ge $m')]];
}
