import type { Emitter } from '../artifact.ts';
import { renderTemplate } from '../render.ts';
import { toCrlf } from '../text.ts';
import { catalogData, dispatchTables, offlineFixes } from './data.ts';
import { invocations } from './invocations.ts';
import { psData } from './literal.ts';
import { region, runtimeParts } from './runtime.ts';

export const REPAIR_VM_FILE = 'Invoke-RdpRescueOffline.ps1';
export const REPAIR_VM_PATH = `repair-vm/${REPAIR_VM_FILE}`;

/**
 * Printable ASCII with CRLF and no BOM: az vm repair run and Run Command hand the script over
 * without its BOM, and Windows PowerShell 5.1 then reads it in the rescue VM's ANSI code page,
 * where only ASCII reads the same everywhere.
 */
export function asciiScript(text: string, where: string): Buffer {
  const body = toCrlf(text);
  const bad = /[^\x20-\x7e\r\n]/.exec(body);
  if (bad) {
    const line = body.slice(0, bad.index).split('\n').length;
    throw new Error(
      `${where}:${line}: character U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')} is not printable ASCII`,
    );
  }
  return Buffer.from(body, 'ascii');
}

/**
 * The rescue-VM target: one self-contained script that finds the broken OS disk attached to a
 * rescue VM, diagnoses it offline and applies the catalog's offline repairs with a backup, a
 * read-back and an undo. Runs through `az vm repair run` or by hand.
 */
export const repairVmEmitter: Emitter = {
  name: 'repair-vm',
  emit({ catalog, version }) {
    const commands = invocations(`dist-ps/${REPAIR_VM_PATH}`, REPAIR_VM_FILE);
    const fixes = offlineFixes(catalog);
    const data = region(
      'catalog data (generated from src/model/catalog)',
      [
        `$script:RdpOfflineCatalog = ${psData(catalogData(catalog, version))}`,
        ...Object.entries(dispatchTables()).map(
          ([name, table]) => `$script:${name} = ${psData(table)}`,
        ),
      ].join('\n'),
    );
    const text = renderTemplate('repair-vm/Invoke-RdpRescueOffline.ps1.ejs', {
      version,
      commands,
      fixes: fixes.map((f) => ({ id: f.id, optIn: f.optIn })),
      body: [data, ...runtimeParts()].join('\n\n'),
    });
    return [
      {
        path: REPAIR_VM_PATH,
        kind: 'ps-repair-vm',
        content: asciiScript(text, REPAIR_VM_PATH),
        meta: { role: 'repair-vm', invocations: { ...commands } },
      },
    ];
  },
};
