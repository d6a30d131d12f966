import { describe, expect, it } from 'vitest';
import {
  SEARCHED_UP_TO,
  abbreviate,
  unusedNames,
  type Definition,
} from '../../src/emit/cmd/abbreviate.ts';
import { lit, renderScript, v } from '../../src/emit/cmd/script.ts';

const NAMES = ['_0', '_1', '_2', '_3'];

/** Puts every `%_n%` back, the way cmd expands it when the line is read. */
function expand(definitions: Definition[], lines: string[]): string[] {
  const values = new Map<string, string>();
  for (const d of definitions) {
    const m = /^set "(_\w)=(.*)"$/s.exec(d.line);
    if (m?.[1] !== d.name) throw new Error(`not a definition of ${d.name}: ${d.line}`);
    values.set(d.name, m[2]!);
  }
  return lines.map((l) => l.replace(/%(_\w)%/g, (ref, n: string) => values.get(n) ?? ref));
}

describe('naming repeated text in paste blocks', () => {
  const key = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
  const lines = [
    `reg query "${key}\\TLS 1.0\\Server" /v Enabled`,
    `reg query "${key}\\TLS 1.1\\Server" /v Enabled`,
    `reg query "${key}\\TLS 1.2\\Server" /v Enabled`,
  ];

  it('names text that repeats and expands back to exactly the same lines', () => {
    const short = abbreviate(lines, NAMES);
    expect(short.definitions.length).toBeGreaterThan(0);
    expect(expand(short.definitions, short.lines)).toEqual(lines);
    const before = lines.join('\r\n').length;
    const after = [...short.definitions.map((d) => d.line), ...short.lines].join('\r\n').length;
    expect(after).toBeLessThan(before - 100);
  });

  it('leaves lines alone when naming would not save characters', () => {
    const once = ['reg query "HKLM\\SOFTWARE\\Once" /v A', 'echo done'];
    expect(abbreviate(once, NAMES)).toEqual({ definitions: [], lines: once });
  });

  it('never names command words, switches, redirections, quotes, variables or for-variables', () => {
    const repeated = Array.from(
      { length: 6 },
      (_, i) =>
        `powershell -nop -noni -c "exit 0" >nul 2>&1&if not errorlevel 1 set _C${i}=%_LongVariableName%&for ${v('a')} in (x) do echo ${v('a')}`,
    );
    const short = abbreviate(repeated, NAMES);
    for (const d of short.definitions) {
      const value = /^set "_\w=(.*)"$/s.exec(d.line)![1]!;
      expect(value).not.toMatch(/["%\u0003\u0005]/);
      expect(value).not.toMatch(/powershell|errorlevel|>nul|set _C|LongVariableName/i);
    }
    expect(expand(short.definitions, short.lines)).toEqual(repeated);
  });

  it('keeps case-sensitive text case-sensitive, and hardens only the rest', () => {
    const xpath = lit(
      `"*[System[Provider[@Name='Microsoft-Windows-TerminalServices-SessionBroker']]]"`,
    );
    const twice = [`wevtutil qe A /q:${xpath}`, `wevtutil qe B /q:${xpath}`];
    const short = abbreviate(twice, NAMES);
    const rendered = renderScript(
      [...short.definitions.map((d) => d.line), ...short.lines],
      'paste',
    ).text;
    expect(rendered).toContain('Microsoft-Windows-TerminalServices-SessionBroker');
  });

  it('leaves a script longer than it searches as it is', () => {
    const line = `reg query "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Example" /v Start`;
    const huge = Array.from({ length: Math.ceil(SEARCHED_UP_TO / line.length) + 1 }, () => line);
    expect(abbreviate(huge, NAMES)).toEqual({ definitions: [], lines: huge });
    expect(abbreviate(huge.slice(0, 10), NAMES).definitions.length).toBeGreaterThan(0);
  });

  it('picks names the script does not use, in any letter case', () => {
    const names = unusedNames(['set _A=1&echo %_b%', 'if defined _C echo x']);
    expect(names).not.toContain('_a');
    expect(names).not.toContain('_b');
    expect(names).not.toContain('_c');
    expect(names).toContain('_0');
  });
});
