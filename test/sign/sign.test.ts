import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, isSignable } from '../../src/build/build.ts';
import { EMITTERS } from '../../src/emit/index.ts';
import { main } from '../../src/cli.ts';
import { resolveSignOptions, type SignCliOptions } from '../../src/sign/options.ts';
import { sha256 } from '../../src/build/manifest.ts';
import type { Manifest } from '../../src/build/manifest.ts';
import { fixtureEmitter, filesUnder, treeHash } from './fixture.ts';
import { makePki, verifySignature, type TestPki } from './pki.ts';
import { startTsa } from './tsa.ts';

/** The real build (whatever it emits today) plus the fixture's .ps1xml. */
const emitters = [...EMITTERS, fixtureEmitter];
/** Only the fixture module: quick, for the tests about keys, passwords and time stamps. */
const fixtureOnly = [fixtureEmitter];
let root: string;
let pki: TestPki;
let privateTmp: string;
const originalTmp = process.env.TMPDIR;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rdp-rescue-sign-test-'));
  pki = makePki(join(root, mkdtempSync(join(root, 'pki-')).slice(root.length + 1)));
  // The signer's temp folders land here, so the test can prove none is left behind.
  privateTmp = mkdtempSync(join(root, 'tmp-'));
  process.env.TMPDIR = privateTmp;
});

