import type { Catalog, Fix } from '../../model/index.ts';
import type { Artifact, Emitter } from '../artifact.ts';
import { renderTemplate } from '../render.ts';
import { cmdText } from '../text.ts';
import { abbreviate, unusedNames } from './abbreviate.ts';
import { diagnosisLines } from './diagnosis.ts';
import { parameterName } from './fix/context.ts';
import { batchProgram, pasteProgram } from './fix/script.ts';
import { offlineArtifacts } from './offline.ts';
import { lit, renderScript, repeatedPairs, type Dialect, type RenderedScript } from './script.ts';
import { Namer, printPasteBlocks, printScript } from './syntax/index.ts';

/** The Serial Console accepts at most this many characters per paste, CRLFs included. */
export const PASTE_LIMIT = 2048;

function lines(text: string): string[] {
  return text.replace(/\r?\n$/, '').split(/\r?\n/);
}

function pasteBlock(title: string, body: string[], block: number, of: number): RenderedScript {
  const text = renderTemplate('cmd/paste.txt.ejs', {
    title,
    body: body.join('\n'),
    block,
    of,
    lit,
  });
  const rendered = renderScript(lines(text), 'paste');
  return { ...rendered, text: rendered.text + '\r\n' };
}

function fitsPaste(title: string) {
  // Measured with three-digit block numbers, so "block 383 of 632" still fits.
  return (body: string[]) => pasteBlock(title, body, 999, 999).text.length <= PASTE_LIMIT;
}

/** Splits a line list into paste-sized chunks (env variables carry over between pastes). */
function chunkLines(title: string, body: string[]): string[][] {
  const fits = fitsPaste(title);
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const line of body) {
    if (current.length > 0 && !fits([...current, line])) {
      chunks.push(current);
      current = [];
    }
    current.push(line);
  }
  chunks.push(current);
  return chunks;
}

function batchFile(title: string, body: string[], version: string, parameters: string[]) {
  const text = renderTemplate('cmd/batch.cmd.ejs', {
    title,
    body: body.join('\n'),
    version,
    parameters,
    lit,
  });
  return renderScript(lines(text), 'batch');
}

function artifact(
  path: string,
  kind: Artifact['kind'],
  rendered: RenderedScript,
  meta: Record<string, unknown>,
): Artifact {
  const text = rendered.text.endsWith('\r\n') ? rendered.text : rendered.text + '\r\n';
  for (const [i, c] of [...text].entries())
    if (c === '\t') throw new Error(`${path}: tab at offset ${i}`);
  return {
    path,
    kind,
    content: cmdText(text, path),
    meta: { chars: text.length, repeatedPairs: rendered.repeatedPairs, ...meta },
  };
}

function checkPasteLimit(path: string, rendered: RenderedScript): void {
  if (rendered.text.length > PASTE_LIMIT)
    throw new Error(
      `${path}: ${rendered.text.length} characters, more than the Serial Console's ${PASTE_LIMIT}`,
    );
}

function diagnosisArtifacts(catalog: Catalog, version: string): Artifact[] {
  const body = diagnosisLines(catalog);
  const title = 'diagnosis (read-only)';
  // The first line clears the script's variables, so the names are defined after it.
  const [reset, ...rest] = body;
  const short = abbreviate(rest, unusedNames(body));
  const definitions = short.definitions.map((d) => d.line);
  const chunks = chunkLines(title, [reset!, ...definitions, ...short.lines]);
  const pastes = chunks.map((chunk, i) => {
    const path = `serial-console/diagnose-${i + 1}-of-${chunks.length}.txt`;
    const rendered = pasteBlock(title, chunk, i + 1, chunks.length);
    checkPasteLimit(path, rendered);
    return artifact(path, 'cmd-paste', rendered, {
      role: 'diagnosis',
      block: i + 1,
      of: chunks.length,
    });
  });
  const batch = artifact('cmd/diagnose.cmd', 'cmd-batch', batchFile(title, body, version, []), {
    role: 'diagnosis',
    block: 1,
    of: 1,
  });
  return [...pastes, batch];
}

/** Artifact metadata computed from printed text. */
function printed(text: string): RenderedScript {
  return { text, repeatedPairs: repeatedPairs(text), caseInsensitive: [] };
}

/** A fix's paste blocks and its .cmd file, printed by the syntax tree's printer. */
function fixArtifacts(fix: Fix, catalog: Catalog, version: string): Artifact[] {
  const scenario = catalog.scenarios.find((s) => s.fixes.includes(fix.id))?.id;
  const parameters = fix.parameters.map((p) => parameterName(p.name).hint);
  const common = { fix: fix.id, ...(scenario ? { scenario } : {}), parameters };
  const blocks = printPasteBlocks({
    namer: new Namer(),
    definitions: 'each-block',
    ...pasteProgram(fix, catalog),
  });
  const pastes = blocks.map((text, i) => {
    const path = `serial-console/${fix.id}-${i + 1}-of-${blocks.length}.txt`;
    const rendered = printed(text);
    checkPasteLimit(path, rendered);
    return artifact(path, 'cmd-paste', rendered, { ...common, block: i + 1, of: blocks.length });
  });
  const batch = printScript(batchProgram(fix, catalog, version), 'batch', new Namer());
  return [
    ...pastes,
    artifact(`cmd/${fix.id}.cmd`, 'cmd-batch', printed(batch), { ...common, block: 1, of: 1 }),
  ];
}

/** Serial Console paste blocks, .cmd files and offline repair scripts from one CMD rendering. */
export const cmdEmitter: Emitter = {
  name: 'cmd',
  emit({ catalog, version }) {
    return [
      ...diagnosisArtifacts(catalog, version),
      ...catalog.fixes
        .filter((f) => f.scope === 'online')
        .flatMap((fix) => fixArtifacts(fix, catalog, version)),
      ...offlineArtifacts(catalog, version),
    ];
  },
};

export type { Dialect };
