import { describe, expect, it } from 'vitest';
import { checkText } from './check.ts';
import type { Dialect, RuleId } from './model.ts';
import { RULES } from './rules/index.ts';

interface Example {
  dialect: Dialect;
  lines: string[];
}

const paste = (...lines: string[]): Example => ({ dialect: 'paste', lines });
const batch = (...lines: string[]): Example => ({ dialect: 'batch', lines });

/** rule -> examples it must reject (with the line it must name) and examples it must accept. */
const CASES: Record<RuleId, { bad: [Example, number][]; good: Example[] }> = {
  'set-then-read': {
    bad: [
      [paste('set x=new&echo [%x%]'), 1],
      [batch('if defined A (', '  set x=new', '  echo %x%', ')'), 3],
      [paste('if defined P set /a N=%P% >nul 2>&1&if not "%N%"=="%P%" set OK='), 1],
      [paste('set "v=abc"&echo %v:~0,1%'), 1],
      [paste('for /f "delims=" %a in (\'ver\') do set v=%a&echo %v%'), 1],
      [batch('for %%a in (1 2) do set list=%list% %%a'), 1],
      [paste('reg query HKLM\\x >nul 2>&1&echo %errorlevel%'), 1],
    ],
    good: [
      paste('set x=new', 'echo [%x%]'),
      paste('set x=new&if defined x echo x is set now'),
      paste('set x=%x%;more'),
      paste('set /a N=P+1 >nul&if defined N echo ok'),
      paste('if defined A (set x=1) else echo %x%'),
      batch('if defined A (', '  set x=new', ')', 'echo %x%'),
      paste('reg query HKLM\\x >nul 2>&1&if errorlevel 1 echo missing'),
    ],
  },
  'paren-in-text': {
    bad: [
      [batch('if defined F (echo TLS 1.2 (server): FAILED&exit /b 1)'), 1],
      [paste('if defined F (echo done :-))'), 1],
      [batch('if defined F (', '  echo see (below)', '  echo next', ')'), 2],
      // The parenthesis can come from a value: phase 1 expands before phase 2 parses.
      [paste('set "_2=a (b)"', 'if defined X (echo %_2%)'), 2],
    ],
    good: [
      batch('if defined F (echo TLS 1.2 ^(server^): FAILED&exit /b 1)'),
      batch('if defined F (echo "TLS 1.2 (server)")'),
      paste('echo TLS 1.2 (server)'),
      paste('if defined F echo TLS 1.2 (server)'),
      paste('set "_2=a (b)"', 'echo %_2%'),
    ],
  },
  'redirection-in-text': {
    bad: [
      [paste('if not defined P (echo needs: set P=<port>&set OK=)'), 1],
      [batch('echo needs: set P=<port>&set OK='), 1],
      [paste('echo result: >'), 1],
      [paste('echo copy 1>&a'), 1],
      [paste('for /f %a in (\'netstat -ano | find "x"\') do echo %a'), 1],
      [paste('echo done & restart the VM'), 1],
      [paste('set "_3=<tag>"', 'echo x %_3%'), 2],
    ],
    good: [
      paste('if not defined P (echo needs: set P=^<port^>^&set OK=)'),
      paste('reg query HKLM\\x >nul 2>&1'),
      paste('type nul>"%TEMP%\\a b.txt"'),
      paste('for /f %a in (\'netstat -ano ^| find "x"\') do echo %a'),
      paste('echo done&echo next'),
      paste('echo abc|findstr /i b'),
      paste('sort <in.txt>out.txt'),
      paste('set "_3=<tag>"', 'echo "x %_3%"'),
    ],
  },
  'ambiguous-else': {
    bad: [
      [paste('if defined A if defined B (echo X) else echo Y'), 1],
      [batch('if not errorlevel 4 if errorlevel 3 (set C=F) else set C=Q'), 1],
    ],
    good: [
      paste('if defined A (if defined B (echo X) else echo Y)'),
      paste('if defined A (echo X) else if defined B (echo Y) else echo Z'),
      paste('if defined A if defined B echo X'),
    ],
  },
  'batch-only': {
    bad: [
      [paste('setlocal'), 1],
      [paste('echo a', 'goto :end'), 2],
      [paste(':end'), 1],
      [paste('call :sub'), 1],
      [paste('if defined F exit /b 1'), 1],
      [paste('echo %~1'), 1],
      [paste('set P=%1'), 1],
    ],
    good: [
      batch('setlocal', 'if defined F goto :end', 'call :sub %1', 'exit /b 1', ':end'),
      paste('echo ok', 'call "%TEMP%\\undo.cmd"'),
      paste(':: a comment'),
    ],
  },
  unbalanced: {
    bad: [
      [paste('echo "unclosed & echo next'), 1],
      [paste('if defined A (echo x', 'echo y'), 1],
      [batch(') echo x'), 1],
    ],
    good: [
      paste('echo "quoted & fine"'),
      paste('echo a 5" disk'),
      paste('if defined A (', 'echo x', ')', 'echo y'),
    ],
  },
  'for-variable': {
    bad: [
      [paste('for %%a in (1 2) do echo %%a'), 1],
      [batch('for %a in (1 2) do echo %a'), 1],
      [batch('for /f "tokens=1,2" %a in (\'ver\') do echo %b'), 1],
    ],
    good: [
      paste('for %a in (1 2) do echo %a'),
      batch('for %%a in (1 2) do echo %%a'),
      batch('for /f "tokens=1,2" %%a in (\'ver\') do echo %%b'),
    ],
  },
  'lone-percent': {
    bad: [
      [batch('echo 100% done'), 1],
      [batch('echo 50% of it, 20% of that'), 1],
    ],
    good: [batch('echo 100%% done'), batch('echo %x% and %~1'), paste('echo 100% done')],
  },
  'modifier-on-cleared': {
    bad: [
      [batch('set v=', "for /f %%a in ('ver') do set v=%%a", 'set /a n=%v:*:=% >nul'), 3],
      [paste('set v=', "for /f %a in ('ver') do set v=%a", 'echo %v:~0,4%'), 3],
    ],
    good: [
      batch('set v=', "for /f %%a in ('ver') do set v=%%a", 'if defined v set /a n=%v:*:=% >nul'),
      batch('set v=', "for /f %%a in ('ver') do set v=%%a", 'if not "%v:~0,4%"=="REG_" set v='),
      batch('set v=', 'set v=abc', 'echo %v:~0,1%'),
    ],
  },
  'errorlevel-after-set': {
    bad: [
      [batch('reg query HKLM\\x >nul 2>&1&set F=&if errorlevel 1 echo missing'), 1],
      [batch('reg query HKLM\\x >nul 2>&1', 'set F=1', 'if errorlevel 1 echo missing'), 3],
    ],
    good: [
      batch('reg query HKLM\\x >nul 2>&1&if errorlevel 1 set F=1'),
      paste('reg query HKLM\\x >nul 2>&1&set F=&if errorlevel 1 echo missing'),
    ],
  },
  'delayed-bang': {
    bad: [[batch('setlocal EnableDelayedExpansion', 'echo Done!'), 2]],
    good: [
      batch('setlocal EnableDelayedExpansion', 'set x=1', 'echo !x!'),
      batch('setlocal', 'echo Done!'),
      paste('echo Done!'),
    ],
  },
  'line-too-long': {
    bad: [[paste('echo ' + 'x'.repeat(8200)), 1]],
    good: [paste('echo ' + 'x'.repeat(8000))],
  },
};

