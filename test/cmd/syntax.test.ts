import { describe, expect, it } from 'vitest';
import {
  ForVar,
  Name,
  Namer,
  PrintError,
  arg,
  block,
  clear,
  compare,
  defined,
  echo,
  echoCommand,
  appendTo,
  equals,
  errorlevel,
  errToNul,
  exec,
  exit,
  forCommand,
  forIn,
  forRef,
  id,
  not,
  pipe,
  printPasteBlocks,
  printScript,
  q,
  qt,
  quiet,
  readFrom,
  ref,
  rem,
  run,
  seq,
  set,
  setArith,
  setQuoted,
  text,
  toNul,
  when,
  type Command,
  type Dialect,
} from '../../src/emit/cmd/syntax/index.ts';
import { WinePrefix, wineAvailable } from './wine.ts';

/**
 * The printer against cmd.exe's real rules. Each rule has a case where the naive rendering
 * (what string concatenation gave) is wrong on Windows, and the printer's output is right.
 */

const print = (statements: Command[], dialect: Dialect = 'paste', namer = new Namer()) =>
  printScript(statements, dialect, namer).replace(/\r\n$/, '').split('\r\n');

describe('a variable is never read on the line that sets it', () => {
  it('moves the read to a new line (naive: set _0=x&echo %_0% prints the old value)', () => {
    const n = Name.generated('n');
    expect(print([seq(set(n, 'x'), echo('value ', ref(n)))])).toEqual([
      'set _0=x',
      'echo value %_0%',
    ]);
  });

  it('keeps a read of the value from before the line on it (set x=%x%...)', () => {
    const n = Name.generated('n');
    expect(print([seq(set(n, [ref(n), text('.')]), echo('ok'))])).toEqual(['set _0=%_0%.&echo ok']);
  });

  it('repeats a condition the body cannot change on every line (set-rdp-port)', () => {
    const portParam = Name.fixed('RR_Port');
    const n = Name.generated('n');
    const ok = Name.generated('ok');
    const naive = when(
      defined(portParam),
      seq(
        setArith(n, [ref(portParam)], quiet),
        when(not(equals([ref(n)], [ref(portParam)])), clear(ok)),
      ),
    );
    expect(print([naive])).toEqual([
      'if defined Rr_Port set /a _0=%Rr_Port% >nul 2>&1',
      'if defined Rr_Port if not "%_0%"=="%Rr_Port%" set _1=',
    ]);
  });

  it('refuses what it cannot split: a condition that changes as commands run', () => {
    const n = Name.generated('n');
    expect(() => print([when(errorlevel(1), seq(set(n, 'x'), echo(ref(n))))])).toThrow(PrintError);
  });

  it('refuses a loop body that reads what it sets (expanded once for every pass)', () => {
    const n = Name.generated('n');
    const a = new ForVar('a');
    expect(() => print([forIn(a, ['1', '2'], seq(echo(ref(n)), set(n, [forRef(a)])))])).toThrow(
      /loop body/,
    );
  });

  it('treats a family of variables as one (for /f sets _0_%a, a later read of _0_Port)', () => {
    const key = Name.generated('key');
    const a = new ForVar('a');
    const read = forCommand(
      a,
      'tokens=1,2*',
      run(['reg', 'query', q('HKLM\\X')], [errToNul]),
      set(key.member(a), [forRef(a.next())]),
    );
    const lines = print([seq(read, echo(ref(key.member('Port'))))]);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('echo %_0_Port%');
  });
});

describe('if and for take the rest of the line', () => {
  it('starts a new line after an if (naive: if x a&b makes b conditional too)', () => {
    expect(print([seq(when(errorlevel(1), echo('a')), echo('b'))])).toEqual([
      'if erRorlevel 1 echo a',
      'echo b',
    ]);
  });

  it('encloses an if that is not last inside a block', () => {
    const flag = Name.generated('flag');
    const inner = seq(when(errorlevel(1), echo('a')), echo('b'));
    expect(print([when(defined(flag), inner, echo('c'))])).toEqual([
      'if defined _0 ((if erRorlevel 1 (echo a))&echo b) else echo c',
    ]);
  });
});

