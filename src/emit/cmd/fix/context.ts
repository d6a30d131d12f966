import type { Fix, WindowsPath } from '../../../model/index.ts';
import {
  Name,
  appendTo,
  echoCommand,
  id,
  q,
  ref,
  text,
  type Command,
  type Part,
  type Word,
} from '../syntax/index.ts';

/**
 * Where a fix runs: on the VM itself (Serial Console, or a .cmd file there), or on a rescue
 * VM against the attached OS disk, whose SYSTEM hive is loaded under HKLM.
 */
export type FixScope = { kind: 'online' } | { kind: 'offline'; mountAs: string };

/**
 * Names the fix's lines share with the framing around them. Their spellings are fixed: the
 * .cmd wrappers and the offline templates read RRF and RRB, and the operator sets parameters.
 */
export const FAILED = Name.fixed('RRF');
export const BACKUP = Name.fixed('RRB');
export const DRIVE = Name.fixed('RR_DRIVE');
export const CONTROL_SET = Name.fixed('RR_CS');
export const BCD = Name.fixed('RR_BCD');

/** A parameter's variable: set by the operator before pasting, or from the .cmd's argument. */
export function parameterName(param: string): Name {
  return Name.fixed(`RR_${param}`);
}

export interface FixContext {
  fix: Fix;
  scope: FixScope;
  /** Files in the backup folder, numbered per kind so names stay short (k1.reg, a1.acl). */
  backupFile(key: string, kind: string): string;
  /** True the first time a key is asked for: for lines a script needs only once. */
  once(key: string): boolean;
}

export function fixContext(fix: Fix, scope: FixScope): FixContext {
  const files = new Map<string, string>();
  const counters = new Map<string, number>();
  const seen = new Set<string>();
  return {
    fix,
    scope,
    once(key) {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
    backupFile(key, kind) {
      const known = files.get(`${kind}:${key}`);
      if (known) return known;
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const file = `${kind}${n}`;
      files.set(`${kind}:${key}`, file);
      return file;
    },
  };
}

const CCS = 'HKLM\\SYSTEM\\CurrentControlSet\\';

/** A registry key as the scope sees it (offline: inside the loaded hive's booted control set). */
export function registryKey(key: string, scope: FixScope): Part[] {
  if (scope.kind === 'online') return [id(key)];
  if (key.startsWith(CCS))
    return [id(`HKLM\\${scope.mountAs}\\`), ref(CONTROL_SET), id(`\\${key.slice(CCS.length)}`)];
  if (key.startsWith('HKLM\\SYSTEM\\'))
    return [id(`HKLM\\${scope.mountAs}\\${key.slice('HKLM\\SYSTEM\\'.length)}`)];
  throw new Error(`offline scripts can only change the SYSTEM hive, not ${key}`);
}

/** A Windows path: the VM's own variables online, the attached drive offline. */
export function windowsPath(path: WindowsPath, scope: FixScope): Part[] {
  const root: Part[] =
    scope.kind === 'offline'
      ? [
          ref(DRIVE),
          id(':'),
          ...(path.root === 'SystemDrive'
            ? []
            : [id(`\\${path.root === 'SystemRoot' ? 'Windows' : path.root}`)]),
        ]
      : [ref(Name.env(path.root))];
  return [...root, id(`\\${path.sub}`)];
}

/** `"%RRB%\<file>"`; parts may name the file from a variable. */
export function backupPath(...file: (string | Part)[]): Part {
  return q(ref(BACKUP), '\\', ...file);
}

/** Appends a command to %RRB%\undo.cmd (its variables are expanded now, when it is written). */
export function addUndo(command: Command): Command {
  return echoCommand(command, appendTo([backupPath('undo.cmd')]));
}

/** A report line: `RDPRESCUE <fix> <message>` (case-sensitive text). */
export function report(fix: Fix, ...rest: (string | Part)[]): Word {
  return [text(`RDPRESCUE ${fix.id} `), ...rest.map((p) => (typeof p === 'string' ? text(p) : p))];
}
