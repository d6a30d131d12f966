import type { Artifact, Emitter } from '../artifact.ts';
import { renderTemplate } from '../render.ts';
import { powershellAsciiText, powershellText } from '../text.ts';
import { CULTURES, type Catalog, type Culture } from '../../model/index.ts';
import { psAsciiString, psLiteral, psString, UTF8_BASE64_DECODER } from './literal.ts';
import { dispatchTables } from './primitives.ts';
import { catalogData, onlineFixes, stringTable } from './catalog-data.ts';
import { fixCommand, repairParameters } from './commands.ts';
import { aboutData } from './about.ts';
import {
  region,
  RUNCOMMAND_RUNTIME_FILE,
  runtimeParts,
  runtimeSource,
  runtimeText,
} from './runtime.ts';

/** Fixed module identity: never change the GUID, PowerShellGet and users rely on it. */
export const MODULE_GUID = '3f6a1c52-8d4e-4b7a-9c1e-5a2d7e0b9f43';
export const MODULE_DIR = 'RdpRescue';
export const RUNCOMMAND_PATH = 'runcommand/Invoke-RdpRescue.ps1';

const helpers = { psString, psLiteral };

function render(name: string, data: Record<string, unknown>): string {
  return renderTemplate(`powershell/${name}`, { ...helpers, ...data });
}

export function publicFunctions(catalog: Catalog): string[] {
  return [
    'Invoke-RdpDiagnosis',
    'Invoke-RdpRepair',
    'Undo-RdpRepair',
    ...onlineFixes(catalog).map((f) => f.command!),
  ];
}

/** The module body shared by the .psm1 and the Run Command script. */
export function moduleBody(catalog: Catalog, version: string): string {
  const scenarioIds = catalog.scenarios.map((s) => s.id);
  const fixes = onlineFixes(catalog);
  // The hand-written runtime first, then what the catalog generates; public commands last.
  const parts = runtimeParts();
  parts.push(
    render('catalog.ps1.ejs', {
      version,
      dispatch: dispatchTables(),
      catalog: catalogData(catalog),
    }),
    render('public.ps1.ejs', {
      scenarioIds,
      onlineFixIds: fixes.map((f) => f.id),
      optInFixes: fixes.filter((f) => f.optIn).map((f) => f.id),
      parameters: repairParameters(catalog),
    }),
    ...fixes.map((f) =>
      region(`fix ${f.id} (command ${f.command})`, render('fix-command.ps1.ejs', fixCommand(f))),
    ),
  );
  return parts.map((p) => p.trimEnd()).join('\n\n');
}

function stringsFile(catalog: Catalog, culture: Culture): string {
  return render('RdpRescue.strings.psd1.ejs', {
    culture,
    entries: Object.entries(stringTable(catalog, culture)),
  });
}

export const powershellEmitter: Emitter = {
  name: 'powershell',
  emit({ catalog, version }) {
    const body = moduleBody(catalog, version);
    const exports = publicFunctions(catalog);
    const module = (path: string, text: string): Artifact => ({
      path: `${MODULE_DIR}/${path}`,
      kind: 'ps-module',
      content: powershellText(text),
    });
    const artifacts: Artifact[] = [
      module('RdpRescue.psd1', render('RdpRescue.psd1.ejs', manifestData(version, exports))),
      module('RdpRescue.psm1', render('RdpRescue.psm1.ejs', { version, body, exports })),
    ];
    for (const culture of CULTURES) {
      artifacts.push(
        module(`${culture}/RdpRescue.strings.psd1`, stringsFile(catalog, culture)),
        module(
          `${culture}/about_RdpRescue.help.txt`,
          render('about_RdpRescue.help.txt.ejs', aboutData(catalog, culture, version)),
        ),
      );
    }
    const stringTables = Object.fromEntries(CULTURES.map((c) => [c, stringTable(catalog, c)]));
    // Nobody reads Get-Help through Run Command: the inlined copy drops comment-based help.
    const runBody = body.replace(/^ {4}<#\n[\s\S]*?^ {4}#>\n/gm, '');
    artifacts.push({
      path: RUNCOMMAND_PATH,
      kind: 'ps-runcommand',
      // Run Command drops the BOM: the script must read the same in every ANSI code page.
      content: powershellAsciiText(
        render('Invoke-RdpRescue.ps1.ejs', {
          version,
          body: runBody,
          stringTable: stringTables,
          psAsciiString,
          decoder: UTF8_BASE64_DECODER,
          runCommandRuntime: region(
            runtimeSource(RUNCOMMAND_RUNTIME_FILE),
            runtimeText(RUNCOMMAND_RUNTIME_FILE),
          ),
        }),
        RUNCOMMAND_PATH,
      ),
    });
    return artifacts;
  },
};

function manifestData(version: string, exports: string[]) {
  return {
    version,
    guid: MODULE_GUID,
    exports,
    description:
      'Diagnoses and repairs failed RDP connections to Azure Windows VMs: detects the known scenarios of the Azure troubleshooting articles, repairs them with a backup first, verifies, and can undo.',
    tags: [
      'RDP',
      'RemoteDesktop',
      'Azure',
      'Troubleshooting',
      'Windows',
      'PSEdition_Desktop',
      'PSEdition_Core',
    ],
    projectUri: 'https://github.com/rdp-rescue/rdp-rescue',
    licenseUri: 'https://github.com/rdp-rescue/rdp-rescue/blob/main/LICENSE',
    releaseNotes: `RdpRescue ${version}: generated from the RdpRescue catalog.`,
  };
}
