import { createHash } from 'node:crypto';
import type { Artifact } from '../emit/artifact.ts';
import { moduleFiles, UPSTREAM_NAME, type ModuleIdentity } from '../identity/identity.ts';
import { renderTemplate } from '../emit/render.ts';
import { cmdText } from '../emit/text.ts';
import { withSetId, writeCab, type CabEntry, type CabOptions } from './cab.ts';
import { blockCommands, installCommands, printPaste, type WorkParent } from './commands.ts';
import { hashWindow, repeatedPairs, spacedBase64 } from './shape.ts';

/** One file of the signed module, path relative to the module folder ('en-US/x.txt'). */
export interface ModuleFile {
  path: string;
  content: Buffer;
}

export interface TransferSummary {
  blocks: number;
  totalChars: number;
  /** Bytes of the module, of the MSZIP cabinet, and characters of its shaped base64. */
  moduleBytes: number;
  payloadBytes: number;
  payloadChars: number;
  payloadSha256: string;
  repeatedPairs: number;
}

export interface Transfer {
  artifacts: Artifact[];
  summary: TransferSummary;
}

/** The Serial Console takes at most 2,048 characters per paste, CRLF included. */
export const PASTE_LIMIT = 2048;
/**
 * Block files are numbered with two digits, and the last block joins every chunk by name: a
 * module that needs more pastes is not one anybody transfers through a console. Laying such a
 * module out cost minutes (the join grows with the block count, and is printed per block).
 */
export const MAX_TRANSFER_BLOCKS = 99;

/** The module needs more pastes than MAX_TRANSFER_BLOCKS. */
export class TransferTooLarge extends Error {
  constructor(readonly atLeast: number) {
    super(
      `transfer: the module needs at least ${atLeast} pastes, and a Serial Console transfer takes at most ${MAX_TRANSFER_BLOCKS}: copy the module to the VM another way (Run Command, a storage account)`,
    );
    this.name = 'TransferTooLarge';
  }
}
export const TRANSFER_DIR = 'serial-console/transfer';
const SAFE_NAME = /^[A-Za-z][A-Za-z0-9._-]*$/;
const SAFE_PATH = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/**
 * Paste blocks that carry the signed module through the Serial Console's cmd channel: an
 * MSZIP cabinet in base64, one chunk per block, each checked as soon as it is pasted; the
 * last block checks the whole cabinet before it installs anything.
 */
export function transferBlocks(moduleFiles: readonly ModuleFile[], version: string): Artifact[] {
  return buildTransfer(moduleFiles, version).artifacts;
}

/** `name` is the module's folder under Modules\ (an organisation's build has its own). */
export function buildTransfer(
  moduleFiles: readonly ModuleFile[],
  version: string,
  name: string = UPSTREAM_NAME,
): Transfer {
  if (moduleFiles.length === 0) throw new Error('transfer: the module has no files');
  if (!SAFE_NAME.test(name))
    throw new Error(`transfer: module name ${JSON.stringify(name)}: letters/digits/._- only`);
  if (!/^[0-9]+(\.[0-9]+){1,3}$/.test(version))
    throw new Error(`transfer: version ${JSON.stringify(version)} is not a module version`);
  for (const f of moduleFiles)
    if (!SAFE_PATH.test(f.path))
      throw new Error(
        `transfer: module file ${JSON.stringify(f.path)}: path must be relative, letters/digits/._- only`,
      );

  assertManifestVersion(moduleFiles, version, name);
  const files = [...moduleFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const { cab, payloadSha256 } = payloadWithCleanHash(files);
  const stream = spacedBase64(cab);
  // No block carries more than a paste of data: a lower bound, known before any layout.
  const atLeast = Math.ceil(stream.length / PASTE_LIMIT);
  if (atLeast > MAX_TRANSFER_BLOCKS) throw new TransferTooLarge(atLeast);
  const dir = 'rdpx' + hashWindow(payloadSha256, 2).compact;

  const install = (blockCount: number) =>
    printPaste(
      installCommands({
        name,
        version,
        chunks: chunkNames(blockCount),
        check: hashWindow(payloadSha256, 16),
        last: blockCount,
        dir,
        dirs: [...new Set(files.map((f) => f.path.split('/').slice(0, -1).join('\\')))].filter(
          (d) => d !== '',
        ),
        files: files.map((f, i) => ({
          entry: String(i + 1),
          target: f.path.replace(/\//g, '\\'),
        })),
      }),
    );

  const texts = layOutBlocks({ stream, atLeast, dir, finish: install });
  const count = texts.length;
  if (count > MAX_TRANSFER_BLOCKS) throw new TransferTooLarge(count);

  const artifacts = texts.map((text, i): Artifact => {
    const content = cmdText(text, `${TRANSFER_DIR}/${blockFile(i + 1)}`);
    return {
      path: `${TRANSFER_DIR}/${blockFile(i + 1)}`,
      kind: 'transfer',
      content,
      meta: { block: i + 1, of: count, chars: content.length, repeatedPairs: repeatedPairs(text) },
    };
  });
  const summary: TransferSummary = {
    blocks: count,
    totalChars: artifacts.reduce((sum, a) => sum + a.content.length, 0),
    moduleBytes: files.reduce((sum, f) => sum + f.content.length, 0),
    payloadBytes: cab.length,
    payloadChars: stream.length,
    payloadSha256,
    repeatedPairs: texts.reduce((sum, t) => sum + repeatedPairs(t), 0),
  };
  const readme = renderTemplate('transfer/README.txt.ejs', {
    ...summary,
    name,
    version,
    dir,
    lastFile: blockFile(count),
    signed: files.some((f) => f.content.includes('# SIG # Begin signature block')),
  });
  // Beside, not inside, the paste folder: everything in serial-console/ must be pasteable.
  artifacts.push({ path: README_PATH, kind: 'transfer', content: cmdText(readme, README_PATH) });
  return { artifacts, summary };
}

export const README_PATH = 'transfer-README.txt';

/** Import-Module only loads a versioned folder whose name is the manifest's ModuleVersion. */
function assertManifestVersion(files: readonly ModuleFile[], version: string, name: string): void {
  const manifest = files.find((f) => f.path === `${name}.psd1`);
  const declared =
    manifest && /^\s*ModuleVersion\s*=\s*'([^']*)'/m.exec(manifest.content.toString('utf8'));
  if (declared && declared[1] !== version)
    throw new Error(
      `transfer: ${name}.psd1 field ModuleVersion is '${declared[1]}', but the blocks would install into folder ${version}`,
    );
}

