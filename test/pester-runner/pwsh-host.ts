import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { ask, summarize } from './process.ts';
import { CACHE, REPO } from './paths.ts';

/**
 * tools/pwsh-host: PowerShell's real engine (System.Management.Automation from NuGet) in a tiny
 * .NET program, for machines where no pwsh can be installed. Built once into .cache/pwsh-host
 * and rebuilt only when its sources change.
 */
const SOURCE = join(REPO, 'tools', 'pwsh-host');
const OUTPUT = join(CACHE, 'pwsh-host', 'bin', 'PwshHost', 'release');
const EXECUTABLE = join(OUTPUT, 'pwsh-host.dll');
const STAMP = join(OUTPUT, 'source.sha256');

export type HostAvailability = { ok: true; dll: string } | { ok: false; reason: string };

export function ensureHost(): HostAvailability {
  const stamp = sourceHash();
  const built = () =>
    existsSync(EXECUTABLE) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp;
  if (built()) return { ok: true, dll: EXECUTABLE };
  // Several vitest workers may get here at once on a fresh clone: one builds, the others wait.
  return withLock(() => {
    if (built()) return { ok: true, dll: EXECUTABLE };
    const dotnet = ask('dotnet', ['--version']);
    if (dotnet.code !== 0)
      return { ok: false, reason: `no .NET SDK (dotnet --version: ${summarize(dotnet)})` };
    const build = ask('dotnet', ['build', SOURCE, '-c', 'Release', '-nologo', '-v', 'quiet'], {
      cwd: REPO,
    });
    if (build.code !== 0)
      return {
        ok: false,
        reason: `dotnet build tools/pwsh-host failed (restore needs System.Management.Automation 7.6.9 from NuGet): ${summarize(build)}\n${build.stdout.slice(-2000)}`,
      };
    writeFileSync(STAMP, stamp);
    return { ok: true, dll: EXECUTABLE };
  });
}

const LOCK = join(CACHE, 'pwsh-host.lock');
const STALE_LOCK_MS = 15 * 60_000;

/** A folder as a lock across processes (mkdir is atomic); a lock older than 15 min is stale. */
function withLock<T>(work: () => T): T {
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(SOURCE).sort())
    hash.update(name).update(readFileSync(join(SOURCE, name)));
  return hash.digest('hex');
}

export interface ParsedFile {
  path: string;
  tokens: number;
  errors: { line: number; column: number; id: string; message: string }[];
  after51: { line: number; column: number; construct: string; text: string }[];
}

export interface EngineError {
  id: string;
  message: string;
  missingCommand?: string | null;
  line?: number | null;
  script?: string | null;
}

export interface ModuleReport {
  imported: boolean;
  terminatingError: EngineError | null;
  errors: EngineError[];
  name: string | null;
  version: string | null;
  commands: {
    name: string;
    type: string;
    verb: string | null;
    approvedVerb: boolean;
    supportsShouldProcess: boolean;
    confirmImpact: string | null;
    parameters: string[];
    help:
      | { found: false; errors: EngineError[] }
      | {
          found: true;
          synopsis: string;
          description: string;
          examples: { code: string; remarks: string }[];
          parameters: { name: string; description: string }[];
        };
  }[];
}

export interface ScriptRun {
  output: (string | null)[];
  errors: EngineError[];
  terminatingError: EngineError | null;
}

function call<T>(dll: string, args: string[]): T {
  const answer = ask('dotnet', [dll, ...args]);
  if (answer.code !== 0) throw new Error(`pwsh-host ${args[0]} failed: ${summarize(answer)}`);
  return JSON.parse(answer.stdout) as T;
}

export const parseFiles = (dll: string, files: string[]) =>
  call<ParsedFile[]>(dll, ['parse', ...files]);
/** Parses files as Windows PowerShell 5.1 reads them where the ANSI code page is `codePage`. */
export const parseFilesAsWindows = (dll: string, codePage: number, files: string[]) =>
  call<ParsedFile[]>(dll, ['parse-windows', String(codePage), ...files]);
export const inspectModule = (dll: string, manifest: string, culture = '', prelude?: string) =>
  call<ModuleReport>(dll, ['module', manifest, culture, ...(prelude ? [prelude] : [])]);
export const runScript = (dll: string, script: string, culture?: string) =>
  call<ScriptRun>(dll, ['run', script, ...(culture ? [culture] : [])]);

export interface FunctionInfo {
  name: string;
  approvedVerb: boolean;
  line: number;
  nested: boolean;
  cmdletBinding: boolean;
  supportsShouldProcess: string | null;
  confirmImpact: string | null;
  parameters: string[];
  help: {
    synopsis: string | null;
    description: string | null;
    examples: string[];
    parameters: Record<string, string>;
  } | null;
}

export type DescribedFile =
  | { path: string; parsed: false }
  | { path: string; parsed: true; functions: FunctionInfo[] }
  | { path: string; parsed: true; data: Record<string, unknown> | null };

export const describeFiles = (dll: string, files: string[]) =>
  call<DescribedFile[]>(dll, ['functions', ...files]);
