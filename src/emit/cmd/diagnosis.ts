import type { Catalog, CheckOf } from '../../model/index.ts';
import { REPORT_PREFIX } from '../../model/index.ts';
import { renderCheck } from './checks.ts';
import { ScriptBuilder } from './context.ts';
import { lit, v } from './script.ts';

/**
 * The read-only diagnosis of every scenario, printing the report contract of report.ts.
 *
 * Per scenario k, the check lines append to lists that start as "_": P<k> (primary checks
 * that fired), S<k> (supporting ones), U<k> (checks that could not run, "?" appended), B<k>
 * (becomes "X" when a precondition could not run) and A<k> (n/a:<id> when a precondition is
 * not met). One child cmd with delayed expansion then applies decideStatus()'s truth table:
 * n/a wins, then DETECTED (a primary fired and no precondition failed), then UNKNOWN, then
 * CLEAR. Every result line is printed by that last line, so the report ends the screen.
 */
export function diagnosisLines(catalog: Catalog): string[] {
  const eventChecks = catalog.scenarios.flatMap((sc) =>
    sc.evidence
      .map((e) => e.check)
      .filter((c): c is CheckOf<'event-query'> => c.kind === 'event-query'),
  );
  const s = new ScriptBuilder({ kind: 'online' }, eventChecks);
  const indexes = catalog.scenarios.map((_, i) => i + 1).join(' ');
  const a = v('a');
  s.add(
    `for ${a} in (${indexes}) do (set P${a}=_&set S${a}=_&set U${a}=_&set B${a}=_&set A${a}=_)`,
  );

  catalog.scenarios.forEach((scenario, i) => {
    const k = i + 1;
    const ordered = [
      ...scenario.evidence.filter((e) => e.role === 'precondition'),
      ...scenario.evidence.filter((e) => e.role !== 'precondition'),
    ];
    for (const { role, check } of ordered) {
      const out = renderCheck(check, s);
      const id = lit(check.id);
      const token = out.detail ? `${id}=${out.detail}` : id;
      if (role === 'precondition') {
        s.add(`${out.quiet} if %A${k}%==_ set A${k}=${lit(`n/a:${check.id}`)}`);
        if (out.failed) s.add(`${out.failed} set U${k}=%U${k}%,${id}?&set B${k}=X`);
      } else if (role === 'primary') {
        s.add(`${out.fired} set P${k}=%P${k}%,${token}`);
        if (out.failed) s.add(`${out.failed} set U${k}=%U${k}%,${id}?`);
      } else {
        s.add(`${out.fired} set S${k}=%S${k}%,${token}`);
      }
    }
  });

  const names = catalog.scenarios.map((sc, i) => `set N${i + 1}=${lit(sc.id)}`).join('&');
  s.add(names);
  const x = v('a');
  const decide =
    `set V=0&for ${x} in (${indexes}) do (` +
    `set T=${lit('CLEAR -')}` +
    `&(if not !U${x}!==_ set T=${lit('UNKNOWN')} !U${x}:~2!)` +
    `&(if !B${x}!!P${x}:~1,1!==_, set T=${lit('DETECTED')} !P${x}:~2!!S${x}:~1!&set /a V+=1 >nul)` +
    `&(if not !A${x}!==_ set T=${lit('CLEAR')} !A${x}!)` +
    `&echo ${lit(REPORT_PREFIX)} !N${x}! !T!)` +
    `&echo ${lit(`${REPORT_PREFIX} verdict`)} !V! ${lit('detected')}`;
  s.add(`del "%TEMP%\\rdprescue-E*.xml" >nul 2>&1&cmd /v:on /d /c "${decide}"`);
  return s.lines;
}
