import type { OperationOf } from '../../model/index.ts';
import { readValue } from './fix/registry.ts';
import { BOOT_ELEMENT_TYPES, BOOTMGR_GUID, DEFAULT_OBJECT_ELEMENT } from '../../model/index.ts';
import {
  apply,
  both,
  cleanup,
  copyInto,
  undo,
  type OfflineScript,
  type Statement,
} from './offline-script.ts';
import {
  ForVar,
  Name,
  clear,
  defined,
  equals,
  errorlevel,
  exist,
  forCommand,
  forIn,
  forRef,
  id,
  not,
  q,
  qt,
  quiet,
  ref,
  run,
  seq,
  setQuoted,
  toNul,
  set,
  when,
  type Command,
} from './syntax/index.ts';

/**
 * The attached disk's boot store (BCD). `bcdedit /export` and `/import` work on the system
 * store only, which on a rescue VM is the rescue VM's own: the offline store is backed up and
 * restored as files (BCD with its BCD.LOG* transaction logs). Undo finds the store again, as
 * apply did, so it never depends on a drive letter lent for an earlier run.
 */

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

export interface BootStore {
  /** The store file, `S:\EFI\Microsoft\Boot\BCD`. */
  file: Name;
  /** Its folder, where the BCD.LOG* files are too. */
  folder: Name;
  /** The letter lent to the EFI system partition, read by RELEASE_BCD as $env:RR_ESP. */
  lent: Name;
}

export function bootStoreOf(script: OfflineScript): BootStore {
  return {
    file: Name.fixed('RR_BCD'),
    folder: Name.fixed('RR_BCD_DIR'),
    lent: script.names.flag('RR_ESP'),
  };
}

const powershell = (command: string) => ['powershell', '-nop', '-noni', '-c', qt(command)];

/** Finds the store (both modes): \Boot\BCD on the disk itself, else through PowerShell. */
export function findBootStore(script: OfflineScript, store: BootStore): Statement[] {
  const a = new ForVar('a');
  const gen1 = script.onDisk('Boot\\BCD');
  return both(
    seq(clear(store.file), clear(store.folder)),
    when(exist([q(...gen1)]), setQuoted(store.file, gen1)),
    when(
      not(defined(store.file)),
      forCommand(
        a,
        'tokens=1,2 delims=|',
        run(powershell(FIND_BCD)),
        seq(setQuoted(store.file, [forRef(a)]), setQuoted(store.lent, [forRef(a.next())])),
      ),
    ),
    when(
      not(defined(store.file)),
      script.refuse(1, 'found no BCD store for disk ', ref(script.names.drive), ':'),
    ),
    when(
      defined(store.file),
      forIn(a, [[q(ref(store.file), '\\..')]], setQuoted(store.folder, [forRef(a, '~f')])),
    ),
    when(defined(store.file), script.say('BCD store: ', ref(store.file))),
  );
}

/** Gives the lent letter back (both modes, after a stop too). */
export function releaseBootStore(store: BootStore): Statement[] {
  return cleanup(when(defined(store.lent), run(powershell(RELEASE_BCD), quiet)));
}

const BACKUP = 'bcd';
const DONE = 'bcd.ok';

/** Copies BCD and its logs once, before the first change; undo copies them back. */
export function bootStoreBackup(script: OfflineScript, store: BootStore): Statement[] {
  return [
    ...apply(
      script.ifBackup(
        DONE,
        seq(
          copyInto([q(ref(store.folder), '\\BCD*')], [script.inBackup(BACKUP)]),
          when(
            errorlevel(1),
            script.refuse(
              1,
              'could not copy ',
              ref(store.folder),
              '\\BCD* to ',
              ref(script.names.backup),
              `\\${BACKUP}: nothing changed`,
            ),
          ),
        ),
        false,
      ),
      // Skipped once a step refused: the copy failed.
      script.ifBackup(DONE, script.mark(DONE), false),
    ),
    ...undo(
      script.ifBackup(
        DONE,
        seq(
          copyInto([script.inBackup(`${BACKUP}\\BCD*`)], [q(ref(store.folder))]),
          when(
            errorlevel(1),
            script.fail('could not copy the saved BCD store back to ', ref(store.folder)),
          ),
        ),
      ),
    ),
  ];
}

