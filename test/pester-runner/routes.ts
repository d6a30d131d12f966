import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ask, summarize } from './process.ts';
import { CACHE, REPO } from './paths.ts';

/** How to start PowerShell 7 (pwsh) on this machine. */
export interface PowerShell {
  route: string;
  version: string;
  /** The pwsh program itself, for tests that start another pwsh (absent inside Docker). */
  executable?: string;
  /** Program and arguments that run pwsh with `args`. */
  argv(args: string[]): [string, string[]];
}

export interface Attempt {
  route: string;
  asked: string;
  answer: string;
}

export type Found<T> =
  { ok: true; value: T; attempts: Attempt[] } | { ok: false; attempts: Attempt[] };

const TOOL_PATH = join(CACHE, 'dotnet-tools');
/**
 * The PowerShell global tool we install. Named: without a version NuGet may offer a build that
 * wants a newer .NET than the machine's SDK.
 */
export const PWSH_VERSION = '7.6.9';
const IMAGE = process.env.RDPRESCUE_PWSH_IMAGE ?? 'mcr.microsoft.com/powershell:latest';
const VERSION_QUERY = [
  '-NoProfile',
  '-NonInteractive',
  '-Command',
  '$PSVersionTable.PSVersion.ToString()',
];

function direct(route: string, program: string): PowerShell {
  return { route, version: '', executable: program, argv: (args) => [program, args] };
}

function docker(): PowerShell {
  return {
    route: `docker image ${IMAGE}`,
    version: '',
    argv: (args) => [
      'docker',
      ['run', '--rm', '-v', `${REPO}:${REPO}`, '-w', REPO, IMAGE, 'pwsh', ...args],
    ],
  };
}

/** Asks the candidate for its version; a pwsh that cannot answer is not a route. */
function probe(candidate: PowerShell, attempts: Attempt[]): PowerShell | null {
  const [program, args] = candidate.argv(VERSION_QUERY);
  const answer = ask(program, args, { timeout: 300_000 });
  attempts.push({
    route: candidate.route,
    asked: `${program} ${args.join(' ')}`,
    answer: summarize(answer),
  });
  return answer.code === 0 ? { ...candidate, version: answer.stdout.trim() } : null;
}

/**
 * The routes to pwsh, cheapest first: RDPRESCUE_PWSH or pwsh on PATH; a pwsh installed earlier
 * into .cache/; a Docker engine with the official image; the PowerShell .NET tool from NuGet.
 */
export function findPowerShell(): Found<PowerShell> {
  const attempts: Attempt[] = [];
  const local = probe(direct('local pwsh', process.env.RDPRESCUE_PWSH ?? 'pwsh'), attempts);
  if (local) return { ok: true, value: local, attempts };

  const cachedTool = join(TOOL_PATH, 'pwsh');
  if (existsSync(cachedTool)) {
    const cached = probe(direct('dotnet tool in .cache/dotnet-tools', cachedTool), attempts);
    if (cached) return { ok: true, value: cached, attempts };
  }

  const engine = ask('docker', ['info', '--format', '{{.ServerVersion}}']);
  attempts.push({ route: 'docker', asked: 'docker info', answer: summarize(engine) });
  if (engine.code === 0) {
    const inDocker = probe(docker(), attempts);
    if (inDocker) return { ok: true, value: inDocker, attempts };
  }

  mkdirSync(TOOL_PATH, { recursive: true });
  const install = ask(
    'dotnet',
    ['tool', 'install', 'PowerShell', '--version', PWSH_VERSION, '--tool-path', TOOL_PATH],
    { timeout: 600_000 },
  );
  attempts.push({
    route: 'dotnet tool (NuGet)',
    asked: `dotnet tool install PowerShell --version ${PWSH_VERSION} --tool-path .cache/dotnet-tools`,
    answer: summarize(install),
  });
  if (install.code === 0) {
    const tool = probe(direct('dotnet tool in .cache/dotnet-tools', cachedTool), attempts);
    if (tool) return { ok: true, value: tool, attempts };
  }
  return { ok: false, attempts };
}
