import type { OperationOf, RegistryType, Value } from '../../model/index.ts';
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
  block,
  clear,
  compare,
  defined,
  equals,
  errToNul,
  errorlevel,
  forCommand,
  forRef,
  id,
  nameOf,
  not,
  q,
  qt,
  quiet,
  ref,
  run,
  seq,
  set,
  setArith,
  setQuoted,
  text,
  toNul,
  when,
  type Command,
  type Part,
  type Word,
} from './syntax/index.ts';

/**
 * The SYSTEM hive of the attached disk: backed up as files (with its transaction logs), loaded
 * under HKLM, its booted control set found from Select\Current, and always unloaded. Every key
 * a fix changes is exported first (`reg export` after the load), and undo imports it again:
 * only those keys go back, not the whole hive.
 */

const CCS = 'HKLM\\SYSTEM\\CurrentControlSet\\';
const SYSTEM = 'HKLM\\SYSTEM\\';
const HIVES = 'Windows\\System32\\config\\';

/** A loaded hive: where it is mounted and the flag that says it is loaded. */
export interface Mount {
  hive: string;
  key: string;
  loaded: Name;
}

export function mountOf(script: OfflineScript, hive: string, mountAs: string): Mount {
  return { hive, key: `HKLM\\${mountAs}`, loaded: script.names.flag(`RR_${hive}_LOADED`) };
}

const controlSet = (script: OfflineScript) => script.names.controlSet;

/** A key of the model's SYSTEM hive as a word inside the loaded hive's booted control set. */
export function hiveKey(script: OfflineScript, mount: Mount, key: string): Part[] {
  if (key.startsWith(CCS))
    return [id(`${mount.key}\\`), ref(controlSet(script)), id(`\\${key.slice(CCS.length)}`)];
  if (key.startsWith(SYSTEM)) return [id(`${mount.key}\\${key.slice(SYSTEM.length)}`)];
  throw new Error(
    `fix '${script.fix.id}': an offline script can only change the SYSTEM hive, not ${key}`,
  );
}

const parentOf = (key: string) => key.slice(0, key.lastIndexOf('\\'));

/** `reg query "<key>" [/v name]`, quiet. */
function query(key: Part[], value?: string): Command {
  return run(['reg', 'query', q(...key), ...(value ? ['/v', value] : [])], quiet);
}

/**
 * Reads one value as "<TYPE>:<data>" into `into` (cleared first: undefined when absent). Only
 * the line that starts with the value's name counts: Wine's reg prints its errors on stdout.
 */
export function readValue(into: Name, key: Part[], value: string): Command {
  const a = new ForVar('a');
  return seq(
    clear(into),
    forCommand(
      a,
      'tokens=1,2*',
      run(['reg', 'query', q(...key), '/v', value], [errToNul]),
      when(
        equals([forRef(a)], value, { ignoreCase: true }),
        set(into, [forRef(a.next()), text(':'), forRef(a.next(2))]),
      ),
    ),
  );
}

// ---- the hive files and the load ----

/**
 * Copies the hive with its transaction logs (SYSTEM.LOG1 and SYSTEM.LOG2 are hidden system
 * files: `copy` skips them, xcopy /h takes them) into <backup>\hive, once: the first copy is
 * the disk as RdpRescue found it. The marker is written only after a complete copy.
 */
function hiveFiles(script: OfflineScript, mount: Mount): Statement[] {
  const source = script.onDisk(`${HIVES}${mount.hive}*`);
  const folder = `hive-${mount.hive}`;
  const done = `${folder}.ok`;
  return apply(
    script.ifBackup(
      done,
      seq(
        copyInto([q(...source)], [script.inBackup(folder)]),
        when(
          errorlevel(1),
          script.refuse(
            1,
            'could not copy ',
            ...source,
            ' with its logs to ',
            ref(script.names.backup),
            `\\${folder}: nothing changed`,
          ),
        ),
      ),
      false,
    ),
    // Skipped once a step refused: the copy failed.
    script.ifBackup(done, script.mark(done), false),
  );
}

/** Loads the hive; a hive still loaded from an earlier run makes this fail, and says so. */
function load(script: OfflineScript, mount: Mount): Statement[] {
  const file = script.onDisk(`${HIVES}${mount.hive}`);
  return both(
    seq(
      run(['reg', 'load', mount.key, [q(...file)]], [toNul]),
      when(
        errorlevel(1),
        script.refuse(
          1,
          'could not load ',
          ...file,
          ` as ${mount.key} (still loaded? reg unload ${mount.key}): nothing changed`,
        ),
      ),
    ),
    // Skipped once a step refused: the load failed.
    set(mount.loaded, '1'),
  );
}

