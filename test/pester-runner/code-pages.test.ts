import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { buildFresh, type FreshBuild } from './build-module.ts';
import { ensureHost, parseFilesAsWindows, type HostAvailability } from './pwsh-host.ts';

// Windows PowerShell 5.1 reads a script without a byte order mark in the system's ANSI code
// page, not in UTF-8. So every generated PowerShell file is either pure ASCII (a BOM before it
// may be lost without harm), or carries a BOM and reaches the VM only through channels that
// keep it. Each file is parsed here by
// PowerShell's real parser exactly as 5.1 would read it on a Western and a Traditional Chinese
// Windows, after the channel that carries it.

const ANSI_CODE_PAGES = [
  { page: 1252, where: 'cp1252 (en-US, sv-SE, nl-NL Windows)' },
  { page: 950, where: 'cp950 (zh-TW Windows)' },
];
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const PARSED = /\.(ps1|psm1|psd1)$/i;

interface Channel {
  name: string;
  keepsBom: boolean;
}

/** How each kind of generated PowerShell file reaches a VM. A new kind must be placed here. */
const CHANNELS: Record<string, Channel[]> = {
  // The module's files travel as files: the nupkg, a copy, the Serial Console transfer (a cab).
  'ps-module': [{ name: 'module files (nupkg, copy, Serial Console transfer)', keepsBom: true }],
  // az vm run-command invoke --scripts @file strips the BOM; a script pasted into the portal
  // has none.
  'ps-runcommand': [{ name: 'Azure Run Command (CLI --scripts @file, portal)', keepsBom: false }],
  // az vm repair run appends the custom script to its driver and runs it through Run Command.
  'ps-repair-vm': [{ name: 'az vm repair run --custom-script-file', keepsBom: false }],
};

let host: HostAvailability;
let build: FreshBuild;

beforeAll(() => {
  host = ensureHost();
  if (host.ok) build = buildFresh('code-pages');
});

afterAll(() => build?.remove());

function requireHost(ctx: TestContext): string {
  if (host.ok) return host.dll;
  const message = `REAL POWERSHELL PARSER NOT AVAILABLE: ${host.reason}`;
  if (process.env.RDPRESCUE_REQUIRE_PWSH_HOST === '1') throw new Error(message);
  ctx.skip(message);
  return '';
}

function powershellArtifacts() {
  return build.manifest.artifacts.filter((a) => a.kind.startsWith('ps-'));
}

function channelsOf(artifact: { path: string; kind: string }): Channel[] {
  const channels = CHANNELS[artifact.kind];
  if (!channels)
    throw new Error(`${artifact.path}: no delivery channel known for ${artifact.kind}`);
  return channels;
}

const startsWithBom = (bytes: Buffer) => bytes.subarray(0, 3).equals(BOM);
/** ASCII after the BOM, if any: reads the same in every ANSI code page, with or without it. */
const isAscii = (bytes: Buffer) =>
  (startsWithBom(bytes) ? bytes.subarray(3) : bytes).every((b) => b < 0x80);

/** The bytes a VM receives through a channel. */
function delivered(bytes: Buffer, channel: Channel): Buffer {
  return !channel.keepsBom && startsWithBom(bytes) ? bytes.subarray(3) : bytes;
}

/** Parse errors of each copy, as Windows PowerShell 5.1 reads it in each ANSI code page. */
function parseAsWindows(dll: string, copies: { label: string; bytes: Buffer }[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'rr-codepage-'));
  try {
    const files = copies.map((copy, i) => {
      const file = join(dir, `${i}-${basename(copy.label.split(' ')[0]!)}`);
      writeFileSync(file, copy.bytes);
      return { ...copy, file };
    });
    return ANSI_CODE_PAGES.flatMap(({ page, where }) =>
      parseFilesAsWindows(
        dll,
        page,
        files.map((f) => f.file),
      ).flatMap((parsed, i) => {
        const errors = parsed.errors;
        if (errors.length === 0) return [];
        const first = errors[0]!;
        return [
          `${files[i]!.label} read as ${where}: ${errors.length} parse error(s), first at ${first.line}:${first.column} ${first.id}: ${first.message}`,
        ];
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('generated PowerShell under Windows ANSI code pages', () => {
  it('the emulation fails a BOM-less UTF-8 script that 5.1 cannot read, and passes its BOM copy', (ctx) => {
    const dll = requireHost(ctx);
    // U+3002 is E3 80 82 in UTF-8; in cp1252, 0x82 is U+201A, which PowerShell takes for a quote.
    const script = Buffer.from("$m = '\u4fee\u6b63\u3002'\r\n'{0}' -f $m\r\n", 'utf8');
    const problems = parseAsWindows(dll, [
      { label: 'no-bom.ps1', bytes: script },
      { label: 'bom.ps1', bytes: Buffer.concat([BOM, script]) },
    ]);
    expect(problems.some((p) => p.startsWith('no-bom.ps1 read as cp1252'))).toBe(true);
    expect(problems.filter((p) => p.startsWith('bom.ps1'))).toEqual([]);
  });

  it('every generated PowerShell file is pure ASCII, or has a BOM that every channel keeps', (ctx) => {
    requireHost(ctx);
    const artifacts = powershellArtifacts();
    expect(artifacts.length).toBeGreaterThan(0);
    const broken = artifacts.flatMap((a) => {
      const bytes = readFileSync(join(build.dir, a.path));
      if (isAscii(bytes)) return [];
      if (!startsWithBom(bytes)) return [`${a.path}: not ASCII and no BOM`];
      return channelsOf(a)
        .filter((c) => !c.keepsBom)
        .map((c) => `${a.path}: not ASCII, and ${c.name} drops its BOM`);
    });
    expect(broken).toEqual([]);
  });

  it('every .ps1/.psm1/.psd1 parses as delivered, read as cp1252 and as cp950', (ctx) => {
    const dll = requireHost(ctx);
    const copies = powershellArtifacts()
      .filter((a) => PARSED.test(a.path))
      .flatMap((a) => {
        const bytes = readFileSync(join(build.dir, a.path));
        return channelsOf(a).map((c) => ({
          label: `${a.path} (via ${c.name})`,
          bytes: delivered(bytes, c),
        }));
      });
    expect(copies.map((c) => c.label).join('\n')).toMatch(/runcommand\/Invoke-RdpRescue\.ps1/);
    expect(parseAsWindows(dll, copies)).toEqual([]);
  });
});
