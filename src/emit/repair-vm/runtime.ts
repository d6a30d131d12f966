import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The rescue-VM script's hand-written runtime: real .ps1 files under src/repair-vm that
 * editors, the parser gates and Pester load as they are, joined in this order (the platform
 * layer first: everything else reaches the rescue VM through it). The status truth table is
 * the module's own src/powershell/status.ps1, read as it is, so both targets decide alike.
 */
export const RUNTIME_FILES = [
  'src/repair-vm/platform.ps1',
  'src/repair-vm/arguments.ps1',
  'src/repair-vm/output.ps1',
  'src/powershell/status.ps1',
  'src/powershell/file-version.ps1',
  'src/repair-vm/disk.ps1',
  'src/repair-vm/identity.ps1',
  'src/repair-vm/registry.ps1',
  'src/repair-vm/certificates.ps1',
  'src/repair-vm/checks.ps1',
  'src/repair-vm/backup.ps1',
  'src/repair-vm/operations.ps1',
  'src/repair-vm/boot-entry.ps1',
  'src/repair-vm/undo.ps1',
  'src/repair-vm/main.ps1',
] as const;

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** A runtime file as it is on disk (LF line ends, no BOM). */
export function runtimeText(file: string): string {
  return readFileSync(`${REPO}${file}`, 'utf8').replace(/^\uFEFF/, '');
}

/** Region markers name the source of every line of the built script. */
export function region(source: string, text: string): string {
  return `#region ${source}\n${text.trimEnd()}\n#endregion ${source}`;
}

export function runtimeParts(): string[] {
  return RUNTIME_FILES.map((file) => region(file, runtimeText(file)));
}
