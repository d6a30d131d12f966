import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SigningInputError } from './errors.ts';

export const PASSWORD_ENV = 'RDPRESCUE_PFX_PASSWORD';
const CODE_SIGNING_EKU = '1.3.6.1.5.5.7.3.3';

/** Where the signing key comes from. The password never leaves memory (it reaches osslsigncode on stdin). */
export type SigningKey =
  | { kind: 'pfx'; pfx: string; password: string; passwordSource: string }
  | { kind: 'pem'; cert: string; key: string; password?: string; passwordSource?: string };

export interface SignOptions {
  key: SigningKey;
  /** RFC 3161 time-stamping service. */
  timestampUrl?: string;
  /** Extra trusted certificates (PEM) for verifying the signatures after signing. */
  caFile?: string;
  /** Fixed signing time (Unix seconds), from SOURCE_DATE_EPOCH, for reproducible signatures. */
  time?: number;
}

/** The signing options exactly as the command line gives them. */
export interface SignCliOptions {
  sign?: boolean;
  pfx?: string;
  pfxPasswordFile?: string;
  cert?: string;
  key?: string;
  timestampUrl?: string;
  caFile?: string;
}

/**
 * Checks the signing options and reads the password. Returns undefined when the build is
 * unsigned. Throws SigningInputError naming the option or file at fault.
 */
export function resolveSignOptions(
  cli: SignCliOptions,
  env: NodeJS.ProcessEnv = process.env,
): SignOptions | undefined {
  const given = (['pfx', 'pfxPasswordFile', 'cert', 'key', 'timestampUrl', 'caFile'] as const)
    .filter((name) => cli[name] !== undefined)
    .map(optionName);
  if (!cli.sign) {
    if (given.length > 0) throw new SigningInputError(`${given.join(', ')} need --sign`);
    return undefined;
  }
  const options: SignOptions = { key: signingKey(cli, env) };
  if (cli.timestampUrl !== undefined) options.timestampUrl = timestampUrl(cli.timestampUrl);
  if (cli.caFile !== undefined) options.caFile = readableFile('--ca-file', cli.caFile).path;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new SigningInputError(`SOURCE_DATE_EPOCH: not a Unix time`);
    options.time = Number(epoch);
  }
  return options;
}

function optionName(name: keyof SignCliOptions): string {
  return '--' + name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

function signingKey(cli: SignCliOptions, env: NodeJS.ProcessEnv): SigningKey {
  if (cli.pfx !== undefined && (cli.cert !== undefined || cli.key !== undefined))
    throw new SigningInputError('give either --pfx or --cert with --key, not both');
  if (cli.pfx !== undefined) {
    const pfx = readableFile('--pfx', cli.pfx).path;
    const password = readPassword(cli, env);
    if (!password)
      throw new SigningInputError(
        `--pfx ${cli.pfx}: no password: set ${PASSWORD_ENV} or give --pfx-password-file <file>`,
      );
    return { kind: 'pfx', pfx, password: password.value, passwordSource: password.source };
  }
  if (cli.cert === undefined && cli.key === undefined)
    throw new SigningInputError(
      '--sign needs a certificate: --pfx <file> (password in ' +
        `${PASSWORD_ENV} or --pfx-password-file <file>), or --cert <pem> --key <pem>`,
    );
  if (cli.cert === undefined) throw new SigningInputError('--key needs --cert <pem>');
  if (cli.key === undefined) throw new SigningInputError('--cert needs --key <pem>');
  const cert = readableFile('--cert', cli.cert);
  const key = readableFile('--key', cli.key);
  const password = readPassword(cli, env);
  checkPemPair(cert, key, password);
  return password
    ? {
        kind: 'pem',
        cert: cert.path,
        key: key.path,
        password: password.value,
        passwordSource: password.source,
      }
    : { kind: 'pem', cert: cert.path, key: key.path };
}

interface GivenFile {
  option: string;
  given: string;
  path: string;
  bytes: Buffer;
}

function readableFile(option: string, given: string): GivenFile {
  const path = resolve(given);
  try {
    return { option, given, path, bytes: readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code;
    throw new SigningInputError(`${option} ${given}: cannot read it (${why})`);
  }
}

/** The password file wins over the environment: an explicit option beats an ambient variable. */
function readPassword(
  cli: SignCliOptions,
  env: NodeJS.ProcessEnv,
): { value: string; source: string } | undefined {
  if (cli.pfxPasswordFile !== undefined) {
    const file = readableFile('--pfx-password-file', cli.pfxPasswordFile);
    const value = file.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r?\n$/, '');
    return { value, source: `--pfx-password-file ${cli.pfxPasswordFile}` };
  }
  const value = env[PASSWORD_ENV];
  return value === undefined ? undefined : { value, source: PASSWORD_ENV };
}

/** Catches the usual PEM mistakes here, with a clear message, rather than deep in osslsigncode. */
function checkPemPair(
  cert: GivenFile,
  key: GivenFile,
  password?: { value: string; source: string },
) {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert.bytes);
  } catch {
    throw new SigningInputError(`--cert ${cert.given}: not a PEM or DER certificate`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({
      key: key.bytes,
      ...(password ? { passphrase: password.value } : {}),
    });
  } catch {
    const encrypted = /ENCRYPTED/.test(key.bytes.toString('latin1'));
    throw new SigningInputError(
      encrypted && !password
        ? `--key ${key.given}: the key is encrypted: set ${PASSWORD_ENV} or give --pfx-password-file <file>`
        : encrypted
          ? `--key ${key.given}: wrong password (from ${password!.source})`
          : `--key ${key.given}: not a PEM private key`,
    );
  }
  if (!certificate.checkPrivateKey(privateKey))
    throw new SigningInputError(`--key ${key.given} does not belong to --cert ${cert.given}`);
  const usages = certificate.keyUsage;
  if (usages && !usages.includes(CODE_SIGNING_EKU))
    throw new SigningInputError(
      `--cert ${cert.given}: not a code-signing certificate (no Code Signing extended key usage)`,
    );
  if (Date.parse(certificate.validTo) < Date.now())
    throw new SigningInputError(`--cert ${cert.given}: expired on ${certificate.validTo}`);
}

function timestampUrl(given: string): string {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new SigningInputError(`--timestamp-url ${given}: not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SigningInputError(`--timestamp-url ${given}: must be http or https`);
  return url.href;
}
