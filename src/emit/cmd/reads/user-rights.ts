import {
  ForVar,
  Name,
  errToNul,
  errorlevel,
  forCommand,
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
import { clearFamilies, type Reads } from './reads.ts';

/** secedit writes its template here; deleted as soon as it is read. */
function rightsFile(): Word {
  return [q(ref(Name.env('TEMP')), '\\rdprescue_rights.inf')];
}

/**
 * The user rights as secedit exports them (`secedit /export /areas USER_RIGHTS /cfg`), read
 * once per script: member `<right>` of `holders` holds ",*SID,*SID,name," (an account without
 * a SID is written by name, never with a *), undefined when nobody holds the right. `exported`
 * holds the quiet letter when secedit succeeded, the failed one otherwise. The file is
 * Unicode; `type` turns it into the console's code page for `for /f`. Only the right names
 * and SIDs are read, never secedit's (localized) messages.
 */
export function userRights(r: Reads): { holders: Name; exported: Name } {
  return r.fact('user rights', () => {
    const holders = Name.generated('user right holders');
    const exported = Name.generated('user rights exported');
    const a = new ForVar('a');
    const file = rightsFile();
    r.dataFamilies.push(holders);
    return {
      value: { holders, exported },
      commands: [
        ...(r.startsClean ? [] : [clearFamilies([holders])]),
        // One statement: the packer moves statements that share no variable, and the file
        // ties export, read and delete together where no variable does.
        seq(
          set(exported, r.letters.failed),
          // The area name as secedit documents it: text, whose letter case no rendering changes.
          run(
            ['secedit', '/export', '/areas', [text('USER_RIGHTS')], '/cfg', file, '/quiet'],
            quiet,
          ),
          when(not(errorlevel(1)), set(exported, r.letters.quiet)),
          forCommand(
            a,
            'tokens=1* delims== ',
            run(['type', file], [errToNul]),
            set(holders.member(a), [text(','), forRef(a.next()), text(',')]),
          ),
          run(['del', file], quiet),
        ),
      ],
    };
  });
}
