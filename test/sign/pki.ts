import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A throwaway PKI made with openssl for one test run: a CA, a code-signing leaf and a TSA. */
export interface TestPki {
  dir: string;
  caCert: string;
  /** The signer's certificate followed by the CA's (a full chain). */
  chainCert: string;
  leafCert: string;
  leafKey: string;
  /** The leaf key encrypted with `password`. */
  encryptedKey: string;
  pfx: string;
  password: string;
  tsaCert: string;
  tsaKey: string;
  /** A certificate without the Code Signing EKU (a TLS server certificate). */
  serverCert: string;
  serverKey: string;
}

const EXTENSIONS = `
[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[codesign]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,codeSigning
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[tsa]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[server]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
`;

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function makePki(dir: string, password = 'Test-Only pässwörd 1!'): TestPki {
  const p = (name: string) => join(dir, name);
  writeFileSync(p('openssl.cnf'), EXTENSIONS);
  const cnf = ['-config', 'openssl.cnf'];
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '3',
    '-subj',
    '/CN=RdpRescue Test CA',
    ...cnf,
    '-extensions',
    'ca',
  ]);
  const issue = (name: string, subject: string, extensions: string) => {
    openssl(dir, [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      subject,
      ...cnf,
    ]);
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-set_serial',
      String(Math.floor(Math.random() * 1e9)),
      '-days',
      '2',
      '-out',
      `${name}.pem`,
      '-extfile',
      'openssl.cnf',
      '-extensions',
      extensions,
    ]);
  };
  issue('signer', '/CN=RdpRescue Test Signer', 'codesign');
  issue('tsa', '/CN=RdpRescue Test TSA', 'tsa');
  issue('server', '/CN=rdp.example.test', 'server');
  const pem = (name: string) => execFileSync('cat', [p(name)], { encoding: 'utf8' });
  writeFileSync(p('chain.pem'), pem('signer.pem') + pem('ca.pem'));
  // Test-only secrets on argv are fine here: nothing else runs as this user.
  openssl(dir, [
    'pkcs12',
    '-export',
    '-inkey',
    'signer.key',
    '-in',
    'signer.pem',
    '-certfile',
    'ca.pem',
    '-out',
    'signer.pfx',
    '-passout',
    `pass:${password}`,
  ]);
  openssl(dir, [
    'pkey',
    '-in',
    'signer.key',
    '-aes256',
    '-out',
    'signer.enc.key',
    '-passout',
    `pass:${password}`,
  ]);
  return {
    dir,
    caCert: p('ca.pem'),
    chainCert: p('chain.pem'),
    leafCert: p('signer.pem'),
    leafKey: p('signer.key'),
    encryptedKey: p('signer.enc.key'),
    pfx: p('signer.pfx'),
    password,
    tsaCert: p('tsa.pem'),
    tsaKey: p('tsa.key'),
    serverCert: p('server.pem'),
    serverKey: p('server.key'),
  };
}

export interface Verification {
  ok: boolean;
  output: string;
}

/** `osslsigncode verify -CAfile <ca>`: the check the issue asks for, independent of the build's own. */
export function verifySignature(file: string, caCert: string, tsaCaCert = caCert): Verification {
  try {
    const output = execFileSync(
      'osslsigncode',
      ['verify', '-CAfile', caCert, '-TSA-CAfile', tsaCaCert, '-in', file],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { ok: /Signature verification: ok/.test(output), output };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}
