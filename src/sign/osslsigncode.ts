import { spawn } from 'node:child_process';
import { PASSWORD_ENV } from './options.ts';

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs an external tool without a shell. `stdin` carries secrets (a password) so they never
 * appear in argv, the environment or a file; without it the tool's stdin is closed.
 */
export function runTool(
  command: string,
  args: readonly string[],
  stdin?: string,
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: withoutSecrets() });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`${command} is not installed (Debian: apt-get install ${command})`)
          : error,
      ),
    );
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    child.stdin.on('error', () => undefined); // the tool may exit before reading its stdin
    child.stdin.end(stdin ?? '');
  });
}

/** The tools need no password from the environment: they get it on stdin, if at all. */
function withoutSecrets(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env[PASSWORD_ENV];
  return env;
}

export function osslsigncode(args: readonly string[], stdin?: string): Promise<ToolRun> {
  return runTool('osslsigncode', args, stdin);
}

const NOISE =
  /^([0-9A-F]{12,}:error:|Script file format:|Signature position:|Connecting to |Succeeded$|Failed$)/;

/** The lines of a tool's output worth showing in an error message. */
export function gist(run: ToolRun, max = 6): string {
  return (run.stderr + '\n' + run.stdout)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !NOISE.test(line))
    .slice(0, max)
    .join('; ');
}