export function blockFile(k: number): string {
  return `block-${String(k).padStart(2, '0')}.txt`;
}

/**
 * The cabinet, with a set ID chosen so that the hash the last block compares (and the folder
 * name taken from it) can be typed without a repeated character. The set ID changes only
 * header bytes; the files inside are the same.
 */
function payloadWithCleanHash(files: readonly ModuleFile[]): {
  cab: Buffer;
  payloadSha256: string;
} {
  return cabWithCleanHash(files.map((f, i) => ({ name: String(i + 1), content: f.content })));
}

/** Any cabinet's entries, with the set ID that makes its hash typable (see payloadWithCleanHash). */
export function cabWithCleanHash(
  entries: readonly CabEntry[],
  options: CabOptions = {},
): {
  cab: Buffer;
  payloadSha256: string;
} {
  const plain = writeCab(entries, options);
  let first: { cab: Buffer; payloadSha256: string } | undefined;
  for (let setId = 0; setId < 256; setId++) {
    const cab = withSetId(plain, setId);
    const payloadSha256 = sha256(cab);
    first ??= { cab, payloadSha256 };
    if (hashWindow(payloadSha256, 16).clean && hashWindow(payloadSha256, 2).clean)
      return { cab, payloadSha256 };
  }
  return first!;
}

function chunkName(k: number): string {
  return 'c' + k;
}

/** The chunk files of a transfer of `count` blocks, in the order the last block joins them. */
export function chunkNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => chunkName(i + 1));
}

export interface BlockPlan {
  /** The payload's spaced base64. */
  stream: string;
  /** A lower bound of the block count (the stream over PASTE_LIMIT). */
  atLeast?: number;
  /** The working folder's name, under `parent`. */
  dir: string;
  /** Where the working folder is made (default %SystemRoot%\Temp, the module transfer's). */
  parent?: WorkParent;
  /** The last block's commands after its chunk, printed, for a transfer of `count` blocks. */
  finish: (count: number) => string;
  /** Block 1 says when certutil, expand or findstr is absent (default: yes). */
  checkTools?: boolean;
  /**
   * Each block checks its own chunk at once (default: yes). A finish that checks the whole
   * payload, and says what to paste again, can stand in for these checks where the blocks are
   * few and room is short (the diagnosis).
   */
  checkChunks?: boolean;
}

/**
 * The blocks' texts: the block count appears in every block, so lay out until the count is
 * stable.
 */
