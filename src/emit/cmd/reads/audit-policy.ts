import { AUDIT_SETTING_BIT, type CheckOf } from '../../../model/index.ts';
import {
  ForVar,
  Name,
  clear,
  defined,
  equals,
  errorlevel,
  errToNul,
  forCommand,
  forIn,
  forRef,
  not,
  q,
  quiet,
  ref,
  run,
  seq,
  set,
  text,
  when,
  type Word,
} from '../syntax/index.ts';
import type { Reads } from './reads.ts';

type AuditedBy = NonNullable<CheckOf<'event-query'>['auditedBy']>;

/** auditpol writes its backup here; deleted as soon as it is read. */
function backupFile(): Word {
  return [q(ref(Name.env('TEMP')), '\\rdprescue_a.csv')];
}

/**
 * Whether an audit subcategory audits `setting`, as a letter: quiet when it does, failed when
 * it does not or auditpol could not tell. Read from `auditpol /backup`, whose CSV (MS-GPAC's
 * audit.csv: ...,Subcategory GUID,Inclusion Setting,Exclusion Setting,Setting Value) names
 * the subcategory by GUID and ends in the numeric Setting Value (1 success, 2 failure, 3
 * both); the localized Inclusion Setting text is never compared.
 */
export function auditLetter(r: Reads, audited: AuditedBy): Name {
  return r.fact(`audit:${audited.subcategory}:${audited.setting}`, () => {
    const value = r.fact(`audit setting:${audited.subcategory}`, () => {
      const setting = Name.generated(`audit setting ${audited.subcategory}`);
      const a = new ForVar('a');
      const file = backupFile();
      return {
        value: setting,
        commands: [
          // Cleared on its own line: the next one asks whether a line set it already.
          clear(setting),
          // One statement: the file ties backup, read and delete together. A file left from
          // an earlier run (or put there by someone else) is deleted first and read only when
          // auditpol wrote it now.
          seq(
            run(['del', file], quiet),
            run(['auditpol', '/backup', [text('/file:'), ...file]], quiet),
            // Tokens 4, 5 and the rest: GUID, Inclusion Setting, and (the empty Exclusion
            // Setting's commas collapsing) the Setting Value. A comma in the localized text
            // leaves more than a digit there: unknown, never a wrong "audited". The first
            // line of the subcategory is the system policy's; per-user lines follow it.
            when(
              not(errorlevel(1)),
              forCommand(
                a,
                'tokens=4,5* delims=,',
                run(['type', file], [errToNul]),
                when(
                  equals([forRef(a)], [text(audited.subcategory)], { ignoreCase: true }),
                  when(not(defined(setting)), set(setting, [forRef(a.next().next())])),
                ),
              ),
            ),
            run(['del', file], quiet),
          ),
        ],
      };
    });
    const letter = Name.generated(`audited ${audited.subcategory} ${audited.setting}`);
    const bit = AUDIT_SETTING_BIT[audited.setting];
    const audits = ['1', '2', '3'].filter((v) => (Number(v) & bit) !== 0);
    const v = new ForVar('v');
    return {
      value: letter,
      commands: [
        seq(
          set(letter, r.letters.failed),
          forIn(v, audits, when(equals([ref(value)], [forRef(v)]), set(letter, r.letters.quiet))),
        ),
      ],
    };
  });
}
