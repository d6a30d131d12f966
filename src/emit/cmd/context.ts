import type { CheckOf, RegistryType, WindowsPath } from '../../model/index.ts';
import { lit, v } from './script.ts';

/**
 * Where the rendered CMD runs: on the VM itself (Serial Console, or a .cmd file there), or
 * on a rescue VM against the attached OS disk, whose SYSTEM hive is loaded under HKLM.
 */
export type Scope =
  | { kind: 'online' }
  | { kind: 'offline'; mountAs: string; driveVar: string; controlSetVar: string };

/**
 * A script under construction: lines plus the shared facts (a port read, a channel query)
 * that several renderers need but that must run only once.
 */
export class ScriptBuilder {
  readonly lines: string[] = [];
  private readonly facts = new Map<string, string>();
  private readonly counters = new Map<string, number>();

  constructor(
    readonly scope: Scope,
    /** Every event check of the script, so one query per channel can cover them all. */
    readonly eventChecks: readonly CheckOf<'event-query'>[] = [],
    /**
     * True when the script's first line clears every `_` variable (the diagnosis). Otherwise
     * a value read earlier in the same console, by this or another paste, may still be set.
     */
    readonly startsClean = false,
  ) {}

  add(...lines: string[]): void {
    this.lines.push(...lines);
  }

  /** A fresh variable name with the given prefix (short: paste blocks are 2,048 chars). */
  fresh(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${n}`;
  }

  known(key: string): boolean {
    return this.facts.has(key);
  }

  /** Emits a fact's lines on first use and returns the variable (or file) it defines. */
  fact(key: string, render: (name: string) => string[], prefix = 'X'): string {
    const known = this.facts.get(key);
    if (known) return known;
    const name = this.fresh(prefix);
    this.facts.set(key, name);
    this.add(...render(name));
    return name;
  }
}

const CCS = 'HKLM\\SYSTEM\\CurrentControlSet\\';

/** A registry key as the scope sees it (offline: inside the loaded hive's booted control set). */
export function registryKey(key: string, scope: Scope): string {
  if (scope.kind === 'online') return key;
  if (key.startsWith(CCS))
    return `HKLM\\${scope.mountAs}\\%${scope.controlSetVar}%\\${key.slice(CCS.length)}`;
  if (key.startsWith('HKLM\\SYSTEM\\'))
    return `HKLM\\${scope.mountAs}\\${key.slice('HKLM\\SYSTEM\\'.length)}`;
  throw new Error(`offline scripts can only change the SYSTEM hive, not ${key}`);
}

/** A Windows path: the VM's own variables online, the attached drive offline. */
export function windowsPath(path: WindowsPath, scope: Scope): string {
  const drive = scope.kind === 'offline' ? `%${scope.driveVar}%:` : undefined;
  const root = {
    ProgramData: drive ? `${drive}\\ProgramData` : '%ProgramData%',
    SystemRoot: drive ? `${drive}\\Windows` : '%SystemRoot%',
    SystemDrive: drive ?? '%SystemDrive%',
  }[path.root];
  return `${root}\\${path.sub}`;
}

export function quote(text: string): string {
  if (text.includes('"')) throw new Error(`cannot quote ${text}`);
  return `"${text}"`;
}

/**
 * Reads one registry value into `name` as "<TYPE>:<data>" (undefined when absent). The second
 * line drops anything that is not a value line (Wine prints reg's errors on stdout).
 */
export function readRegistry(key: string, valueName: string, name: string): string[] {
  if (/\s/.test(valueName))
    throw new Error(`CMD cannot read value names with spaces: ${valueName}`);
  const a = v('a');
  const b = v('b');
  return [
    `set ${name}=&for /f ${lit('"tokens=2*"')} ${a} in ('reg query ${quote(key)} /v ${valueName} 2^>nul') do set ${name}=${a}:${b}`,
    `if not "%${name}:~0,4%"==${lit('"REG_"')} set ${name}=`,
  ];
}

/**
 * Reads every value of a key at once into <prefix>_<value name>="<TYPE>:<data>" (one reg
 * process instead of one per value). A value deleted since an earlier read must not linger:
 * the diagnosis clears all its variables first, other scripts clear the prefix here.
 */
export function readKey(s: ScriptBuilder, key: string): string {
  return s.fact(
    `key:${key}`,
    (name) => {
      const read = `for /f ${lit('"tokens=1,2*"')} ${v('a')} in ('reg query ${quote(key)} 2^>nul') do set ${name}_${v('a')}=${v('b')}:${v('c')}`;
      if (s.startsClean) return [read];
      return [clearVariables(`${name}_`), read];
    },
    '_K',
  );
}

/** What reg query prints for a value of this type and data. */
export function registryText(type: RegistryType, data: number | string): string {
  if (type === 'REG_DWORD') {
    if (typeof data !== 'number') throw new Error(`REG_DWORD data must be a number, got ${data}`);
    return `REG_DWORD:0x${data.toString(16)}`;
  }
  return `${type}:${data}`;
}

/**
 * Clears every variable whose name starts with `prefix`. The prefix itself is set first so
 * that `set` always lists something: no "not defined" error on the console, and no
 * `2^>nul` (which Wine's cmd cannot run inside for /f). A line of its own: Wine skips a
 * parenthesised for followed by `&`.
 */
export function clearVariables(prefix: string): string {
  const a = v('a');
  return `set ${prefix}=.&for /f ${lit('"delims=="')} ${a} in ('set ${prefix}') do set ${a}=`;
}