/**
 * Finds the booted control set from Select\Current (a REG_DWORD, 0x1 -> ControlSet001) and
 * refuses a hive where it is missing, out of range or names no existing control set.
 */
function findControlSet(script: OfflineScript, mount: Mount): Statement[] {
  const cs = controlSet(script);
  const current = Name.generated('Select\\Current as read');
  const number = Name.generated('control set number');
  const padded = Name.generated('control set number, zero-padded');
  const a = new ForVar('a');
  const select = `${mount.key}\\Select`;
  const unreadable = script.refuse(
    2,
    `${select}\\Current does not name a control set: nothing changed`,
  );
  return both(
    seq(
      clear(current),
      forCommand(
        a,
        'tokens=2*',
        run(['reg', 'query', q(select), '/v', 'Current'], [errToNul]),
        when(
          equals([forRef(a)], 'REG_DWORD', { ignoreCase: true }),
          set(current, [forRef(a.next())]),
        ),
      ),
    ),
    seq(set(number, '0'), setArith(number, [nameOf(current)], quiet)),
    seq(clear(padded), clear(cs)),
    when(
      compare([ref(number)], 'GEQ', '1'),
      when(compare([ref(number)], 'LEQ', '999'), setQuoted(padded, [text('00'), ref(number)])),
    ),
    when(defined(padded), setQuoted(cs, [text('ControlSet'), ref(padded, ':~-3')])),
    when(not(defined(cs)), unreadable),
    seq(
      query([id(`${mount.key}\\`), ref(cs)]),
      when(
        errorlevel(1),
        script.refuse(
          2,
          `${select}\\Current names `,
          ref(cs),
          ', which the hive lacks: nothing changed',
        ),
      ),
    ),
  );
}

export function hiveLoad(script: OfflineScript, mount: Mount): Statement[] {
  return [...hiveFiles(script, mount), ...load(script, mount), ...findControlSet(script, mount)];
}

/**
 * Unloads the hive, retrying while something still holds it (unrolled: no loop or goto to get
 * wrong); runs after a stop too, as long as the hive was loaded.
 */
export function hiveUnload(script: OfflineScript, mount: Mount): Statement[] {
  const unload = run(['reg', 'unload', mount.key], quiet);
  const loaded = (c: Command) => when(defined(mount.loaded), c);
  const retry = loaded(
    when(errorlevel(1), block(run(['ping', '-n', '3', '127.0.0.1'], [toNul]), unload)),
  );
  return cleanup(
    loaded(unload),
    retry,
    retry,
    retry,
    retry,
    loaded(
      when(
        errorlevel(1),
        script.fail(`could not unload ${mount.key}: close regedit and run reg unload ${mount.key}`),
      ),
    ),
  );
}

// ---- keys ----

/**
 * How reg query prints a value the fix writes ("<TYPE>:<data>"), or undefined when only its
 * presence is checked. REG_EXPAND_SZ data is printed as stored on Windows; Wine's reg prints
 * it expanded with the local environment, so that form reads back right too.
 */
function readBack(type: RegistryType, data: number | string): Word[] | undefined {
  if (type === 'REG_DWORD') return [[text(`REG_DWORD:0x${Number(data).toString(16)}`)]];
  if (type === 'REG_SZ') return [[text(`REG_SZ:${data}`)]];
  if (type !== 'REG_EXPAND_SZ') return undefined;
  const raw = String(data);
  const expanded = raw
    .split(/(%[A-Za-z_][A-Za-z0-9_]*%)/)
    .filter((piece) => piece !== '')
    .map((piece) => (/^%\w+%$/.test(piece) ? ref(Name.env(piece.slice(1, -1))) : text(piece)));
  return [[text(`REG_EXPAND_SZ:${raw}`)], [text('REG_EXPAND_SZ:'), ...expanded]];
}

function dataWord(script: OfflineScript, data: Value): Word {
  if (typeof data === 'object')
    throw new Error(`fix '${script.fix.id}': offline scripts take no parameters (${data.param})`);
  if (typeof data === 'number') return [text(String(data))];
  return /\s/.test(data) ? [qt(data)] : [text(data)];
}

/**
 * Before the first change of a key: notes which of the values the fix writes are absent (undo
 * deletes those), then exports the key, or notes that the key (and maybe its parent) is absent
 * (undo deletes what the fix created). Whether this is the first backup is decided once, before
 * any marker is written; the export or the "new" marker comes last, so a backup cut short is
 * taken again on the next run.
 */
