import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleFile } from '../../src/transfer/index.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const CACHE = join(REPO, '.cache', 'transfer');

/** Every file under dir, paths relative to dir with forward slashes, sorted. */
export function readTree(dir: string): ModuleFile[] {
  const out: ModuleFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else
        out.push({ path: relative(dir, full).split('\\').join('/'), content: readFileSync(full) });
    }
  };
  walk(dir);
  return out;
}

/**
 * The real module of a fresh build when the module emitter has landed (dist RdpRescue/**),
 * otherwise a synthetic module of realistic size, signed by osslsigncode with a throwaway
 * self-signed certificate, so the Authenticode blocks are real.
 */
export function moduleUnderTest(): { files: ModuleFile[]; source: 'build' | 'synthetic' } {
  const out = join(CACHE, 'build');
  execFileSync(process.execPath, [join(REPO, 'bin/rdp-rescue.js'), 'build', '--out', out], {
    stdio: 'ignore',
  });
  const built = join(out, 'RdpRescue');
  if (existsSync(built)) return { files: signModule(readTree(built), 'build'), source: 'build' };
  return { files: syntheticModule(), source: 'synthetic' };
}

const VERBS = ['Get', 'Test', 'Repair', 'Set', 'Reset', 'Enable', 'Disable', 'Restore', 'Backup'];
const NOUNS = ['RdpListener', 'RdpCertificate', 'MachineKeysAcl', 'TlsProtocol', 'RdpPort'];

const WORDS = (
  'the listener certificate thumbprint registry value policy override port owner service ' +
  'schannel protocol server client enabled disabled default machine keys access control ' +
  'backup restore verify detect explain repair session broker event channel provider field ' +
  'network level authentication security layer encryption minimum group refresh suspend'
).split(' ');

