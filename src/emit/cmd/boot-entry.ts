import type { CheckOf, OperationOf } from '../../model/index.ts';
import {
  BOOT_ELEMENT_TYPES,
  BOOTMGR_GUID,
  DEFAULT_OBJECT_ELEMENT,
  SYSTEM_STORE_KEY,
} from '../../model/index.ts';
import {
  Name,
  clear,
  defined,
  echo,
  equals,
  errorlevel,
  exist,
  id,
  not,
  q,
  quiet,
  ref,
  run,
  seq,
  set,
  text,
  toNul,
  when,
  type Command,
  type Part,
  type Word,
} from './syntax/index.ts';
import { FAILED, addUndo, backupPath, report, type FixContext } from './fix/context.ts';
import { readValue, type Step } from './fix/registry.ts';
import type { Verification } from './fix/verify.ts';
import { letterIs, type Reads } from './reads/index.ts';
import type { CheckOutcome } from './checks.ts';

/**
 * Boot entry elements read as keys of the system store, Windows' own boot store mounted at
 * HKLM\BCD00000000: an entry is a key named by its GUID, an element a key named by its type
 * number, in every language (bcdedit's listing is localized). Only exit codes and a GUID are
 * read. {default} is the GUID the boot manager's 23000003 element holds.
 */

const POINTER = [
  id(`${SYSTEM_STORE_KEY}\\Objects\\${BOOTMGR_GUID}\\Elements\\${DEFAULT_OBJECT_ELEMENT}`),
];

/** The element's key once `entry` holds "REG_SZ:{guid}" (reg query's type, then the GUID). */
function elementKey(entry: Name, element: keyof typeof BOOT_ELEMENT_TYPES): Part {
  return q(
    `${SYSTEM_STORE_KEY}\\Objects\\`,
    ref(entry, ':~7'),
    `\\Elements\\${BOOT_ELEMENT_TYPES[element]}`,
  );
}

/**
 * Lines that leave `state` holding F (the element is there), Q (it is not) or X (the store
 * names no default entry: the check could not run), written with the given letters.
 */
function readElement(
  entry: Name,
  element: keyof typeof BOOT_ELEMENT_TYPES,
  state: Name,
  letters: { fired: Word; quiet: Word; failed: Word },
): Command[] {
  return [
    ...readValue(POINTER, 'Element', entry),
    seq(
      set(state, letters.failed),
      when(
        defined(entry),
        seq(
          set(state, letters.quiet),
          run(['reg', 'query', elementKey(entry, element)], quiet),
          when(not(errorlevel(1)), set(state, letters.fired)),
        ),
      ),
    ),
  ];
}

/** The diagnosis: fired, quiet, or failed when the store cannot be read. */
export function bootEntryOutcome(check: CheckOf<'boot-entry'>, r: Reads): CheckOutcome {
  const code = r.outcome;
  for (const command of readElement(
    Name.generated('default boot entry'),
    check.element,
    code,
    r.letters,
  ))
    r.add(command);
  return {
    letter: code,
    fired: [letterIs(r, code, 'fired')],
    quiet: [letterIs(r, code, 'quiet')],
    failed: [letterIs(r, code, 'failed')],
  };
}

const PLAIN = { fired: [text('F')], quiet: [text('Q')], failed: [text('X')] };

/** A fix's read back: the element read again after the change. */
export function bootEntryVerification(check: CheckOf<'boot-entry'>): Verification {
  const state = Name.generated('boot element read back');
  return {
    lines: readElement(Name.generated('default boot entry read back'), check.element, state, PLAIN),
    fired: equals([ref(state)], 'F'),
    quiet: equals([ref(state)], 'Q'),
    unknown: equals([ref(state)], 'X'),
  };
}

/**
 * What bcdedit /set writes for each element, by the first byte of its data (bcdedit /set:
 * safeboot minimal | network | dsrepair = BcdLibrary_SafeBoot 0, 1, 2; safebootalternateshell
 * no | yes). reg query prints REG_BINARY data as hex, so readValue leaves "REG_BINARY:0100...".
 */
const SETTINGS: Record<keyof typeof BOOT_ELEMENT_TYPES, readonly string[]> = {
  safeboot: ['minimal', 'network', 'dsrepair'],
  safebootalternateshell: ['no', 'yes'],
};

/**
 * Undo sets the element back to its value before the change (bcdedit /set), read from its key
 * first; the store export (bcdedit /export) is an emergency copy only, never imported by undo:
 * bcdedit /import replaces the whole store and would drop later boot changes. The element is
 * deleted only when present (bcdedit /deletevalue fails on a missing one) and its old value is
 * known. Offline the store file is copied (see offline-ops.ts).
 */
export function bcdDeleteValue(op: OperationOf<'bcd-delete-value'>, ctx: FixContext): Step[] {
  if (ctx.scope.kind !== 'online')
    throw new Error('bcd-delete-value: offline scripts delete it in the attached store');
  const entry = Name.generated('default boot entry');
  const state = Name.generated('boot element before the change');
  const data = Name.generated('boot element data');
  const setting = Name.generated('boot element setting');
  const file = backupPath('bcd.export');
  const readSetting = [
    // Cleared first, read only with a default entry (%entry:~7% of nothing is no key).
    clear(data),
    ...readValue(
      [
        id(`${SYSTEM_STORE_KEY}\\Objects\\`),
        ref(entry, ':~7'),
        id(`\\Elements\\${BOOT_ELEMENT_TYPES[op.element]}`),
      ],
      'Element',
      data,
    ).map((line) => when(defined(entry), line)),
    seq(
      clear(setting),
      ...SETTINGS[op.element].map((name, n) =>
        when(equals([ref(data, ':~0,13')], `REG_BINARY:0${n}`), set(setting, name)),
      ),
    ),
  ];
  const backup = when(
    not(exist([file])),
    seq(
      run(['bcdedit', '/export', file], [toNul]),
      when(
        errorlevel(1),
        seq(
          echo(...report(ctx.fix, 'failed saving the boot store: not changed')),
          set(FAILED, '1'),
        ),
        when(
          defined(setting),
          addUndo(run(['bcdedit', '/set', op.entry, op.element, ref(setting)])),
        ),
      ),
    ),
  );
  const change = when(
    equals([ref(state)], 'F'),
    when(
      defined(setting),
      when(
        exist([file]),
        seq(
          run(['bcdedit', '/deletevalue', op.entry, op.element], [toNul]),
          when(
            errorlevel(1),
            seq(
              echo(...report(ctx.fix, `failed bcdedit /deletevalue ${op.entry} ${op.element}`)),
              set(FAILED, '1'),
            ),
          ),
        ),
      ),
      seq(echo(...report(ctx.fix, `failed reading ${op.element}: not changed`)), set(FAILED, '1')),
    ),
  );
  return [[...readElement(entry, op.element, state, PLAIN), ...readSetting, backup, change]];
}