afterAll(() => {
  if (originalTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = originalTmp;
  rmSync(root, { recursive: true, force: true });
});

function sign(cli: Omit<SignCliOptions, 'sign'>, env: NodeJS.ProcessEnv = {}) {
  const options = resolveSignOptions({ sign: true, ...cli }, env);
  if (!options) throw new Error('expected signing options');
  return options;
}

function readManifest(out: string): Manifest {
  return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
}

function signableFiles(out: string): string[] {
  return [...filesUnder(out).keys()].filter(isSignable).sort();
}

/** Runs the CLI in-process and captures what it prints. */
async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  const printed: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  };
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  try {
    const code = await main(args);
    return { code, output: printed.join('') };
  } finally {
    err.mockRestore();
    out.mockRestore();
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

describe('signed build', () => {
  let unsignedOut: string;
  let signedOut: string;

  beforeAll(async () => {
    unsignedOut = join(root, 'unsigned');
    signedOut = join(root, 'signed-pem');
    await build({ out: unsignedOut, emitters });
    await build({
      out: signedOut,
      emitters,
      sign: sign({ cert: pki.chainCert, key: pki.leafKey }),
    });
  });

  it('signs every .ps1/.psm1/.psd1/.ps1xml, and each verifies against the test CA', () => {
    const files = signableFiles(signedOut);
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(files.some((f) => f.endsWith('.ps1xml'))).toBe(true);
    for (const file of files) {
      const result = verifySignature(join(signedOut, file), pki.caCert);
      expect(result.ok, `${file}\n${result.output}`).toBe(true);
      const text = readFileSync(join(signedOut, file), 'utf8');
      // PowerShell's own block: '# SIG # ...' lines, or XML comments in a .ps1xml.
      expect(text).toMatch(/\r\n(# |<!-- )SIG # Begin signature block( -->)?\r\n/);
      expect(text).toMatch(/SIG # End signature block( -->)?\r\n$/);
    }
  });

  it('does not trust a signature from a CA it was not told about', () => {
    const stranger = makePki(mkdtempSync(join(root, 'stranger-')));
    const [file] = signableFiles(signedOut);
    expect(verifySignature(join(signedOut, file!), stranger.caCert).ok).toBe(false);
  });

  it('records the signed bytes in the manifest, and changes nothing else', () => {
    // The Serial Console transfer carries the module itself, so it must differ: it is checked below.
    const manifest = readManifest(signedOut);
    expect(manifest.signed).toBe(true);
    const unsigned = filesUnder(unsignedOut);
    // The Serial Console transfer carries the module itself, so it must change with it (its
    // own tests show the signatures survive the trip); everything else must not change.
    expect(manifest.transfer!.totalChars).toBeGreaterThan(
      readManifest(unsignedOut).transfer!.totalChars,
    );
    for (const entry of manifest.artifacts) {
      if (entry.kind === 'transfer') continue;
      const bytes = readFileSync(join(signedOut, entry.path));
      expect(entry.sha256, entry.path).toBe(sha256(bytes));
      expect(entry.bytes).toBe(bytes.length);
      expect(entry.signed, entry.path).toBe(isSignable(entry.path));
      const before = unsigned.get(entry.path)!;
      if (isSignable(entry.path)) {
        // The signed file is the unsigned one plus a signature block.
        expect(bytes.subarray(0, before.length).equals(before), entry.path).toBe(true);
        expect(bytes.length).toBeGreaterThan(before.length);
      } else if (entry.kind !== 'transfer') expect(bytes.equals(before), entry.path).toBe(true);
    }
  });

  it('says unsigned in the manifest when no certificate is given', () => {
    const manifest = readManifest(unsignedOut);
    expect(manifest.signed).toBe(false);
    expect(manifest.artifacts.every((a) => a.signed === false)).toBe(true);
    const [file] = signableFiles(unsignedOut);
    expect(readFileSync(join(unsignedOut, file!), 'utf8')).not.toContain('# SIG #');
  });

  describe('tampering is caught', () => {
    let copy: string;
    let original: Buffer;
    beforeAll(() => {
      const psm1 =
        signableFiles(signedOut).find((f) => f.endsWith('.psm1')) ?? signableFiles(signedOut)[0]!;
      original = readFileSync(join(signedOut, psm1));
      copy = join(mkdtempSync(join(root, 'tamper-')), 'copy.psm1');
    });

    it('an untouched copy verifies (so the failures below mean something)', () => {
      writeFileSync(copy, original);
      expect(verifySignature(copy, pki.caCert).ok).toBe(true);
    });

    it('one changed byte of code fails verification', () => {
      const text = original.toString('latin1');
      const at = text.search(/[a-z]/); // a letter of code, before the signature block
      expect(at).toBeGreaterThan(0);
      const tampered = Buffer.from(original);
      tampered[at] = tampered[at]! ^ 0x20; // flips the letter's case
      writeFileSync(copy, tampered);
      expect(verifySignature(copy, pki.caCert).ok).toBe(false);
    });

    it('CRLF converted to LF fails verification', () => {
      writeFileSync(
        copy,
        Buffer.from(original.toString('latin1').replace(/\r\n/g, '\n'), 'latin1'),
      );
      expect(verifySignature(copy, pki.caCert).ok).toBe(false);
    });
  });

  it('signs with a PFX whose password comes from the environment or a file', async () => {
    const fromEnv = join(root, 'signed-pfx-env');
    await build({
      out: fromEnv,
      emitters: fixtureOnly,
      sign: sign({ pfx: pki.pfx }, { RDPRESCUE_PFX_PASSWORD: pki.password }),
    });
    const passwordFile = join(root, 'pfx-password.txt');
    writeFileSync(passwordFile, pki.password + '\r\n', { mode: 0o600 });
    const fromFile = join(root, 'signed-pfx-file');
    await build({
      out: fromFile,
      emitters: fixtureOnly,
      sign: sign({ pfx: pki.pfx, pfxPasswordFile: passwordFile }),
    });
    for (const out of [fromEnv, fromFile])
      for (const file of signableFiles(out))
        expect(verifySignature(join(out, file), pki.caCert).ok, file).toBe(true);
  });

  it('signs with an encrypted PEM key', async () => {
    const out = join(root, 'signed-encrypted-key');
    const options = sign(
      { cert: pki.chainCert, key: pki.encryptedKey },
      { RDPRESCUE_PFX_PASSWORD: pki.password },
    );
    await build({ out, emitters: fixtureOnly, sign: options });
    for (const file of signableFiles(out))
      expect(verifySignature(join(out, file), pki.caCert).ok, file).toBe(true);
  });

  it('gives byte-identical signed files for a fixed SOURCE_DATE_EPOCH', async () => {
    const epoch = { SOURCE_DATE_EPOCH: String(Math.floor(Date.now() / 1000) - 60) };
    const a = join(root, 'epoch-a');
    const b = join(root, 'epoch-b');
    await build({
      out: a,
      emitters: fixtureOnly,
      sign: sign({ cert: pki.chainCert, key: pki.leafKey }, epoch),
    });
    await build({
      out: b,
      emitters: fixtureOnly,
      sign: sign({ cert: pki.chainCert, key: pki.leafKey }, epoch),
    });
    expect(treeHash(a)).toBe(treeHash(b));
  });

  it('hands the password to osslsigncode on stdin only, never in its argv or environment', async () => {
    const shimDir = mkdtempSync(join(root, 'shim-'));
    const log = join(shimDir, 'calls.log');
    const shim = join(shimDir, 'osslsigncode');
    writeFileSync(
      shim,
      `#!/bin/sh\n{ printf 'ARGV %s\\n' "$*"; env | sed 's/^/ENV /'; } >> '${log}'\nexec /usr/bin/osslsigncode "$@"\n`,
      { mode: 0o755 },
    );
    const savedPath = process.env.PATH;
    process.env.PATH = `${shimDir}:${savedPath}`;
    process.env.RDPRESCUE_PFX_PASSWORD = pki.password;
    const out = join(root, 'signed-through-shim');
    try {
      await build({
        out,
        emitters: fixtureOnly,
        sign: sign({ pfx: pki.pfx }, { RDPRESCUE_PFX_PASSWORD: pki.password }),
      });
    } finally {
      process.env.PATH = savedPath;
      delete process.env.RDPRESCUE_PFX_PASSWORD;
    }
    // Outside the shim: this check's own osslsigncode runs are not the build's.
    for (const file of signableFiles(out))
      expect(verifySignature(join(out, file), pki.caCert).ok, file).toBe(true);
    const calls = readFileSync(log, 'utf8');
    expect(calls).toMatch(/ARGV sign .*-readpass -/);
    expect(calls).not.toContain(pki.password);
    expect(calls).not.toContain('RDPRESCUE_PFX_PASSWORD');
  });

  it('leaves no temp files and writes no secret anywhere', () => {
    expect(readdirSync(privateTmp)).toEqual([]);
    for (const out of ['signed-pfx-env', 'signed-pfx-file', 'signed-encrypted-key'])
      for (const [name, bytes] of filesUnder(join(root, out)))
        expect(bytes.includes(Buffer.from(pki.password, 'utf8')), name).toBe(false);
  });
});

describe('files that would not verify on Windows are refused before signing', () => {
  it.each([
    [
      'LF line endings',
      Buffer.from("\uFEFFWrite-Output 'x'\n", 'utf8'),
      /x\.ps1: cannot sign: has LF line endings/,
    ],
    [
      'no BOM',
      Buffer.from("Write-Output 'å'\r\n", 'utf8'),
      /x\.ps1: cannot sign: not UTF-8 with BOM/,
    ],
  ])('%s', async (_name, content, message) => {
    const out = join(root, `refused-${_name.replace(/\W+/g, '-')}`);
    const bad = {
      name: 'bad',
      emit: () => [{ path: 'x.ps1', kind: 'ps-runcommand' as const, content }],
    };
    await expect(
      build({ out, emitters: [bad], sign: sign({ cert: pki.chainCert, key: pki.leafKey }) }),
    ).rejects.toThrow(message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a printable-ASCII script without a BOM', () => {
  it('is signed and verifies (it reads the same in every code page)', async () => {
    const out = join(root, 'signed-ascii');
    const ascii = {
      name: 'ascii',
      emit: () => [
        {
          path: 'a.ps1',
          kind: 'ps-repair-vm' as const,
          content: Buffer.from("Write-Output 'x'\r\n", 'ascii'),
        },
      ],
    };
    await build({ out, emitters: [ascii], sign: sign({ cert: pki.chainCert, key: pki.leafKey }) });
    const signed = readFileSync(join(out, 'a.ps1'));
    expect(signed.subarray(0, 16).toString('latin1')).toBe("Write-Output 'x'");
    expect(signed.toString('latin1')).toMatch(/^# SIG # Begin signature block\r$/m);
    expect(signed.toString('latin1')).not.toMatch(/[^\x20-\x7e\r\n]/);
    expect(verifySignature(join(out, 'a.ps1'), pki.caCert).ok).toBe(true);
  });
});

describe('time-stamped signatures (local RFC 3161 server)', () => {
  it('carries a time stamp that verifies against the TSA chain', async () => {
    const tsa = await startTsa(pki);
    try {
      const out = join(root, 'signed-timestamped');
      await build({
        out,
        emitters: fixtureOnly,
        sign: sign({ cert: pki.chainCert, key: pki.leafKey, timestampUrl: tsa.url }),
      });
      const files = signableFiles(out);
      expect(tsa.requests).toBeGreaterThanOrEqual(files.length);
      for (const file of files) {
        const result = verifySignature(join(out, file), pki.caCert);
        expect(result.ok, result.output).toBe(true);
        expect(result.output).toContain('Timestamp Server Signature verification: ok');
      }
    } finally {
      await tsa.close();
    }
  });

  it('fails the build when the time-stamping service does not answer', async () => {
    const tsa = await startTsa(pki);
    await tsa.close();
    const out = join(root, 'timestamp-down');
    await expect(
      build({
        out,
        emitters: fixtureOnly,
        sign: sign({ cert: pki.chainCert, key: pki.leafKey, timestampUrl: tsa.url }),
      }),
    ).rejects.toThrow(
      new RegExp(`time-stamping at ${tsa.url.replace(/[./]/g, '\\$&')} failed: HTTP failure`),
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('bad signing input: exit 2, a clear message, no output', () => {
  let existing: string;
  let existingHash: string;
  let passwordFile: string;
  beforeAll(async () => {
    existing = join(root, 'existing-dist');
    await build({ out: existing, emitters: fixtureOnly });
    existingHash = treeHash(existing);
    passwordFile = join(root, 'wrong-password.txt');
    writeFileSync(passwordFile, 'not-the-password', { mode: 0o600 });
  });

  const cases: [string, () => string[], RegExp, Record<string, string | undefined>?][] = [
    [
      'wrong PFX password (file)',
      () => ['--pfx', pki.pfx, '--pfx-password-file', passwordFile],
      /--pfx .*wrong password \(from --pfx-password-file/,
    ],
    [
      'wrong PFX password (environment)',
      () => ['--pfx', pki.pfx],
      /--pfx .*wrong password \(from RDPRESCUE_PFX_PASSWORD\)/,
      { RDPRESCUE_PFX_PASSWORD: 'nope' },
    ],
    [
      'PFX without a password',
      () => ['--pfx', pki.pfx],
      /--pfx .*no password: set RDPRESCUE_PFX_PASSWORD/,
      { RDPRESCUE_PFX_PASSWORD: undefined },
    ],
    [
      'missing PFX file',
      () => ['--pfx', join(root, 'missing.pfx')],
      /--pfx .*missing\.pfx: cannot read it \(no such file\)/,
      { RDPRESCUE_PFX_PASSWORD: 'x' },
    ],
    [
      'missing certificate file',
      () => ['--cert', join(root, 'missing.pem'), '--key', pki.leafKey],
      /--cert .*missing\.pem: cannot read it/,
    ],
    ['--sign without a key', () => [], /--sign needs a certificate/],
    ['--cert without --key', () => ['--cert', pki.leafCert], /--cert needs --key/],
    [
      'a key of another certificate',
      () => ['--cert', pki.leafCert, '--key', pki.tsaKey],
      /--key .* does not belong to --cert/,
    ],
    [
      'an encrypted key without its password',
      () => ['--cert', pki.leafCert, '--key', pki.encryptedKey],
      /--key .*encrypted: set RDPRESCUE_PFX_PASSWORD/,
      { RDPRESCUE_PFX_PASSWORD: undefined },
    ],
    [
      'a certificate without Code Signing',
      () => ['--cert', pki.serverCert, '--key', pki.serverKey],
      /--cert .*not a code-signing certificate/,
    ],
    [
      'a leaf whose CA is unknown',
      () => ['--cert', pki.leafCert, '--key', pki.leafKey],
      /does not chain to a trusted root: .*--ca-file/,
    ],
    [
      'a bad time-stamp URL',
      () => ['--cert', pki.chainCert, '--key', pki.leafKey, '--timestamp-url', 'ftp://x'],
      /--timestamp-url ftp:\/\/x: must be http or https/,
    ],
  ];

  for (const [name, args, message, env] of cases)
    it(name, async () => {
      const fresh = join(root, `fresh-${name.replace(/\W+/g, '-')}`);
      for (const out of [existing, fresh]) {
        const result = await cli(['build', '--out', out, '--sign', ...args()], env ?? {});
        expect(result.code, result.output).toBe(2);
        expect(result.output).toMatch(message);
        expect(result.output).not.toContain(pki.password);
        expect(result.output).not.toContain('not-the-password');
      }
      expect(treeHash(existing)).toBe(existingHash);
      expect(existsSync(fresh)).toBe(false);
      expect(readdirSync(root).filter((n) => n.includes('.staging-'))).toEqual([]);
    });

  it('signing options without --sign are refused', async () => {
    const result = await cli(['build', '--out', join(root, 'no-sign'), '--pfx', pki.pfx]);
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/--pfx need --sign/);
  });

  it('the leaf-only certificate works once its CA is given with --ca-file', async () => {
    const out = join(root, 'ca-file');
    const result = await cli([
      'build',
      '--out',
      out,
      '--sign',
      '--cert',
      pki.leafCert,
      '--key',
      pki.leafKey,
      '--ca-file',
      pki.caCert,
    ]);
    expect(result.code, result.output).toBe(0);
    for (const entry of readManifest(out).artifacts.filter((a) => isSignable(a.path))) {
      expect(entry.signed).toBe(true);
      expect(verifySignature(join(out, entry.path), pki.caCert).ok, entry.path).toBe(true);
    }
  });
});