export function layOutBlocks(plan: BlockPlan): string[] {
  let count = plan.atLeast ?? Math.ceil(plan.stream.length / PASTE_LIMIT);
  let texts: string[] = [];
  for (let round = 0; round < 10; round++) {
    texts = layout(plan.stream, count, plan.dir, plan.finish(count), {
      parent: plan.parent,
      checkTools: plan.checkTools,
      checkChunks: plan.checkChunks,
    });
    if (texts.length === count) break;
    count = texts.length;
  }
  if (texts.length !== count) throw new Error('transfer: block layout did not settle');
  return texts;
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Fills blocks greedily; the last one also carries the install step. */
function layout(
  stream: string,
  count: number,
  dir: string,
  install: string,
  options: Pick<BlockPlan, 'parent' | 'checkTools' | 'checkChunks'> = {},
): string[] {
  const blocks: string[] = [];
  // An offset into the stream, not a shrinking copy of it: copying the rest for every block
  // made a large module's layout quadratic.
  let at = 0;
  for (let k = 1; at < stream.length; k++) {
    const left = stream.length - at;
    const render = (data: string, last: boolean, n = k) =>
      renderBlock(n, count, dir, data, last ? install : '', {
        parent: options.parent,
        checkTools: options.checkTools,
        checkChunk: options.checkChunks !== false,
      });
    const finalRoom = (n: number) => PASTE_LIMIT - crlfLength(render('', true, n));
    // The last chunk's hash is typed into the console like any other: when it would carry a
    // repeated character (which the console may double or drop, failing an intact block),
    // split the rest in two rather than end here.
    if (
      left <= finalRoom(k) &&
      (left < 2 * SHORTEST_CHUNK + 8 || chunkCheck(stream.slice(at)).clean)
    ) {
      blocks.push(render(stream.slice(at), true));
      break;
    }
    const room = PASTE_LIMIT - crlfLength(render('', false));
    if (room < SHORTEST_CHUNK) throw new Error('transfer: a block has no room for data');
    // Fill the block, but when this block and the last could share the rest, leave the last
    // one full rather than nearly empty. Shorten the chunk by a few characters when that
    // makes its hash typable without a repeated character (and the hash of the rest too, when
    // the rest is the last chunk), and never cut next to a space that separates a repeated
    // pair (it is dropped at the cut).
    const longest = Math.min(room, left - 4, Math.max(left - finalRoom(k + 1) + 4, SHORTEST_CHUNK));
    const candidates = Array.from({ length: 8 }, (_, i) => longest - i).filter(
      (c) => stream[at + c - 1] !== ' ',
    );
    const restFrom = (c: number) => (stream[at + c] === ' ' ? at + c + 1 : at + c);
    const typable = (c: number) =>
      chunkCheck(stream.slice(at, at + c)).clean &&
      (stream.length - restFrom(c) > finalRoom(k + 1) ||
        chunkCheck(stream.slice(restFrom(c))).clean);
    const cut = candidates.find(typable) ?? candidates[0]!;
    blocks.push(render(stream.slice(at, at + cut), false));
    at += cut;
    if (stream[at] === ' ') at++;
  }
  return blocks;
}

/** A block's chunk is cut to at least this, less the few characters a typable hash may take. */
const SHORTEST_CHUNK = 16;

/**
 * What certutil -hashfile prints for a chunk file: echo wrote the data and a CRLF. Four bytes
 * tell a paste the console damaged from an intact one (findstr looks for them anywhere in
 * the 20-byte line, so a damaged chunk passes about one time in 86 million); what runs is
 * checked on the whole payload's SHA-256 anyway.
 */
function chunkCheck(data: string) {
  return hashWindow(
    createHash('sha1')
      .update(data + '\r\n')
      .digest('hex'),
    4,
  );
}

function renderBlock(
  k: number,
  n: number,
  dir: string,
  data: string,
  install: string,
  options: { parent?: WorkParent; checkTools?: boolean; checkChunk: boolean },
): string {
  const { parent, checkTools, checkChunk } = options;
  const commands = blockCommands({
    first: k === 1,
    dir,
    ...(parent ? { parent } : {}),
    ...(checkTools === false ? { checkTools } : {}),
    ...(checkChunk ? {} : { checkChunk }),
    chunk: chunkName(k),
    data,
    check: chunkCheck(data),
    label: `block ${k} of ${n}`,
  });
  return printPaste(commands) + install;
}

function crlfLength(text: string): number {
  return text.replace(/\r?\n/g, '\r\n').length;
}

/**
 * The build stage: takes the (signed) files of the module `identity` names and returns the paste
 * blocks plus the manifest summary; no blocks when the build has no module.
 */
export function transferStage(
  artifacts: readonly Artifact[],
  identity: Pick<ModuleIdentity, 'name' | 'version'>,
): Transfer | { artifacts: []; skipped: string } | undefined {
  const prefix = `${moduleFiles(identity).dir}/`;
  const files = artifacts
    .filter((a) => a.kind === 'ps-module' && a.path.startsWith(prefix))
    .map((a) => ({
      path: a.path.slice(prefix.length),
      content: Buffer.isBuffer(a.content) ? a.content : Buffer.from(a.content, 'utf8'),
    }));
  if (files.length === 0) return undefined;
  try {
    return buildTransfer(files, identity.version, identity.name);
  } catch (error) {
    if (error instanceof TransferTooLarge) return { artifacts: [], skipped: error.message };
    throw error;
  }
}
