import type { Fix } from '../../../model/index.ts';
import {
  Name,
  clear,
  compare,
  defined,
  echo,
  equals,
  errorlevel,
  not,
  qt,
  quiet,
  ref,
  run,
  seq,
  set,
  setArith,
  text,
  when,
  type Command,
} from '../syntax/index.ts';
import { parameterName, report } from './context.ts';

/**
 * Checks a fix's parameters before anything runs; `valid` is defined afterwards when all are
 * usable. Every value it reads is set on an earlier line, and its own names are cleared first,
 * so nothing left in the console by an earlier paste decides.
 */
export function parameterChecks(
  fix: Fix,
  valid: Name,
  usage: (parameter: string, type: string) => string,
  /** Lines that may clear `valid` too, before the refusal is reported. */
  more: Command[] = [],
  why = 'bad or missing parameter',
): Command[] {
  if (fix.parameters.length === 0) return [];
  const lines: Command[] = [set(valid, '1')];
  for (const p of fix.parameters) {
    const param = parameterName(p.name);
    lines.push(
      when(not(defined(param)), seq(echo(...report(fix, usage(p.name, p.type))), clear(valid))),
    );
    if (p.type === 'port') lines.push(...portChecks(param, valid));
    else lines.push(...thumbprintChecks(param, valid));
  }
  lines.push(...more, when(not(defined(valid)), echo(...report(fix, `NOT APPLIED: ${why}`))));
  return lines;
}

/** A decimal number 1-65535 exactly as typed (set /a would also take 0x10, 1+1 or 010). */
function portChecks(param: Name, valid: Name): Command[] {
  const number = Name.generated('port as a number');
  return [
    clear(number),
    when(defined(param), setArith(number, [ref(param)], quiet)),
    when(not(equals([ref(number)], [ref(param)])), clear(valid)),
    when(defined(valid), when(compare([ref(number)], 'LSS', '1'), clear(valid))),
    when(defined(valid), when(compare([ref(number)], 'GTR', '65535'), clear(valid))),
  ];
}

/**
 * 40 hexadecimal digits naming a certificate in LocalMachine\My that has a private key
 * (TermService cannot use one without). certutil's output is localized: a PowerShell probe
 * reads the thumbprint from the environment, so nothing typed reaches its command line.
 */
function thumbprintChecks(param: Name, valid: Name): Command[] {
  const probe = [
    text('$t=$env:'),
    { kind: 'name' as const, name: param },
    text(
      ";$c=Get-Item -LiteralPath ('Cert:\\LocalMachine\\My\\'+$t) -ea 0;if($t -match '^[0-9a-f]{40}$' -and $c.HasPrivateKey){exit 0};exit 3",
    ),
  ];
  return [
    when(
      defined(param),
      seq(
        run(['powershell', '-nop', '-noni', '-c', qt(...probe)], quiet),
        when(errorlevel(1), clear(valid)),
      ),
    ),
  ];
}
