import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TestPki } from './pki.ts';

/** A local RFC 3161 time-stamping service: `openssl ts -reply` behind a tiny HTTP handler. */
export interface LocalTsa {
  url: string;
  requests: number;
  close(): Promise<void>;
}

const CONFIG = `
[tsa]
default_tsa = tsa_config
[tsa_config]
serial = ./tsaserial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha1, sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

export async function startTsa(pki: TestPki): Promise<LocalTsa> {
  const dir = mkdtempSync(join(pki.dir, 'tsa-'));
  writeFileSync(join(dir, 'ts.cnf'), CONFIG);
  writeFileSync(join(dir, 'tsaserial'), '01\n');
  let counter = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const n = ++counter;
      tsa.requests = n;
      const query = join(dir, `${n}.tsq`);
      const reply = join(dir, `${n}.tsr`);
      writeFileSync(query, Buffer.concat(chunks));
      const args = [
        'ts',
        '-reply',
        '-config',
        'ts.cnf',
        '-queryfile',
        query,
        '-inkey',
        pki.tsaKey,
        '-signer',
        pki.tsaCert,
        '-out',
        reply,
      ];
      execFile('openssl', args, { cwd: dir }, (error) => {
        if (error) {
          response.writeHead(500).end();
          return;
        }
        response.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        response.end(readFileSync(reply));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const tsa: LocalTsa = {
    url: `http://127.0.0.1:${port}/`,
    requests: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return tsa;
}
