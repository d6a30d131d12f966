import { describe, expect, it } from 'vitest';
import {
  Namer,
  arg,
  echo,
  exec,
  printScript,
  q,
  run,
  set,
  Name,
  text,
  type Command,
} from '../../src/emit/cmd/syntax/index.ts';

/** The printer's additions for the offline scripts and the transfer blocks. */

const split = (commands: Command[]) =>
  printScript(commands, 'paste', new Namer(), { caretSplit: true }).replace(/\r\n$/, '');

describe('caret split: pairs hardening cannot break', () => {
  it('puts a caret between identical unquoted digits and text letters, which cmd removes', () => {
    expect(split([run(['copy', '/b', 'c11+c100', 'p'])])).toBe('copy /b c1^1+c10^0 p');
    expect(split([echo('Next: powershell')])).toBe('echo Next: powershel^l');
  });

  it('leaves quoted text, hardened identifiers and names alone', () => {
    expect(split([exec('findstr', q('aabb11'))])).toBe('findstr "aAbB11"');
    expect(split([set(Name.fixed('RR_Aa'), 'x')])).toBe('set Rr_Aa=x');
    expect(split([exec('reg', 'query', 'HKLM\\Software\\Classes')])).toBe(
      'reg query HKLM\\Software\\ClasSes',
    );
  });

  it('is off unless asked for', () => {
    expect(printScript([echo('c11')], 'paste', new Namer())).toBe('echo c11\r\n');
  });
});

describe('batch arguments with modifiers', () => {
  it('prints %~dp0, the folder of the batch file', () => {
    expect(
      printScript([exec('call', [q(arg(0, '~dp'), text('x.cmd'))])], 'batch', new Namer()),
    ).toBe('calL "%~dp0x.cmd"\r\n');
    expect(() => arg(0, 'dp')).toThrow(/modifiers/);
    expect(() => arg(10)).toThrow(/bad argument/);
  });
});
