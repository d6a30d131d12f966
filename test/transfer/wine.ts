import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { CACHE, REPO } from './fixture.ts';

export const WINE = '/usr/lib/wine/wine64';
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
    execFileSync('x86_64-w64-mingw32-gcc', ['-O2', '-Wall', '-o', exe, source, ...libs]);
  }
  return SHIMS;
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
    mkdirSync(PREFIX, { recursive: true });
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
