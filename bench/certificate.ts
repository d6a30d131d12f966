import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A throwaway CA and code-signing certificate (PEM), for timing signed builds. */
export function makeSigningCertificate(dir: string): { cert: string; key: string; ca: string } {
  mkdirSync(dir, { recursive: true });
  const p = (f: string) => join(dir, f);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    p('ca.key'),
    '-out',
    p('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=RdpRescue Bench CA',
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    p('sign.key'),
    '-out',
    p('sign.csr'),
    '-subj',
    '/CN=RdpRescue Bench Signing',
  );
  writeFileSync(p('ext.cnf'), 'keyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n');
  openssl(
    'x509',
    '-req',
    '-in',
    p('sign.csr'),
    '-CA',
    p('ca.pem'),
    '-CAkey',
    p('ca.key'),
    '-CAcreateserial',
    '-out',
    p('sign.pem'),
    '-days',
    '2',
    '-extfile',
    p('ext.cnf'),
  );
  return { cert: p('sign.pem'), key: p('sign.key'), ca: p('ca.pem') };
}