describe('an if keeps all its commands on Wine too (the tests run Wine 8)', () => {
  const a = Name.generated('a');
  const b = Name.generated('b');
  const x = new ForVar('x');

  it('encloses a branch of several commands (Wine runs the commands after the first always)', () => {
    const twice = when(defined(a), seq(echo('a'), echo('b')));
    expect(print([twice])).toEqual(['if defined _0 (echo a&echo b)']);
    expect(print([forIn(x, ['1'], twice)])).toEqual([
      'for %x in (1) do (if defined _0 (echo a&echo b))',
    ]);
    expect(print([when(defined(a), seq(echo('a'), when(defined(b), twice)))])).toEqual([
      'if defined _0 (echo a&if defined _1 (if defined _0 (echo a&echo b)))',
    ]);
    expect(print([when(defined(a), echo('a'), seq(echo('b'), echo('c')))])).toEqual([
      'if defined _0 (echo a) else (echo b&echo c)',
    ]);
  });

  it('encloses a for body that is an if (Wine runs nothing of `do if c (a) else b`)', () => {
    expect(print([forIn(x, ['1'], when(defined(a), echo('a'), echo('b')))])).toEqual([
      'for %x in (1) do (if defined _0 (echo a) else (echo b))',
    ]);
  });

  it('encloses every branch inside parentheses (Wine misreads `(if c set x=1)&...`)', () => {
    expect(print([seq(block(when(defined(a), echo('a'))), echo('b'))])).toEqual([
      '(if defined _0 (echo a))&echo b',
    ]);
  });
});

describe('an if /i after a compared if', () => {
  const a = Name.generated('a');
  const v = Name.generated('v');

  it('encloses the branch: Wine 8 reports "Syntax error" for `if 1==1 if /i ...`, Windows reads both alike', () => {
    const check = when(not(equals(ref(v), 'x', { ignoreCase: true })), set(a, '1'));
    expect(print([when(compare('1', '==', '1'), when(defined(v), check))])).toEqual([
      'if 1==1 (if defined _0 (if /i not "%_0%"=="x" (set _1=1)))',
    ]);
    expect(print([when(defined(v), check)])).toEqual([
      'if defined _0 if /i not "%_0%"=="x" set _1=1',
    ]);
  });
});

describe('every else binds to the if the tree says', () => {
  const a = Name.generated('a');
  const b = Name.generated('b');

  it('an if with else inside another if is enclosed (Windows binds else to the inner if)', () => {
    expect(print([when(defined(a), when(defined(b), echo('X'), echo('Y')))])).toEqual([
      'if defined _0 (if defined _1 (echo X) else (echo Y))',
    ]);
  });

  it('an else of the outer if encloses the inner one (naive: it would bind to the inner)', () => {
    expect(print([when(defined(a), when(defined(b), echo('X')), echo('Y'))])).toEqual([
      'if defined _0 (if defined _1 (echo X)) else echo Y',
    ]);
  });

  it('encloses the branch before else (naive: if c echo a else echo b echoes "a else echo b")', () => {
    expect(print([when(errorlevel(1), echo('a'), echo('b'))])).toEqual([
      'if erRorlevel 1 (echo a) else echo b',
    ]);
  });
});