function keyBackup(
  script: OfflineScript,
  mount: Mount,
  key: string,
  values: string[],
): Statement[] {
  const file = script.backupFile('k', key);
  const word = hiveKey(script, mount, key);
  const parent = hiveKey(script, mount, parentOf(key));
  const first = Name.generated(`first backup of ${file}`);
  const exists = Name.generated(`${file} exists`);
  const onFirst = (c: Command) => when(defined(first), c);
  return apply(
    seq(clear(first), clear(exists)),
    script.ifBackup(`${file}.*`, set(first, '1'), false),
    ...values.map((value) =>
      onFirst(seq(query(word, value), when(errorlevel(1), script.mark(`${file}-${value}.absent`)))),
    ),
    onFirst(seq(query(word), when(not(errorlevel(1)), set(exists, '1')))),
    onFirst(
      when(
        not(defined(exists)),
        seq(query(parent), when(errorlevel(1), script.mark(`${file}.newparent`))),
      ),
    ),
    onFirst(
      when(
        not(defined(exists)),
        script.ifBackup(`${file}.newparent`, script.mark(`${file}.new`), false),
      ),
    ),
    onFirst(
      when(
        defined(exists),
        seq(
          run(['reg', 'export', q(...word), [script.inBackup(`${file}.reg`)], '/y'], quiet),
          when(errorlevel(1), script.refuse(1, 'could not export ', ...word, ': nothing changed')),
        ),
      ),
    ),
  );
}

/** Undo of one key: import its export and delete the values it lacked, or delete what was new. */
function keyRestore(
  script: OfflineScript,
  mount: Mount,
  key: string,
  values: string[],
): Statement[] {
  const file = script.backupFile('k', key);
  const word = hiveKey(script, mount, key);
  const parent = hiveKey(script, mount, parentOf(key));
  const exported = (c: Command) => script.ifBackup(`${file}.reg`, c);
  const stillThere = (what: Part[], value?: string) =>
    block(
      query(what, value),
      when(
        not(errorlevel(1)),
        script.fail('could not delete ', ...what, value ? ` /v ${value}` : ''),
      ),
    );
  const created = (marker: string, what: Part[]) => [
    script.ifBackup(marker, run(['reg', 'delete', q(...what), '/f'], quiet)),
    script.ifBackup(marker, stillThere(what)),
  ];
  return undo(
    exported(
      block(
        run(['reg', 'import', [script.inBackup(`${file}.reg`)]], quiet),
        when(
          errorlevel(1),
          script.fail('could not import ', ref(script.names.backup), `\\${file}.reg`),
        ),
      ),
    ),
    ...values.flatMap((value) => {
      const absent = (c: Command) => exported(script.ifBackup(`${file}-${value}.absent`, c));
      return [
        absent(run(['reg', 'delete', q(...word), '/v', value, '/f'], quiet)),
        absent(stillThere(word, value)),
      ];
    }),
    ...created(`${file}.new`, word),
    ...created(`${file}.newparent`, parent),
  );
}

/** Every value each key gets from the fix, in order of first change. */
function valuesByKey(ops: readonly OperationOf<'registry-set'>[]): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const op of ops) {
    const list = keys.get(op.key) ?? [];
    if (!list.includes(op.name)) list.push(op.name);
    keys.set(op.key, list);
  }
  return keys;
}

/**
 * Writes one value and reads it back. The first change of a key brings the key's backup (apply)
 * and its restore (undo).
 */
export function registrySet(
  script: OfflineScript,
  op: OperationOf<'registry-set'>,
  mount: Mount,
  all: readonly OperationOf<'registry-set'>[],
): Statement[] {
  const values = valuesByKey(all).get(op.key)!;
  const first = all.find((o) => o.key === op.key) === op;
  const word = hiveKey(script, mount, op.key);
  const expected = typeof op.data === 'object' ? undefined : readBack(op.type, op.data);
  const read = Name.generated(`${op.name} as read back`);
  const wrong = (forms: Word[]): Command =>
    forms.reduceRight<Command>(
      (inner, form) => when(not(equals([ref(read)], form)), inner),
      script.fail(`${op.name} reads back as "`, ref(read), '", not ', ...forms[0]!),
    );
  const check: Statement[] = expected
    ? apply(readValue(read, word, op.name), wrong(expected))
    : apply(
        seq(
          query(word, op.name),
          when(errorlevel(1), script.fail(`${op.name} is missing after it was written`)),
        ),
      );
  return [
    ...(first ? keyBackup(script, mount, op.key, values) : []),
    ...(first ? keyRestore(script, mount, op.key, values) : []),
    ...apply(
      run(
        [
          'reg',
          'add',
          q(...word),
          '/v',
          text(op.name),
          '/t',
          op.type,
          '/d',
          dataWord(script, op.data),
          '/f',
        ],
        [toNul],
      ),
    ),
    ...check,
  ];
}
