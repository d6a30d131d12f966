import type { Artifact, Emitter } from '../artifact.ts';
import { renderTemplate } from '../render.ts';
import { powershellAsciiText, powershellText } from '../text.ts';
import { CULTURES, type Catalog, type Culture } from '../../model/index.ts';
import { moduleFiles, type ModuleIdentity } from '../../identity/identity.ts';
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
  emit({ catalog, identity }) {
    // The module reports its own version (an organisation's build has its own).
    const version = identity.version;
    const files = moduleFiles(identity);
    const body = moduleBody(catalog, version);
    const exports = publicFunctions(catalog);
    const module = (path: string, text: string): Artifact => ({
      path: `${files.dir}/${path}`,
      kind: 'ps-module',
      content: powershellText(text),
    });
    const artifacts: Artifact[] = [
      module(files.manifest, render('RdpRescue.psd1.ejs', manifestData(identity, exports))),
      module(
        files.rootModule,
        render('RdpRescue.psm1.ejs', { name: identity.name, version, body, exports }),
      ),
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

function manifestData(identity: ModuleIdentity, exports: string[]) {
  return {
    rootModule: moduleFiles(identity).rootModule,
    version: identity.version,
    guid: identity.guid,
    author: identity.author,
    company: identity.company,
    copyright: identity.copyright,
    exports,
    description:
      'Diagnoses and repairs failed RDP connections to Azure Windows VMs: detects the known scenarios of the Azure troubleshooting articles, repairs them with a backup first, verifies, and can undo.',
    tags: identity.tags,
    projectUri: identity.projectUri,
    licenseUri: identity.licenseUri,
    releaseNotes: identity.releaseNotes,
  };
}
