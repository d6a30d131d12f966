import { createHash } from 'node:crypto';
import {
  block,
  echo,
  errToNul,
  errorlevel,
  exec,
  exist,
  not,
  pipe,
  q,
  ref,
  run,
  seq,
  toNul,
  when,
  Name,
  id,
  type Command,
} from '../emit/cmd/syntax/index.ts';
import { chunkNames, cabWithCleanHash, layOutBlocks, PASTE_LIMIT } from './index.ts';
import { printPaste } from './commands.ts';
import { hashWindow, spacedBase64, type HashWindow } from './shape.ts';

/**
 * Paste blocks that carry a batch file (the diagnosis) to a VM through the Serial Console and
 * run it there: the module transfer's blocks (a chunk each, checked at once), whose last block
 * checks the whole cabinet's SHA-256, expands the batch file and `call`s it, then removes the
 * folder. The folder is made under %ProgramFiles%, which only administrators can write: the
 * batch file runs as the administrator who pastes, so nothing a standard user could have put
 * or replaced there may be run (%SystemRoot%\Temp lets users create files and folders).
 */
export interface BatchTransfer {
  /** The blocks' texts, in paste order. */
  blocks: string[];
  payloadBytes: number;
  payloadSha256: string;
  /** SHA-256 of the batch file itself (what `certutil -hashfile <file> SHA256` prints). */
  batchSha256: string;
}

/** The batch file's name in the cabinet and in the working folder. */
const BATCH_NAME = 'd.cmd';

export function batchTransfer(batch: Buffer, prefix = 'rdpd'): BatchTransfer {
  if (batch.length === 0) throw new Error('transfer: the batch file is empty');
  // Pasted by hand: the smallest deflate this code finds, not zlib's fastest good one.
  const { cab, payloadSha256 } = cabWithCleanHash([{ name: BATCH_NAME, content: batch }], {
    smallest: true,
  });
  const dir = prefix + hashWindow(payloadSha256, 2).compact;
  // A damaged paste, not an attacker, is what the check is for (only administrators write the
  // folder): 8 bytes of the SHA-256 tell any damage apart.
  const check = hashWindow(payloadSha256, 8);
  const blocks = layOutBlocks({
    stream: spacedBase64(cab),
    dir,
    parent: 'program-files',
    // expand, certutil and findstr are in System32 of every Windows Server: the room goes to data.
    checkTools: false,
    // Four blocks: the last one checks the whole cabinet and, when that fails, says to paste
    // the blocks again; a check per chunk would not leave the catalog room in four.
    checkChunks: false,
    finish: (count) => printPaste(runCommands({ dir, check, count })),
  });
  return {
    blocks,
    payloadBytes: cab.length,
    payloadSha256,
    batchSha256: createHash('sha256').update(batch).digest('hex'),
  };
}

/** The characters of the blocks as pasted (CRLF line ends). */
export function pastedChars(blocks: readonly string[]): number {
  return blocks.reduce((sum, b) => sum + b.replace(/\r?\n/g, '\r\n').length, 0);
}

export { PASTE_LIMIT };

/**
 * The last block's run: joins the chunks, checks the cabinet's SHA-256 before anything is
 * expanded, expands the batch file with expand (in System32 of every Windows Server),
 * calls it, and removes the folder with everything in it. A d.cmd left from an interrupted
 * run is not deleted first: the folder is named after the payload's hash and only
 * administrators write there, so it holds the same checked bytes.
 */
function runCommands(plan: { dir: string; check: HashWindow; count: number }): Command[] {
  return [
    run(['copy', '/y', '/b', chunkNames(plan.count).join('+'), 'p.b64'], [toNul]),
    run(['certutil', '-f', '-decode', 'p.b64', 'p.cab'], [toNul]),
    seq(
      pipe(
        exec('certutil', '-hashfile', 'p.cab', 'SHA256'),
        run(
          ['findstr', '/i', [id('/c:'), q(plan.check.compact)], [id('/c:'), q(plan.check.spaced)]],
          [toNul],
        ),
      ),
      when(
        errorlevel(1),
        echo(`RdpRescue: payload incomplete or DAMAGED - paste all ${plan.count} blocks again`),
        block(
          run(['expand', 'p.cab', '-F:*', '.'], [toNul, errToNul]),
          exec('call', BATCH_NAME),
          // The batch file's setlocal restores this folder when it ends: its parent is Program Files.
          exec('cd', '..'),
          exec('rd', '/s', '/q', plan.dir),
        ),
      ),
    ),
  ];
}
