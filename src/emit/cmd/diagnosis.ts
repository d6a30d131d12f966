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
 * not met). Then decideStatus()'s truth table, one line per rule, later rules winning: CLEAR,
 * UNKNOWN, DETECTED (a primary fired and no precondition failed), n/a. No delayed expansion
 * (Wine's cmd gets it wrong, so it could not be tested): a line reads the values the earlier
 * lines set. One last line prints every result, so the report ends the screen.
 */
export function diagnosisLines(catalog: Catalog): string[] {
  const eventChecks = catalog.scenarios.flatMap((sc) =>
    sc.evidence
      .map((e) => e.check)
      .filter((c): c is CheckOf<'event-query'> => c.kind === 'event-query'),
  );
  const s = new ScriptBuilder({ kind: 'online' }, eventChecks);
  const a = v('a');
  s.add(
    `for /f ${lit('"delims=="')} ${a} in ('set _ 2^>nul') do set ${a}=`,
    // for /l keeps this line short however many scenarios the catalog has.
    `for /l ${a} in (1,1,${catalog.scenarios.length}) do (set _P${a}=_&set _S${a}=_&set _U${a}=_&set _B${a}=_&set _A${a}=_)`,
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
        s.add(`${out.quiet} if "%_A${k}%"=="_" set _A${k}=${lit(`n/a:${check.id}`)}`);
        if (out.failed) s.add(`${out.failed} set _U${k}=%_U${k}%,${id}?&set _B${k}=X`);
      } else if (role === 'primary') {
        s.add(`${out.fired} set _P${k}=%_P${k}%,${token}`);
        if (out.failed) s.add(`${out.failed} set _U${k}=%_U${k}%,${id}?`);
      } else {
        s.add(`${out.fired} set _S${k}=%_S${k}%,${token}`);
      }
    }
  });

  s.add('set _N=0');
  catalog.scenarios.forEach((_, i) => {
    const k = i + 1;
    s.add(
      `set _T${k}=${lit('CLEAR -')}`,
      `if not "%_U${k}%"=="_" set _T${k}=${lit('UNKNOWN')} %_U${k}:~2%`,
      `if "%_A${k}%"=="_" if %_B${k}%==_ if not "%_P${k}%"=="_" (set _T${k}=${lit('DETECTED')} %_P${k}:~2%%_S${k}:~1%&set /a _N+=1 >nul)`,
      `if not "%_A${k}%"=="_" set _T${k}=${lit('CLEAR')} %_A${k}%`,
    );
  });
  const report = catalog.scenarios.map(
    (sc, i) => `echo ${lit(`${REPORT_PREFIX} ${sc.id}`)} %_T${i + 1}%`,
  );
  s.add(`del "%TEMP%\\rdprescue_E*.xml" >nul 2>&1`);
  const verdict = `echo ${lit(`${REPORT_PREFIX} verdict`)} %_N% ${lit('detected')}`;
  for (const line of joinWithin([...report, verdict], REPORT_LINE_BUDGET)) s.add(line);
  return s.lines;
}

/**
 * The report is printed by as few lines as possible (one for the real catalog), but a large
 * catalog's report must still fit in paste blocks, so lines are joined only up to a budget.
 */
const REPORT_LINE_BUDGET = 1200;

function joinWithin(commands: string[], budget: number): string[] {
  const lines: string[] = [];
  for (const command of commands) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + command.length <= budget)
      lines[lines.length - 1] = `${last}&${command}`;
    else lines.push(command);
  }
  return lines;
}
