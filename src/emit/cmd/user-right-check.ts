import type { CheckOf } from '../../model/index.ts';
import { letterIs, userRights, type Reads } from './reads/index.ts';
import {
  Name,
  block,
  defined,
  equals,
  not,
  ref,
  seq,
  set,
  setQuoted,
  when,
  type Condition,
} from './syntax/index.ts';
import type { CheckOutcome } from './checks.ts';

/**
 * A user right by SID, from secedit's export: the holders are copied to a short variable
 * (",," when nobody holds the right; one per right), then each SID is looked for as ",*SID," by substitution
 * (`%v:,*S-1-5-113,=%` differs from `%v%` when it is there): no process per SID, no account
 * names, nothing localized.
 */
export function renderUserRightCheck(check: CheckOf<'user-right'>, r: Reads): CheckOutcome {
  const { holders, exported } = userRights(r);
  const member = holders.member(check.right);
  // One copy per right, shared by the checks on it (each copy is bytes of the blocks).
  const list = r.fact(`holders of ${check.right}`, () => {
    const list = Name.generated(`holders of ${check.right}`);
    // Quoted: a holder's name may hold & ( ) (never a quote), which must not run as syntax.
    return {
      value: list,
      commands: [seq(set(list, ','), when(defined(member), setQuoted(list, [ref(member)])))],
    };
  });
  const holds = (sid: string): Condition => not(equals([ref(list, `:,*${sid},=`)], [ref(list)]));
  const firing = (sid: string) =>
    check.firesWhen === 'granted-any' ? holds(sid) : not(holds(sid));
  const letter = r.outcome;
  const { fired, quiet, failed } = r.letters;
  r.add(
    seq(
      set(letter, failed),
      when(
        letterIs(r, exported, 'quiet'),
        block(
          set(letter, quiet),
          ...check.sids.map((sid) => when(firing(sid), set(letter, fired))),
        ),
      ),
    ),
  );
  return {
    letter,
    fired: [letterIs(r, letter, 'fired')],
    quiet: [letterIs(r, letter, 'quiet')],
    failed: [letterIs(r, letter, 'failed')],
  };
}
