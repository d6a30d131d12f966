import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildShims as buildTransferShims } from '../transfer/wine.ts';

/**
 * A Wine prefix with RdpRescue's test shims: real cmd.exe and reg.exe, recorded output for
 * the tools Wine lacks or stubs. One prefix per test file (registry state is per prefix).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WINE = '/usr/lib/wine/wine64';
const WINESERVER = '/usr/lib/wine/wineserver';
export const SHIMMED = [
  'wevtutil',
  'icacls',
  'netstat',
  'tasklist',
  'net',
  'netsh',
  'powershell',
  'bcdedit',
  'takeown',
  'secedit',
  'auditpol',
  'reg',
] as const;
/** reg.exe is shimmed only where hives are loaded: the pass-through costs a process. */
const ONLINE_SHIMS = SHIMMED.filter((t) => t !== 'reg');
/** sc.exe only where a test asks (its config writes the registry; see shim.c). */
export type ShimTool = (typeof SHIMMED)[number] | 'sc';

export function wineAvailable(): boolean {
  return existsSync(WINE) && spawnSync('x86_64-w64-mingw32-gcc', ['--version']).status === 0;
}

function shimExe(): string {
  const out = join(ROOT, '.cache', 'cmd-shims', 'shim.exe');
  const src = join(ROOT, 'test', 'shims', 'shim.c');
  const stale = !existsSync(out) || statSync(out).mtimeMs < statSync(src).mtimeMs;
  if (stale || readFileSync(out).length === 0) {
    mkdirSync(join(ROOT, '.cache', 'cmd-shims'), { recursive: true });
    // Test files start in parallel: build aside, then move into place in one step.
    const building = `${out}.${process.pid}.exe`;
    execFileSync('x86_64-w64-mingw32-gcc', ['-O1', '-o', building, src]);
    renameSync(building, out);
  }
  return out;
}

export interface Fixture {
  /** Exit code and output for arguments containing `match` ("*" = anything). */
  sections: { match: string; rc?: number; output?: string }[];
}

export class WinePrefix {
  readonly prefix: string;
  /** Linux folder of C:\rr (shims, fixtures, scripts). */
  readonly work: string;
  /**
   * Sections every fixture of a tool starts with, also after resetShims: answers most tests
   * take for granted (a test that varies one sets it here, or clears it).
   */
  standing: Partial<Record<ShimTool, Fixture['sections']>> = {};
  /** How long one Wine process may run (a long script on a loaded machine needs more). */
  timeoutMs = 120_000;

  constructor(name: string) {
    this.prefix = join(ROOT, '.cache', `wine-${name}`);
    this.work = join(this.prefix, 'drive_c', 'rr');
  }

  /** Creates the prefix (first time ~15 s) and installs the shims. */
  init(options: { shimReg?: boolean; shimSc?: boolean } = {}): this {
    mkdirSync(this.prefix, { recursive: true });
    this.wine(['cmd', '/c', 'ver']);
    // A new prefix keeps updating its registry for a while (wineboot): wait for it.
    spawnSync(WINESERVER, ['-w'], {
      env: { ...process.env, WINEPREFIX: this.prefix },
      timeout: 120_000,
    });
    rmSync(this.work, { recursive: true, force: true });
    mkdirSync(join(this.work, 'shims'), { recursive: true });
    mkdirSync(join(this.work, 'fx'), { recursive: true });
    const exe = shimExe();
    const tools: ShimTool[] = [...(options.shimReg ? SHIMMED : ONLINE_SHIMS)];
    if (options.shimSc) tools.push('sc');
    for (const tool of tools) copyFileSync(exe, join(this.work, 'shims', `${tool}.exe`));
    // The diagnosis blocks are a transfer: they need certutil, expand and findstr, which Wine
    // stubs or lacks; the transfer tests' shims do what Windows' do (no fix script uses them).
    const transferShims = buildTransferShims();
    for (const tool of ['certutil', 'expand', 'findstr'])
      copyFileSync(join(transferShims, `${tool}.exe`), join(this.work, 'shims', `${tool}.exe`));
    return this;
  }