const run = (e: Example) => checkText(e.lines.join('\r\n') + '\r\n', e.dialect);

describe('cmd checker rules', () => {
  it('has a case table for every rule, and every rule cites its source', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const rule of RULES) expect(rule.source.length, rule.id).toBeGreaterThan(20);
  });

  for (const [rule, { bad, good }] of Object.entries(CASES)) {
    describe(rule, () => {
      it.each(bad)('rejects %j (line %i)', (example, line) => {
        const found = run(example).filter((f) => f.rule === rule);
        expect(found.map((f) => f.line)).toContain(line);
      });
      it.each(good.map((g) => [g]))('accepts %j', (example) => {
        expect(run(example)).toEqual([]);
      });
    });
  }
});

describe('cmd checker model', () => {
  it('binds else to the inner if, as Windows does', () => {
    // Same text, parenthesised: no finding, so the parser saw the inner if's block and else.
    expect(run(paste('if defined A (if defined B (echo X) else echo Y)'))).toEqual([]);
  });

  it('expands a paste script block by block in one console', () => {
    const found = checkText('set "_2=a (b)"\r\n', 'paste', 'one.txt').concat(
      checkText('if defined X (echo %_2%)\r\n', 'paste', 'two.txt'),
    );
    // Checked apart, the second block cannot know _2; checked together it does.
    expect(found).toEqual([]);
  });

  it('reports file:line:rule:message', () => {
    const [finding] = checkText('set x=1&echo %x%\r\n', 'paste', 'a.txt');
    expect(finding).toMatchObject({ file: 'a.txt', line: 1, rule: 'set-then-read' });
    expect(finding!.message).toMatch(/%x% is expanded when cmd reads this line/);
  });
});
