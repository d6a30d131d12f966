/**
 * Phase 1 of cmd.exe's parser: percent expansion, done once when a line is read, before the
 * line is split into commands (dbenham and jeb, "How does the Windows Command Interpreter
 * (CMD.EXE) parse scripts?", https://stackoverflow.com/a/4095133, phase 1 and dbenham's
 * percent-phase details in the same thread; Microsoft's `set /?`).
 *
 * At `%` cmd takes the characters up to the next `%`, `:` or line end as a name. In a batch
 * file %% is one %, %1 a parameter, an undefined %name% expands to nothing and an undefined
 * %name:... loses just `%name:`. At the prompt there are no parameters, %% stays, and an
 * undefined %name is kept as typed with the scan going on from its closing % (which may
 * open the next reference).
 */
import { applyModifier, type Environment } from './environment.ts';
import type { Ch, Dialect } from './model.ts';

/** A %name% (or %name:modifier%) read, at an index of the expanded characters. */
export interface Read {
  name: string;
  modifier?: string;
  at: number;
  line: number;
}

export interface Expanded {
  chars: Ch[];
  reads: Read[];
  /** Batch: % signs cmd removes because they pair with no variable a script can set. */
  lonePercents: string[];
  /** Paste: %1, %*, %~dp0 stay as typed: parameters exist only in a batch file. */
  parameters: string[];
}

const PARAMETER = /^%(?:~(?:[fdpnxsatz]|\$[^:%]*:)*[0-9]|[0-9*])/i;
const FOR_VARIABLE = /(?:^|[\s&|(@])for\s[^\r\n]*?(%%?)([A-Za-z])\s+in\s*\(/gi;
/** A name a script can set and mean: no blanks, no operators. */
const NAME = /^[^\s=<>|&()"^~*0-9][^\s=<>|&()"^]*$/;

/** For-variables a line declares (`for ... %a in (`), written with one or two percent signs. */
export function declaredForVariables(raw: string): { letter: string; percents: string }[] {
  return [...raw.matchAll(FOR_VARIABLE)].map((m) => ({ letter: m[2]!, percents: m[1]! }));
}

export function expandPercents(
  raw: string,
  line: number,
  dialect: Dialect,
  env: Environment,
  forVariables: ReadonlySet<string>,
): Expanded {
  const out: Expanded = { chars: [], reads: [], lonePercents: [], parameters: [] };
  const literal = (text: string, extra: Partial<Ch> = {}) => {
    for (const c of text) out.chars.push({ c, line, ...extra });
  };
  const read = (name: string, modifier?: string) => {
    out.reads.push({ name, modifier, at: out.chars.length, line });
    const known = env.value(name);
    const value =
      known === undefined || modifier === undefined ? known : applyModifier(known, modifier);
    if (value === undefined) literal('\u0000', { opaque: true });
    else literal(value);
  };
  const batch = dialect === 'batch';
  let i = 0;
  while (i < raw.length) {
    if (raw[i] !== '%') {
      literal(raw[i]!);
      i++;
      continue;
    }
    if (batch && raw[i + 1] === '%') {
      literal('%', { doubled: true });
      i += 2;
      continue;
    }
    const parameter = PARAMETER.exec(raw.slice(i));
    if (parameter) {
      if (batch) literal('\u0000', { opaque: true });
      else {
        out.parameters.push(parameter[0]);
        literal(parameter[0]);
      }
      i += parameter[0].length;
      continue;
    }
    let end = i + 1;
    while (end < raw.length && raw[end] !== '%' && raw[end] !== ':') end++;
    const name = raw.slice(i + 1, end);
    const meant = NAME.test(name) && !(name.length === 1 && forVariables.has(name));
    if (end >= raw.length) {
      if (batch) out.lonePercents.push(raw.slice(i));
      else literal('%');
      i++;
    } else if (raw[end] === '%') {
      if (meant) read(name);
      else if (batch) out.lonePercents.push(raw.slice(i, end + 1));
      else literal('%' + name);
      i = meant || batch ? end + 1 : end;
    } else {
      const close = raw.indexOf('%', end + 1);
      if (meant && close > end + 1) {
        read(name, raw.slice(end + 1, close));
        i = close + 1;
      } else if (batch) {
        // `%name:%` is one (undefined) name; otherwise only `%name:` goes.
        const gone = close === end + 1 ? raw.slice(i, close + 1) : raw.slice(i, end + 1);
        out.lonePercents.push(gone);
        i += gone.length;
      } else {
        literal('%' + name + ':');
        i = end + 1;
      }
    }
  }
  return out;
}