  /** Wine's cmd reads a pipe badly (only the first line): stdin comes from a file. */
  private wine(args: string[], input?: string, env: Record<string, string> = {}) {
    const stdin = join(this.prefix, 'stdin.txt');
    writeFileSync(stdin, input ?? '', 'latin1');
    const fd = openSync(stdin, 'r');
    const result = spawnSync(WINE, args, {
      stdio: [fd, 'pipe', 'pipe'],
      encoding: 'latin1',
      env: {
        ...process.env,
        WINEDEBUG: '-all',
        WINEPREFIX: this.prefix,
        RR_SHIM_DIR: 'C:\\rr\\fx',
        ...env,
      },
      timeout: this.timeoutMs,
    });
    closeSync(fd);
    if (result.error) throw result.error;
    return result;
  }

  /**
   * Puts reg.exe's shim in front of the real one for a while (it passes through whatever its
   * fixture does not answer), e.g. to make reg export fail on a key that exists.
   */
  shimReg(on: boolean): void {
    const shim = join(this.work, 'shims', 'reg.exe');
    if (on) copyFileSync(shimExe(), shim);
    else rmSync(shim, { force: true });
  }

  /** Clears shim fixtures and logs. */
  resetShims(): void {
    rmSync(join(this.work, 'fx'), { recursive: true, force: true });
    mkdirSync(join(this.work, 'fx'), { recursive: true });
    for (const tool of Object.keys(this.standing) as ShimTool[]) this.fixture(tool, []);
  }

  fixture(tool: ShimTool, sections: Fixture['sections']): void {
    const text = [...(this.standing[tool] ?? []), ...sections]
      .map(
        (s) =>
          `@@ ${s.rc ?? 0} ${s.match}\r\n${s.output ? s.output.replace(/\r?\n/g, '\r\n') + (s.output.endsWith('\n') ? '' : '\r\n') : ''}`,
      )
      .join('');
    writeFileSync(join(this.work, 'fx', `${tool}.txt`), text, 'latin1');
  }

  log(tool: ShimTool): string[] {
    const file = join(this.work, 'fx', `${tool}.log`);
    return existsSync(file)
      ? readFileSync(file, 'latin1')
          .split('\r\n')
          .map((l) => l.trimEnd())
          .filter(Boolean)
      : [];
  }

  /** Writes a file under C:\rr and returns its Windows path. */
  put(name: string, content: string | Buffer): string {
    writeFileSync(join(this.work, name), content);
    return `C:\\rr\\${name}`;
  }

  /**
   * Feeds lines to an interactive cmd (as a paste would be), shims first on PATH. Returns
   * stdout without the prompt noise.
   */
  interactive(text: string): string {
    const input = `@echo off\r\nset PATH=C:\\rr\\shims;%PATH%\r\ncd /d C:\\rr\r\n${text.replace(/\r?\n/g, '\r\n')}\r\nexit\r\n`;
    return this.wine(['cmd', '/q'], input).stdout;
  }

  /**
   * Runs a .cmd file (batch dialect) as `cmd /c` with the shims first on PATH (WINEPATH).
   * Not through `call`: Wine's call loses the exit code of `exit /b`.
   */
  batch(file: string, args: string[] = []): { stdout: string; stderr: string; code: number } {
    const result = this.wine(['cmd', '/c', file, ...args], '', { WINEPATH: 'C:\\rr\\shims' });
    return { stdout: result.stdout, stderr: result.stderr, code: result.status ?? -1 };
  }

  /** reg.exe in the prefix, without shims. */
  reg(...lines: string[]): string {
    return this.wine(['cmd', '/q'], `@echo off\r\n${lines.join('\r\n')}\r\nexit\r\n`).stdout;
  }

  /** A key exported as text (for exact before/after comparison), or "" when absent. */
  exportKey(key: string): string {
    const file = join(this.work, 'export.reg');
    rmSync(file, { force: true });
    this.reg(`reg export "${key}" C:\\rr\\export.reg /y >nul 2>&1`);
    return existsSync(file) ? readFileSync(file).toString('utf16le') : '';
  }

  /** Maps a drive letter to a Linux folder (for offline tests). */
  mapDrive(letter: string, folder: string): void {
    const link = join(this.prefix, 'dosdevices', `${letter.toLowerCase()}:`);
    rmSync(link, { force: true });
    mkdirSync(folder, { recursive: true });
    execFileSync('ln', ['-s', folder, link]);
  }
}

/** Report lines of a diagnosis run. */
export function reportLines(stdout: string): string[] {
  // A prompt may precede the first line (the paste turns echo on again at its end).
  return stdout
    .split(/\r?\n/)
    .map((l) => /RDPRESCUE .*/.exec(l)?.[0].trim())
    .filter((l): l is string => l !== undefined);
}