describe('text never holds an unescaped special character', () => {
  it('escapes parentheses of text inside a block (naive: the ) after "server" ends it)', () => {
    const failed = Name.generated('failed');
    expect(
      print([when(defined(failed), echo('TLS 1.2 (server): FAILED'), echo('applied'))], 'batch'),
    ).toEqual(['if defined _0 (echo TLS 1.2 ^(server^): FAILED) else echo applied']);
  });

  it('escapes redirection characters (naive: <port> redirects input, >&set fails)', () => {
    expect(print([echo('needs: set RR_Port=<port>&set OK=')])).toEqual([
      'echo needs: set RR_Port=^<port^>^&set OK=',
    ]);
  });

  it('separates a redirection from a quoted word (Wine reads <"f">nul as the file f">nul)', () => {
    expect(print([run(['find', qt('>1057<')], [readFrom(q('C:\\e.xml')), toNul])])).toEqual([
      'find ">1057<" <"C:\\e.xml" >nul',
    ]);
  });

  it('leaves quoted text as it is (a caret there would be printed)', () => {
    expect(print([exec('icacls', q('C:\\x'), '/grant', qt('*S-1-5-18:(F)'))])).toEqual([
      'icacls "C:\\x" /grant "*S-1-5-18:(F)"',
    ]);
  });

  it('escapes twice inside a for /f command, which cmd parses once more', () => {
    const n = Name.generated('n');
    const a = new ForVar('a');
    const lines = print([
      forCommand(
        a,
        'tokens=2 delims=,',
        pipe(exec('tasklist', '/fo', 'csv'), exec('find', qt('.exe'))),
        set(n, [forRef(a, '~')]),
      ),
      forCommand(a, undefined, exec('echo', text('a&b')), set(n, [forRef(a)])),
    ]);
    expect(lines[0]).toBe(
      `for /f "tokens=2 delims=," %a in ('tasklist /fo csv^|find ".exe"') do set _0=%~a`,
    );
    expect(lines[1]).toBe(`for /f %a in ('echo a^^^&b') do set _0=%a`);
  });

  it('writes an undo line as the command, escaped once for the echo', () => {
    const backup = Name.fixed('RR_B');
    const undo = q(ref(backup), '\\undo.cmd');
    const lines = print([
      echoCommand(
        seq(exec('reg', 'query', 'x'), when(errorlevel(1), exec('net', 'start', 'y'), exec('z'))),
        appendTo([undo]),
      ),
    ]);
    expect(lines).toEqual([
      '>>"%Rr_B%\\undo.cmd" echo reg query x^&if erRorlevel 1 ^(net start y^) else z',
    ]);
  });

  it('refuses an unbalanced quote and a quote inside set "name=value"', () => {
    expect(() => print([echo('say "hi')])).toThrow(/unbalanced quote/);
    expect(() => print([setQuoted(Name.generated('v'), 'a"b')])).toThrow(PrintError);
  });

  it('keeps if operands one token', () => {
    expect(() => print([when(equals('a b', 'c'), echo('x'))])).not.toThrow();
    expect(() => print([when(compare('a b', '==', 'c'), echo('x'))])).toThrow(/operand/);
    expect(() => print([when(compare('a,b', 'EQU', 'c'), echo('x'))])).toThrow(/operand/);
  });
});

describe('the two dialects', () => {
  const a = new ForVar('a');
  const n = Name.generated('n');

  it('for-variables: %a pasted, %%a in a batch file', () => {
    const loop = forIn(a, ['1', '2'], echo(forRef(a)));
    expect(print([loop], 'paste')).toEqual(['for %a in (1 2) do echo %a']);
    expect(print([loop], 'batch')).toEqual(['for %%a in (1 2) do echo %%a']);
  });

  it("a for-variable in an undo line is the writing line's: its value goes into the file", () => {
    const undo = q(ref(Name.fixed('RR_B')), '\\undo.cmd');
    const loop = forIn(
      a,
      ['0x1'],
      echoCommand(exec('reg', 'add', 'k', '/d', q(forRef(a))), appendTo([undo])),
    );
    expect(print([loop], 'paste')).toEqual([
      'for %a in (0x1) do >>"%Rr_B%\\undo.cmd" echo reg adD k /d "%a"',
    ]);
    expect(print([loop], 'batch')).toEqual([
      'for %%a in (0x1) do >>"%Rr_B%\\undo.cmd" echo reg adD k /d "%%a"',
    ]);
  });

  it('a literal percent sign: %% in a file, %^ at the prompt, refused inside quotes there', () => {
    const line = set(n, '%SystemRoot%\\x');
    expect(print([line], 'batch')).toEqual(['set _0=%%SystemRoot%%\\x']);
    expect(print([line], 'paste')).toEqual(['set _0=%^SystemRoot%^\\x']);
    expect(() => print([exec('x', qt('100%'))], 'paste')).toThrow(PrintError);
  });

  it('arguments and exit exist in a batch file only', () => {
    expect(print([set(n, [arg(1)]), exit(2)], 'batch')).toEqual(['set _0=%~1', 'exit /b 2']);
    expect(() => print([set(n, [arg(1)])], 'paste')).toThrow(PrintError);
    expect(() => print([exit(2)], 'paste')).toThrow(/close the console/);
  });

  it('refuses batch-only and prompting commands in a paste', () => {
    expect(() => print([exec('setlocal')], 'paste')).toThrow(PrintError);
    expect(() => print([exec('timeout', '/t', '2')], 'batch')).toThrow(/waits for a key/);
    expect(() => print([rem('a (b)')])).toThrow(PrintError);
  });
});

