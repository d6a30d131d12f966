import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The module's hand-written runtime: real .ps1 files under src/powershell that editors, the
 * parser gate and Pester load as they are. They are joined into the module in this order
 * (platform first: everything else reaches the machine through it).
 */
export const RUNTIME_FILES = [
  'platform',
  'checks',
  'user-rights',
  'service-config',
  'file-version',
  'status',
  'backup',
  'undo',
  'services',
  'boot-entry',
  'operations',
  'firewall',
  'engine',
] as const;
/** What only the Run Command script adds around the module (its helpers and undo line). */
export const RUNCOMMAND_RUNTIME_FILE = 'runcommand';
export type RuntimeFile = (typeof RUNTIME_FILES)[number] | typeof RUNCOMMAND_RUNTIME_FILE;

export const RUNTIME_DIR = fileURLToPath(new URL('../../powershell/', import.meta.url));

/** The repository path of a runtime file, as written in its region marker. */
export const runtimeSource = (name: RuntimeFile) => `src/powershell/${name}.ps1`;

const cache = new Map<RuntimeFile, string>();

/** A runtime file's text as it is on disk (LF line ends, no BOM). */
export function runtimeText(name: RuntimeFile): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(`${RUNTIME_DIR}${name}.ps1`, 'utf8').replace(/^\uFEFF/, '');
    cache.set(name, text);
  }
  return text;
}

/**
 * Wraps a part of the built module in region markers that name where it came from, so an error
 * line in the built psm1 leads back to its source file or model id.
 */
export function region(source: string, text: string): string {
  return `#region ${source}\n${text.trimEnd()}\n#endregion ${source}`;
}

/** Every runtime file, each in its region, in module order. */
export function runtimeParts(): string[] {
  return RUNTIME_FILES.map((name) => region(runtimeSource(name), runtimeText(name)));
}