/** A small deterministic generator, so the synthetic module is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    state = (state ^ (state >>> 13)) >>> 0;
    return state / 0x100000000;
  };
}

function fakeFunction(i: number, next: () => number): string {
  const pick = () => WORDS[Math.floor(next() * WORDS.length)]!;
  const words = (n: number) => Array.from({ length: n }, pick).join(' ');
  const title = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const verb = VERBS[i % VERBS.length]!;
  const noun = NOUNS[Math.floor(next() * NOUNS.length)]! + title(pick()) + title(pick());
  const variable = '$' + pick() + title(pick());
  const number = Math.floor(next() * 65536);
  return `function ${verb}-${noun} {
    <#
    .SYNOPSIS
    ${title(words(8))}.
    .DESCRIPTION
    ${title(words(14))}; ${words(10)}.
    .PARAMETER Path
    ${title(words(6))}.
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter()]
        [string] $Path = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\${title(pick())}\\${title(pick())}'
    )
    ${variable} = Get-ItemProperty -LiteralPath $Path -Name '${title(pick())}${title(pick())}' -ErrorAction SilentlyContinue
    if ($null -eq ${variable}) {
        return [pscustomobject]@{ Id = '${noun.toLowerCase()}'; Status = 'Unknown'; Detail = ${number} }
    }
    if ($PSCmdlet.ShouldProcess($Path, '${title(words(4))}')) {
        Write-Verbose ('${title(words(3))}: {0}' -f ${variable}.${title(pick())})
    }
    [pscustomobject]@{ Id = '${noun.toLowerCase()}'; Status = 'Pass'; Detail = ${variable}.${title(pick())} + ${number % 97} }
}
`;
}

function crlfBom(text: string): Buffer {
  return Buffer.from('\uFEFF' + text.replace(/\r?\n/g, '\r\n'), 'utf8');
}

export function syntheticModule(): ModuleFile[] {
  const next = random(7);
  const psm1 = Array.from({ length: 180 }, (_, i) => fakeFunction(i, next)).join('\n');
  const plain: Record<string, Buffer> = {
    'RdpRescue.psm1': crlfBom(psm1),
    'RdpRescue.psd1': crlfBom(
      `@{\n    RootModule = 'RdpRescue.psm1'\n    ModuleVersion = '0.1.0'\n    GUID = '6d1f0b52-3c1e-4f7a-9a43-1f0c5c2b7e10'\n    FunctionsToExport = @(${Array.from({ length: 40 }, (_, i) => `'${VERBS[i % 9]}-${NOUNS[(i * 7) % 5]}${i}'`).join(', ')})\n}\n`,
    ),
    'RdpRescue.Format.ps1xml': crlfBom(
      `<?xml version="1.0" encoding="utf-8"?>\n<Configuration><ViewDefinitions>${'<View><Name>RdpRescue.Check</Name></View>'.repeat(20)}</ViewDefinitions></Configuration>\n`,
    ),
    'sv-SE/RdpRescue.Strings.psd1': crlfBom(
      `ConvertFrom-StringData @'\n${Array.from({ length: 80 }, (_, i) => `Msg${i} = Kontrollen ${i} misslyckades: fjärrskrivbordet svarar inte på port {0}.`).join('\n')}\n'@\n`,
    ),
    'en-US/about_RdpRescue.help.txt': Buffer.from(
      'TOPIC\r\n    about_RdpRescue\r\n\r\nSHORT DESCRIPTION\r\n    Diagnose and repair RDP.\r\n'.repeat(
        8,
      ),
      'ascii',
    ),
  };
  return signModule(
    Object.entries(plain).map(([path, content]) => ({ path, content })),
    'synthetic',
  );
}

/** Signs every signable file (as the build's signing stage would) with the test certificate. */
export function signModule(files: readonly ModuleFile[], label: string): ModuleFile[] {
  const { key, cert } = testCertificate();
  const work = join(CACHE, 'signing', label);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  return files.map((f, i) => {
    if (
      !/\.(ps1|psm1|psd1|ps1xml)$/i.test(f.path) ||
      f.content.includes('# SIG # Begin signature block')
    )
      return f;
    const source = join(work, `${i}.in${extname(f.path)}`);
    const signed = join(work, `${i}.out${extname(f.path)}`);
    writeFileSync(source, f.content);
    execFileSync(
      'osslsigncode',
      [
        'sign',
        '-certs',
        cert,
        '-key',
        key,
        '-h',
        'sha256',
        '-time',
        '1700000000',
        '-in',
        source,
        '-out',
        signed,
      ],
      { stdio: 'ignore' },
    );
    return { path: f.path, content: readFileSync(signed) };
  });
}

/**
 * A throwaway signing certificate, made once. Made aside and renamed into place: test files
 * in other workers sign at the same time, and two half-written key/certificate pairs would
 * not match.
 */
function testCertificate(): { key: string; cert: string } {
  const dir = join(CACHE, 'cert');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(cert)) {
    mkdirSync(CACHE, { recursive: true });
    const making = mkdtempSync(join(CACHE, 'cert-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:3072',
        '-nodes',
        '-keyout',
        join(making, 'key.pem'),
        '-out',
        join(making, 'cert.pem'),
        '-days',
        '3650',
        '-subj',
        '/CN=RdpRescue transfer test',
        '-addext',
        'extendedKeyUsage=codeSigning',
      ],
      { stdio: 'ignore' },
    );
    try {
      renameSync(making, dir);
    } catch {
      rmSync(making, { recursive: true, force: true }); // another worker's pair is in place
    }
  }
  return { key, cert };
}

/** osslsigncode's verdict on one signed file (the self-signed chain is passed as CA). */
export function signatureVerifies(file: string): boolean {
  try {
    execFileSync(
      'osslsigncode',
      ['verify', '-CAfile', join(CACHE, 'cert', 'cert.pem'), '-in', file],
      {
        stdio: 'ignore',
      },
    );
    return true;
  } catch {
    return false;
  }
}