/** `bcdedit /store "<file>" ...`; its exit code is the check (its output is localized). */
export function bcdChange(
  script: OfflineScript,
  store: BootStore,
  op: OperationOf<'bcd-set'> | OperationOf<'bcd-ems-settings'>,
): Statement[] {
  const args =
    op.kind === 'bcd-set'
      ? ['/set', op.entry, op.setting, op.value]
      : ['/emssettings', `EMSPORT:${op.port}`, `EMSBAUDRATE:${op.baudRate}`];
  return apply(
    seq(
      run(['bcdedit', '/store', q(ref(store.file)), ...args], [toNul]),
      when(errorlevel(1), script.fail(`bcdedit ${args.join(' ')} failed`)),
    ),
  );
}

/**
 * Whether the store's {default} entry carries an element, read language-neutrally: the store
 * file is loaded as the hive it is (HKLM\RR_BOOT) for the read and unloaded before bcdedit
 * opens it. `state` ends F (carries it), Q (does not) or X (no default entry, or no load).
 */
function readBootElement(
  script: OfflineScript,
  store: BootStore,
  element: OperationOf<'bcd-delete-value'>['element'],
  state: Name,
): Command[] {
  const entry = Name.generated('offline default boot entry');
  const mount = `HKLM\\${BOOT_MOUNT}`;
  const loaded = Name.generated('offline boot store loaded');
  return [
    seq(
      set(state, 'X'),
      clear(entry),
      clear(loaded),
      run(['reg', 'load', mount, q(ref(store.file))], quiet),
    ),
    when(not(errorlevel(1)), set(loaded, '1')),
    // Wine's reg prints its errors on stdout: readValue keeps only a "REG_SZ:{guid}" line.
    ...readValue(
      [id(`${mount}\\Objects\\${BOOTMGR_GUID}\\Elements\\${DEFAULT_OBJECT_ELEMENT}`)],
      'Element',
      entry,
    ).map((c) => when(defined(loaded), c)),
    when(
      defined(entry),
      seq(
        set(state, 'Q'),
        run(
          [
            'reg',
            'query',
            q(
              `${mount}\\Objects\\`,
              ref(entry, ':~7'),
              `\\Elements\\${BOOT_ELEMENT_TYPES[element]}`,
            ),
          ],
          quiet,
        ),
        when(not(errorlevel(1)), set(state, 'F')),
      ),
    ),
    when(defined(loaded), run(['reg', 'unload', mount], quiet)),
  ];
}

const BOOT_MOUNT = 'RR_BOOT';

/**
 * `bcdedit /store "<file>" /deletevalue {default} <element>`, only when the entry carries it
 * (bcdedit fails on a missing element); read back absent from the store's keys.
 */
export function bcdDeleteValue(
  script: OfflineScript,
  store: BootStore,
  op: OperationOf<'bcd-delete-value'>,
): Statement[] {
  const state = Name.generated('offline boot element');
  const args = ['/deletevalue', op.entry, op.element];
  const isState = (letter: string) => equals([ref(state)], letter);
  return apply(
    ...readBootElement(script, store, op.element, state),
    when(
      isState('X'),
      script.fail(`could not read the {default} entry of the boot store `, ref(store.file)),
    ),
    when(
      isState('F'),
      seq(
        run(['bcdedit', '/store', q(ref(store.file)), ...args], [toNul]),
        when(errorlevel(1), script.fail(`bcdedit ${args.join(' ')} failed`)),
      ),
    ),
    ...readBootElement(script, store, op.element, state),
    when(isState('F'), script.fail(`the {default} entry still carries ${op.element}`)),
  );
}
