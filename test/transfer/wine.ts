import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { CACHE, REPO } from './fixture.ts';

export const WINE = '/usr/lib/wine/wine64';
const WINESERVER = '/usr/lib/wine/wineserver';
const SHIM_SOURCES = join(REPO, 'test', 'transfer', 'shims');
const SHIMS = join(CACHE, 'shims');
const PREFIX = join(REPO, '.cache', 'wine-transfer');
const LIBS: Record<string, string[]> = {
  certutil: ['-lcrypt32', '-ladvapi32'],
  expand: ['-lsetupapi'],
  findstr: [],
};

export function wineReady(): boolean {
  return existsSync(WINE) && spawnSync('x86_64-w64-mingw32-gcc', ['--version']).status === 0;
}

/** Builds certutil.exe, expand.exe and findstr.exe from test/transfer/shims with mingw-w64. */
export function buildShims(): string {
  mkdirSync(SHIMS, { recursive: true });
  for (const [name, libs] of Object.entries(LIBS)) {
    const source = join(SHIM_SOURCES, `${name}.c`);
    const exe = join(SHIMS, `${name}.exe`);
    if (existsSync(exe) && statSync(exe).mtimeMs > statSync(source).mtimeMs) continue;
    // Built aside, then renamed: test files in other workers may be running the old shim, and
    // a half-written .exe would make a block's check fail for a reason that is not the block.
    const building = `${exe}.${process.pid}.tmp`;
    execFileSync('x86_64-w64-mingw32-gcc', ['-O2', '-Wall', '-o', building, source, ...libs]);
    renameSync(building, exe);
  }
  return SHIMS;
}

let prefixReady = false;

/**
 * Creates the Wine prefix once and waits until wineboot has finished updating it (as
 * test/cmd/wine.ts does): a new prefix keeps registering DLLs, the crypto provider the
 * certutil shim needs among them, while the first commands already run.
 */
function preparePrefix(): void {
  if (prefixReady) return;
  mkdirSync(PREFIX, { recursive: true });
  if (!existsSync(join(PREFIX, 'system.reg'))) {
    const env = { ...process.env, WINEPREFIX: PREFIX, WINEDEBUG: '-all' };
    spawnSync(WINE, ['cmd', '/c', 'ver'], { env, stdio: 'ignore', timeout: 300_000 });
    spawnSync(WINESERVER, ['-w'], { env, stdio: 'ignore', timeout: 300_000 });
  }
  prefixReady = true;
}

export function windowsPath(unixPath: string): string {
  return 'Z:' + unixPath.replace(/\//g, '\\');
}

/**
 * A pretend VM: Wine's cmd reading pasted text from standard input, which makes it behave as
 * an interactive console (for-variables with one %, %UNDEFINED% left as typed). The shims
 * come first on PATH and ProgramFiles points at a scratch folder.
 */
export class Console {
  readonly programFiles: string;
  private readonly root: string;

  constructor(private readonly shims: string) {
    preparePrefix();
    this.root = mkdtempSync(join(CACHE, 'vm-'));
    this.programFiles = join(this.root, 'Program Files');
    mkdirSync(join(this.programFiles, 'WindowsPowerShell', 'Modules'), { recursive: true });
    mkdirSync(this.temp(), { recursive: true });
  }

  /** %SystemRoot%\Temp, where the blocks keep their chunks: one per console, so tests can run at once. */
  temp(): string {
    return join(this.root, 'Windows', 'Temp');
  }

  moduleDir(version: string): string {
    return join(this.programFiles, 'WindowsPowerShell', 'Modules', 'RdpRescue', version);
  }

  /** Runs one cmd session that reads the pastes as typed input; resolves with what it printed. */
  async paste(pastes: readonly string[], env: Record<string, string> = {}): Promise<string> {
    const setup =
      `set PATH=${windowsPath(this.shims)};%PATH%\r\n` +
      `set ProgramFiles=${windowsPath(this.programFiles)}\r\n` +
      `set SystemRoot=${windowsPath(join(this.root, 'Windows'))}\r\n`;
    // Wine's cmd runs only the first line of a pipe; a file as standard input works.
    const input = join(this.root, 'pasted.txt');
    writeFileSync(input, setup + pastes.join(''), 'latin1');
    const fd = openSync(input, 'r');
    try {
      const child = spawn(WINE, ['cmd'], {
        stdio: [fd, 'pipe', 'pipe'],
        env: { ...process.env, WINEPREFIX: PREFIX, WINEDEBUG: '-all', ...env },
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout!.on('data', (b: Buffer) => out.push(b));
      child.stderr!.on('data', (b: Buffer) => err.push(b));
      const code = await new Promise<number | null>((done) => child.on('close', done));
      if (code !== 0)
        throw new Error(`wine cmd failed (${code}): ${Buffer.concat(err).toString()}`);
      return Buffer.concat(out).toString('latin1');
    } finally {
      closeSync(fd);
    }
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** The status lines the blocks printed, in order (prompts and "More?" cut off). */
export function reports(output: string): string[] {
  return output
    .split(/\r?\n/)
    .map(
      (line) =>
        /(block \d+ of \d+ (?:OK|DAMAGED - paste it again)|RdpRescue[: ].*)$/.exec(line)?.[1],
    )
    .filter((line): line is string => line !== undefined)
    .map((line) => line.trim());
}

/**
 * For every block a console reported DAMAGED: is its chunk file on disk exactly the block's
 * data? If so the check misfired (the tools or the console, not the paste); if not, cmd wrote
 * other bytes than the block carries. Used as the failure message of the Wine tests.
 */
export function explainDamaged(
  c: Console,
  blocks: readonly string[],
  reported: readonly string[],
): string {
  const lines = reported.flatMap((line) => {
    const m = /^block (\d+) of \d+ DAMAGED/.exec(line);
    const block = m ? blocks[Number(m[1]) - 1] : undefined;
    if (!m || !block) return [];
    const dir = /&md (\S+) 2>nul/.exec(block)![1]!.replace(/\^/g, '');
    const chunk = /\r\n>(\S+) echo ([^\r]*)\r\n/.exec(block)!;
    const file = join(c.temp(), dir, chunk[1]!.replace(/\^/g, ''));
    const expected = Buffer.from(chunk[2]! + '\r\n', 'latin1');
    const actual = existsSync(file) ? readFileSync(file) : undefined;
    const verdict =
      actual === undefined
        ? 'no chunk file was written'
        : actual.equals(expected)
          ? 'the chunk on disk is intact: the check itself misfired'
          : `the chunk on disk differs (${actual.length} bytes, the block carries ${expected.length})`;
    return [`block ${m[1]}: ${verdict}`];
  });
  return lines.join('; ') || 'no block was reported DAMAGED';
}
