import {
  Name,
  Namer,
  block,
  echo,
  errToNul,
  errorlevel,
  exec,
  exist,
  id,
  not,
  pipe,
  printScript,
  q,
  redirect,
  ref,
  run,
  seq,
  set,
  text,
  toNul,
  when,
  writeTo,
  type Command,
} from '../emit/cmd/syntax/index.ts';
import type { HashWindow } from './shape.ts';

/**
 * The transfer's paste blocks as CMD syntax trees, printed by the CMD target's one printer:
 * its escaping, its letter-case hardening of case-insensitive words and, for the few
 * characters that must stay as they are (digits, file names the blocks create, shown text),
 * a caret between two identical ones, which cmd removes (`c11` is typed `c1^1`). So no
 * character of a block repeats the one before it and none of this is written by hand.
 *
 * What the blocks do is unchanged: the same commands in the same order as the templates had.
 */

const SYSTEM_ROOT = Name.env('SystemRoot');
const PROGRAM_FILES = Name.env('ProgramFiles');
const CD = Name.env('CD');
/** Where the module goes, and where the cabinet was expanded (names fixed: a person may read them). */
const MODULE_DIR = Name.fixed('RDPXM');
const EXPANDED = Name.fixed('RDPXT');

/** Prints pasted commands (the interactive dialect), hardened and caret-split. */
export function printPaste(commands: readonly Command[]): string {
  return printScript(commands, 'paste', new Namer(), { caretSplit: true, spacedParens: true });
}

/** `certutil -hashfile <file> [SHA256]|findstr /i /c:"<compact>" /c:"<spaced>" >nul` */
function hashCheck(file: string, check: HashWindow, algorithm?: string): Command {
  return pipe(
    exec('certutil', '-hashfile', file, ...(algorithm ? [algorithm] : [])),
    run(['findstr', '/i', [id('/c:'), q(check.compact)], [id('/c:'), q(check.spaced)]], [toNul]),
  );
}

/**
 * Where a transfer's working folder is made: %SystemRoot%\Temp (the module transfer, which
 * copies into Program Files what it checked), or %ProgramFiles%, which only administrators can
 * write, for a payload that is run from its folder.
 */
export type WorkParent = 'system-temp' | 'program-files';

function parentFolder(parent: WorkParent) {
  return parent === 'program-files' ? [q(ref(PROGRAM_FILES))] : [q(ref(SYSTEM_ROOT), '\\Temp')];
}

/** The working folder every block works in, under `parent`. */
function enterFolder(dir: string, parent: WorkParent = 'system-temp'): Command {
  return seq(exec('cd', '/d', parentFolder(parent)), run(['md', dir], [errToNul]), exec('cd', dir));
}

export interface BlockText {
  first: boolean;
  dir: string;
  parent?: WorkParent;
  chunk: string;
  /** The chunk's base64, spaced so that no character repeats. */
  data: string;
  check: HashWindow;
  label: string;
  /** Block 1 says when certutil, expand or findstr is absent (default). */
  checkTools?: boolean;
  /** Checks the chunk's hash at once (default); false where the finish checks the payload. */
  checkChunk?: boolean;
}

/** One block: writes its chunk and checks the chunk's SHA-1 at once. */
export function blockCommands(block: BlockText): Command[] {
  return [
    enterFolder(block.dir, block.parent),
    ...(block.first && block.checkTools !== false
      ? [
          seq(
            run(['where', 'certutil', 'expand', 'findstr'], [toNul, errToNul]),
            when(
              errorlevel(1),
              echo(
                'RdpRescue: these blocks use certutil, expand and findstr from System32 - one of them is absent',
              ),
            ),
          ),
        ]
      : []),
    redirect(echo(text(block.data)), writeTo(block.chunk)),
    ...(block.checkChunk === false
      ? []
      : [
          seq(
            hashCheck(block.chunk, block.check),
            when(
              errorlevel(1),
              echo(`${block.label} DAMAGED - paste it again`),
              echo(`${block.label} OK`),
            ),
          ),
        ]),
  ];
}

export interface InstallText {
  /** The module's name: its folder under Modules\ and what Import-Module loads. */
  name: string;
  version: string;
  dir: string;
  /** The chunk files in order, joined by copy. */
  chunks: string[];
  check: HashWindow;
  /** The number of the last block (pasted again when the payload is incomplete). */
  last: number;
  /** Folders of the module, `en-US`. */
  dirs: string[];
  /** Cabinet entry (1, 2, ...) and the module file it becomes, `en-US\x.psd1`. */
  files: { entry: string; target: string }[];
}

/**
 * The last block's install: joins the chunks, checks the whole cabinet's SHA-256 before it
 * writes anything, expands it (expand, or extrac32 where expand extracted nothing) and copies
 * each file into the module folder.
 */
export function installCommands(install: InstallText): Command[] {
  const extracted = (entry: string) => [q(ref(EXPANDED), `\\${entry}`)];
  return [
    set(MODULE_DIR, [
      ref(PROGRAM_FILES),
      text(`\\WindowsPowerShell\\Modules\\${install.name}\\${install.version}`),
    ]),
    set(EXPANDED, [ref(CD), text('\\x')]),
    run(['copy', '/y', '/b', install.chunks.join('+'), 'p.b64'], [toNul]),
    run(['certutil', '-f', '-decode', 'p.b64', 'p.cab'], [toNul]),
    seq(
      hashCheck('p.cab', install.check, 'SHA256'),
      when(
        errorlevel(1),
        echo(
          `RdpRescue: the payload is incomplete or DAMAGED - paste each block not yet reported OK, then paste block ${install.last} again`,
        ),
        block(
          run(['rd', '/s', '/q', 'x'], [errToNul]),
          exec('md', 'x'),
          run(['expand', 'p.cab', '-F:*', 'x'], [toNul, errToNul]),
          when(
            not(exist('x\\1')),
            exec('start', '/wait', 'extrac32', '/y', '/e', '/l', 'x', 'p.cab'),
          ),
          run(['md', [q(ref(MODULE_DIR))]], [errToNul]),
          exec('cd', '/d', [q(ref(MODULE_DIR))]),
          ...install.dirs.map((d) => run(['md', text(d)], [errToNul])),
          ...install.files.map((f) =>
            run(['copy', '/y', '/b', extracted(f.entry), text(f.target)], [toNul]),
          ),
          echo(`${install.name} ${install.version} is now in `, ref(MODULE_DIR)),
          echo(`Next: powershell -NoProfile, then Import-Module ${install.name}`),
          exec('cd', '/d', [q(ref(SYSTEM_ROOT), `\\Temp\\${install.dir}`)]),
        ),
      ),
    ),
  ];
}