describe('letter-case hardening', () => {
  it('alternates identifiers so that no two identical letters touch', () => {
    const lines = print([exec('reg', 'query', q('HKLM\\SYSTEM\\CurrentControlSet\\Services'))]);
    expect(lines).toEqual(['reg query "HKLM\\SYSTEM\\CurRentControlSet\\Services"']);
  });

  it('keeps the canonical case of text: a value name a fix creates, output, data', () => {
    const key = q(
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp',
    );
    const created = print([
      exec('reg', 'add', key, '/v', text('SSLCertificateSHA1Hash'), '/t', 'REG_BINARY'),
      exec('reg', 'add', key, '/v', text('fAllowSecProtocolNegotiation'), '/t', 'REG_DWORD'),
    ]);
    expect(created[0]).toContain(' /v SSLCertificateSHA1Hash ');
    expect(created[1]).toContain(' /v fAllowSecProtocolNegotiation ');
    // The same names only read or deleted are identifiers, hardened like any other.
    const read = print([exec('reg', 'delete', key, '/v', id('SSLCertificateSHA1Hash'))]);
    expect(read[0]).toContain('/v SsLCertificateSHA1Hash');
    expect(print([echo('aabb')])).toEqual(['echo aabb']);
  });

  it('changes the identifier, not the text, where the two touch', () => {
    expect(print([exec([id('Ha'), text('a')])])).toEqual(['HAa']);
  });

  it('never changes a for-variable (they are case-sensitive)', () => {
    const a = new ForVar('a');
    expect(print([forIn(a, ['x'], exec('a', [forRef(a)]))])).toEqual(['for %a in (x) do a %a']);
  });
});

describe('names', () => {
  it('spells generated names short and unique, without doubled characters', () => {
    const namer = new Namer();
    const names = Array.from({ length: 60 }, (_, i) => namer.nameOf(Name.generated(`n${i}`)));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(60);
    for (const n of names) expect(n).not.toMatch(/(.)\1/i);
    expect(names[0]).toBe('_0');
  });

  it('lists the names a script owns, never the system variables it reads', () => {
    const namer = new Namer();
    const own = Name.generated('own');
    const param = Name.fixed('RR_Port');
    printScript([set(own, [ref(Name.env('ProgramData'))]), echo(ref(param))], 'paste', namer);
    expect(namer.owned().sort()).toEqual(['RR_Port', '_0']);
  });

  it('refuses a fixed name that looks like a generated one', () => {
    expect(() => printScript([echo(ref(Name.fixed('_0')))], 'paste', new Namer('_'))).toThrow();
  });
});

