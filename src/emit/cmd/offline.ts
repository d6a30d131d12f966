import type { Catalog, Fix } from '../../model/index.ts';
import { fixById } from '../../model/index.ts';
import { BACKUP, type FixScope } from './fix/context.ts';
import { offlineProgram } from './fix/script.ts';
import { lit } from './script.ts';
import { Namer, printLines, hardenedText } from './syntax/index.ts';

/** The offline scope: the attached disk's letter and the loaded SYSTEM hive. */
export function offlineScope(fix: Fix): FixScope {
  const load = fix.operations.find((op) => op.kind === 'hive-load');
  return {
    kind: 'offline',
    mountAs: load?.kind === 'hive-load' ? load.mountAs : 'RDPRESCUE_SYSTEM',
  };
}

/** The variable the offline template sets to the attached disk's backup folder. */
export const BACKUP_VAR = BACKUP.hint;

const ESP_GUID = '{c12a7328-f81f-11d2-ba4b-00a0c93ec93b}';

/**
 * Finds the partition that holds the attached disk's boot files (Generation 2: the EFI system
 * partition; Generation 1: the active partition) and gives it a temporary letter when it has
 * none. Prints "<bcd path>|<letter it assigned>". Runs on the healthy rescue VM.
 */
export const FIND_BCD = [
  "$ErrorActionPreference='Stop'",
  '$n=(Get-Partition -DriveLetter $env:RR_DRIVE).DiskNumber',
  `$p=@(Get-Partition -DiskNumber $n|?{$_.GptType -eq '${ESP_GUID}' -or $_.IsActive})[0]`,
  "$l=[string]$p.DriveLetter;$t=''",
  "if(-not $l.Trim([char]0).Trim()){$u=@(Get-Volume|ForEach-Object{[string]$_.DriveLetter});$l=@([char[]]'RSTUVWXYZ'|?{$u -notcontains [string]$_})[0];Add-PartitionAccessPath -DiskNumber $n -PartitionNumber $p.PartitionNumber -AccessPath ($l+':\\');$t=$l}",
  "$f=if($p.GptType -eq '" + ESP_GUID + "'){'\\EFI\\Microsoft\\Boot\\BCD'}else{'\\Boot\\BCD'}",
  "$l+':'+$f+'|'+$t",
].join(';');

/** Removes the temporary letter again. */
export const RELEASE_BCD =
  "$n=(Get-Partition -DriveLetter $env:RR_DRIVE).DiskNumber;Get-Partition -DiskNumber $n|?{[string]$_.DriveLetter -eq $env:RR_ESP}|ForEach-Object{Remove-PartitionAccessPath -DiskNumber $n -PartitionNumber $_.PartitionNumber -AccessPath ($env:RR_ESP+':\\')}";

/**
 * The repair's lines, printed by the syntax tree's printer in the batch dialect (so marked
 * literal for the template's own rendering, which must not change them again).
 */
export function offlineBody(fix: Fix, catalog: Catalog): string[] {
  const lines = printLines(offlineProgram(fix, catalog, offlineScope(fix)), {
    dialect: 'batch',
    namer: new Namer(),
  });
  return lines.map((line) => lit(hardenedText(line)));
}

export function needsBcd(fix: Fix): boolean {
  return fix.operations.some((op) => op.kind === 'bcd-set' || op.kind === 'bcd-ems-settings');
}

export function offlineFixes(catalog: Catalog): Fix[] {
  return catalog.offline.repairs.map((id) => fixById(catalog, id));
}
