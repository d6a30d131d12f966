import { mkdtemp, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Artifact } from '../emit/artifact.ts';
import { SigningInputError } from './errors.ts';
import { gist, osslsigncode, type ToolRun } from './osslsigncode.ts';
import type { SignOptions, SigningKey } from './options.ts';
import { trustBundle } from './trust.ts';

/** Files PowerShell checks against its execution policy. */
export function isSignable(path: string): boolean {
  return /\.(ps1|psm1|psd1|ps1xml)$/i.test(path);
}

/**
 * Signs every signable artifact in the staged build folder with Authenticode, verifies every
 * signature, and returns the artifacts with the signed bytes (so the manifest hashes what
 * ships). Throws on the first failure; the caller discards the staging folder.
 */
export async function signStaged(
  stagingDir: string,
  artifacts: readonly Artifact[],
  options: SignOptions,
): Promise<Artifact[]> {
  const targets = artifacts.filter((a) => isSignable(a.path));
  for (const artifact of targets) assertSignableText(artifact);
  // A private folder (mkdtemp: mode 0700) for osslsigncode's output; it never holds a secret.
  const work = await mkdtemp(join(tmpdir(), 'rdp-rescue-sign-'));
  try {
    const bundle = await probeKey(work, options);
    const signed = new Map<string, Buffer>();
    for (const [index, artifact] of targets.entries()) {
      const file = stagedPath(stagingDir, artifact.path);
      // osslsigncode picks the format by extension and never overwrites its output.
      const out = join(work, `${index}${extname(artifact.path).toLowerCase()}`);
      await signFile(file, out, artifact.path, options);
      await copyFile(out, file);
      await verifyFile(file, artifact.path, bundle);
      signed.set(artifact.path, await readFile(file));
    }
    return artifacts.map((a) => {
      const content = signed.get(a.path);
      return content ? { ...a, content } : a;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Fails on a wrong password, key or chain (SigningInputError) before the build does any work. */
export async function checkSigningKey(options: SignOptions): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'rdp-rescue-sign-'));
  try {
    await probeKey(work, options);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Signs and verifies a throwaway script; returns the trust bundle for the real files. */
async function probeKey(work: string, options: SignOptions): Promise<string> {
  const probe = join(work, 'probe.ps1');
  const signed = join(work, 'probe.signed.ps1');
  await writeFile(probe, '\uFEFF# probe\r\n', 'utf8');
  await signFile(probe, signed, 'a test script', options);
  const bundle = await trustBundle(work, signed, options);
  await verifyFile(signed, 'a test script', bundle);
  return bundle;
}

function stagedPath(stagingDir: string, artifactPath: string): string {
  return join(stagingDir, ...artifactPath.split('/'));
}

/**
 * Windows PowerShell 5.1 verifies UTF-8 only with a BOM; a signature covers the CRLF bytes. A
 * file of printable ASCII alone reads the same in every encoding and needs none (the rescue-VM
 * script travels without one).
 */
function assertSignableText(artifact: Artifact): void {
  const bytes = Buffer.isBuffer(artifact.content)
    ? artifact.content
    : Buffer.from(artifact.content, 'utf8');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!bom && /[^\x20-\x7e\r\n]/.test(bytes.toString('latin1')))
    throw new Error(`${artifact.path}: cannot sign: not UTF-8 with BOM (use powershellText())`);
  if (/(^|[^\r])\n/.test(bytes.toString('latin1')))
    throw new Error(`${artifact.path}: cannot sign: has LF line endings (use powershellText())`);
}

async function signFile(input: string, output: string, name: string, options: SignOptions) {
  const { args, stdin } = keyArgs(options.key);
  if (options.timestampUrl) args.push('-ts', options.timestampUrl);
  if (options.time !== undefined) args.push('-time', String(options.time));
  args.push('-h', 'sha256', '-in', input, '-out', output);
  const run = await osslsigncode(['sign', ...args], stdin);
  if (run.code !== 0) throw signError(run, name, options);
}

function keyArgs(key: SigningKey): { args: string[]; stdin?: string } {
  // The password goes on stdin (-readpass -), never on the command line, which other users
  // can read in /proc. osslsigncode cannot read an empty password from stdin; an empty
  // password on the command line reveals nothing.
  const password = (value: string | undefined) =>
    value === undefined
      ? { args: [] }
      : value === ''
        ? { args: ['-pass', ''] }
        : { args: ['-readpass', '-'], stdin: value };
  if (key.kind === 'pfx') {
    const p = password(key.password);
    return { args: ['-pkcs12', key.pfx, ...p.args], ...(p.stdin ? { stdin: p.stdin } : {}) };
  }
  const p = password(key.password);
  return {
    args: ['-certs', key.cert, '-key', key.key, ...p.args],
    ...(p.stdin ? { stdin: p.stdin } : {}),
  };
}

function signError(run: ToolRun, name: string, options: SignOptions): Error {
  const output = run.stderr + run.stdout;
  const key = options.key;
  if (key.kind === 'pfx' && /Wrong password|mac verify failure/i.test(output))
    return new SigningInputError(
      `--pfx ${key.pfx}: wrong password (from ${key.passwordSource}), or not a PKCS#12 file`,
    );
  if (key.kind === 'pfx' && /Failed to (read|parse) PKCS#12/i.test(output))
    return new SigningInputError(`--pfx ${key.pfx}: not a readable PKCS#12 (.pfx) file`);
  if (options.timestampUrl && /RFC 3161 timestamping failed|HTTP failure/i.test(output))
    return new Error(
      `signing ${name}: time-stamping at ${options.timestampUrl} failed: ${gist(run)}`,
    );
  return new Error(`signing ${name} failed: ${gist(run)}`);
}

async function verifyFile(file: string, name: string, bundle: string) {
  // At the current time, as Windows checks a signature without a time stamp.
  const run = await osslsigncode(['verify', '-CAfile', bundle, '-TSA-CAfile', bundle, '-in', file]);
  if (run.code === 0 && /Signature verification: ok/.test(run.stdout)) return;
  if (/unable to get local issuer certificate/.test(run.stderr + run.stdout))
    throw new SigningInputError(
      `${name}: the signature does not chain to a trusted root: give the issuing CA's ` +
        'certificate with --ca-file <pem> (or include the chain in --pfx/--cert)',
    );
  throw new Error(`${name}: signature verification failed after signing: ${gist(run)}`);
}