describe('paste blocks', () => {
  const key = (n: number) =>
    q(
      `HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.${n}\\Server`,
    );
  const steps = Array.from({ length: 24 }, (_, i) => [
    exec('reg', 'add', key(i % 3), '/v', text('Enabled'), '/t', 'REG_DWORD', '/d', '1', '/f'),
  ]);
  const script = (definitions: 'each-block' | 'once', limit: number) => ({
    namer: new Namer(),
    prologue: () => [rem('block')],
    steps,
    footer: [echo('done')],
    epilogue: () => [echo('end')],
    definitions,
    limit,
  });

  it('names repeated text and defines it in every block that uses it', () => {
    const plain = printScript(steps.flat(), 'paste', new Namer()).length;
    const blocks = printPasteBlocks(script('each-block', 1200));
    for (const b of blocks) {
      expect(b.length).toBeLessThanOrEqual(1200);
      expect(b).toMatch(/^rem block\r\n/);
      expect(b).toMatch(/echo end\r\n$/);
      const defined = [...b.matchAll(/^set "(_\w+)=/gm)].map((m) => m[1]);
      for (const used of b.matchAll(/%(_\w+)%/g)) expect(defined).toContain(used[1]);
    }
    expect(blocks.at(-1)).toContain('echo done');
    expect(blocks.join('').length).toBeLessThan(plain);
    // Expanding the names gives back exactly the plain lines.
    const expanded = blocks.flatMap((b) => {
      const values = new Map<string, string>();
      return b
        .split('\r\n')
        .filter((l) => {
          const m = /^set "(_\w+)=(.*)"$/.exec(l);
          if (m) values.set(m[1]!, m[2]!);
          return l.startsWith('reg ');
        })
        .map((l) => l.replace(/%(_\w+)%/g, (_, n: string) => values.get(n)!));
    });
    expect(expanded.map((l) => l.toLowerCase())).toEqual(
      printScript(steps.flat(), 'paste', new Namer())
        .trim()
        .split('\r\n')
        .map((l) => l.toLowerCase()),
    );
  });

  it("'once' defines each name before its first use only", () => {
    const blocks = printPasteBlocks(script('once', 1200));
    const definitions = blocks.join('').match(/^set "_\w+=/gm) ?? [];
    expect(new Set(definitions).size).toBe(definitions.length);
  });

  it('gives a first block whose frame leaves a step no room that frame alone', () => {
    const step = [exec('echo', text('x'.repeat(150)))];
    const blocks = printPasteBlocks({
      ...script('each-block', 400),
      // Block 1 checks something big first (the fixes: the backup root's read-back).
      prologue: ({ block }: { block: number }) => [rem(block === 1 ? 'y'.repeat(250) : 'b')],
      steps: [step, step],
    });
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).not.toContain('xxx');
    expect(blocks[1]!.match(/x{150}/g)).toHaveLength(2);
  });

  it('measures steps in the frame of a block that is not the last, the footer in the last', () => {
    // The last block's frame is big, an earlier one's small: the step fits only in an earlier.
    const blocks = printPasteBlocks({
      ...script('each-block', 400),
      prologue: ({ block, of }: { block: number; of: number }) => [
        rem(block === of ? 'z'.repeat(300) : 'b'),
      ],
      steps: [[exec('echo', text('x'.repeat(250)))]],
    });
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('x'.repeat(250));
    expect(blocks[1]).toContain('echo done');
  });

  it('never splits a step and refuses one that cannot fit', () => {
    const big = { ...script('each-block', 300), steps: [steps.flat()] };
    expect(() => printPasteBlocks(big)).toThrow(/does not fit/);
  });
});

describe.skipIf(!wineAvailable())('printed text reaches the command as written (Wine)', () => {
  const samples = [
    'TLS 1.2 (server): FAILED',
    'needs: set RR_Port=<port>&set OK=',
    'a|b ^ c > d',
    'say "a & b" then (x)',
    '100% done',
  ];
  const flag = Name.fixed('RR_T');
  const n = Name.generated('n');
  const x = new ForVar('x');
  const statements = [
    set(flag, '1'),
    ...samples.map((s) => when(defined(flag), echo(`[${s}]`), echo('never'))),
    // An if that holds another if, and ifs inside parentheses: every "never" is conditional.
    when(
      defined(flag),
      seq(set(n, '1'), when(not(defined(flag)), seq(echo('[never]'), echo('[never]')))),
    ),
    seq(
      block(when(defined(flag), set(n, '2'))),
      when(not(defined(flag)), seq(echo('[never]'), echo('[never]'))),
    ),
    forIn(x, ['1'], when(not(defined(flag)), echo('[never]'), echo('[for else]'))),
  ];
  const expected = [...samples.map((s) => `[${s}]`), '[for else]'];

  it('in a batch file and pasted', () => {
    const w = new WinePrefix('cmd-syntax').init();
    const file = w.put('t.cmd', `@echo off\r\n${printScript(statements, 'batch', new Namer())}`);
    // Wine's whole output goes into the message: a failure on a fresh CI machine is read there.
    const ran = w.batch(file);
    const batch = ran.stdout.split(/\r?\n/).filter((l) => l.startsWith('['));
    expect(batch, `exit ${ran.code}\n${ran.stdout}\n${ran.stderr}`).toEqual(expected);
    const stdout = w.interactive(printScript(statements, 'paste', new Namer()));
    const pasted = stdout
      .split(/\r?\n/)
      .map((l) => /\[.*\]/.exec(l)?.[0])
      .filter(Boolean);
    expect(pasted, stdout).toEqual(expected);
  });
});
