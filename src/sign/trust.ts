import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gist, osslsigncode, runTool } from './osslsigncode.ts';
import type { SignOptions } from './options.ts';

const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/**
 * The certificates the build's own verification trusts: the system store, --ca-file, and the
 * chain the signer shipped inside the signature. So verification proves every file's
 * signature is intact and well-formed up to the signer's root; whether a VM trusts that root
 * is decided on the VM (see README: TrustedPublisher + Root). Certificates are public: the
 * bundle holds no secret.
 */
export async function trustBundle(
  workDir: string,
  signedFile: string,
  options: SignOptions,
): Promise<string> {
  const parts: string[] = [];
  if (existsSync(SYSTEM_BUNDLE)) parts.push(await readFile(SYSTEM_BUNDLE, 'utf8'));
  if (options.caFile) parts.push(await readFile(options.caFile, 'utf8'));
  parts.push(await embeddedCertificates(workDir, signedFile));
  const bundle = join(workDir, 'trust-bundle.pem');
  await writeFile(bundle, parts.join('\n'));
  return bundle;
}

async function embeddedCertificates(workDir: string, signedFile: string): Promise<string> {
  const signature = join(workDir, 'signature.pem');
  const extract = await osslsigncode([
    'extract-signature',
    '-pem',
    '-in',
    signedFile,
    '-out',
    signature,
  ]);
  if (extract.code !== 0) throw new Error(`cannot read back the signature: ${gist(extract)}`);
  const print = await runTool('openssl', ['pkcs7', '-print_certs', '-in', signature]);
  if (print.code !== 0) throw new Error(`cannot list the signature's certificates: ${gist(print)}`);
  return print.stdout;
}
