import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, DEFAULT_CATALOG_DIR } from '../../src/model/load.ts';
import { cmdEmitter } from '../../src/emit/cmd/index.ts';
import type { Artifact } from '../../src/emit/artifact.ts';
import { WinePrefix, wineAvailable } from './wine.ts';

/**
 * Offline repair scripts run as batch files in Wine against a fake attached disk (drive F:).
 * The shim's reg load/unload imports and re-exports the "hive", which here is a .reg file
 * whose keys live under the mount point, so the test reads what the script wrote.
 */
let artifacts: Artifact[];
let w: WinePrefix;
let disk: string;
const run = describe.skipIf(!wineAvailable());

const HIVE = [
  'Windows Registry Editor Version 5.00',
  '',
  '[HKEY_LOCAL_MACHINE\\RDPRESCUE_SYSTEM\\Select]',
  '"Current"=dword:00000002',
  '',
  '[HKEY_LOCAL_MACHINE\\RDPRESCUE_SYSTEM\\ControlSet002\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server]',
  '"Enabled"=dword:00000000',
  '',
].join('\r\n');

function hive(): string {
  const bytes = readFileSync(join(disk, 'Windows', 'System32', 'config', 'SYSTEM'));
  return bytes[0] === 0xff ? bytes.toString('utf16le') : bytes.toString('latin1');
}

function freshDisk(): void {
  rmSync(disk, { recursive: true, force: true });
  mkdirSync(join(disk, 'Windows', 'System32', 'config'), { recursive: true });
  writeFileSync(join(disk, 'Windows', 'System32', 'config', 'SYSTEM'), HIVE);
  w.resetShims();
}

function script(fix: string): string {
  return w.put(`${fix}.cmd`, artifacts.find((a) => a.path === `offline/${fix}.cmd`)!.content);
}

beforeAll(async () => {
  const catalog = await loadCatalog(DEFAULT_CATALOG_DIR);
  artifacts = await cmdEmitter.emit({ catalog, version: 'test', earlier: [] });
  if (wineAvailable()) {
    w = new WinePrefix('cmd-offline').init({ shimReg: true });
    disk = join(w.prefix, 'attached-disk');
    w.mapDrive('F', disk);
  }
});

run('offline repair scripts in a real cmd.exe', () => {
  it("refuses the rescue VM's own system drive and a disk without Windows", () => {
    freshDisk();
    const own = w.batch(script('offline-enable-tls12'), ['C']);
    expect(own.code).toBe(2);
    expect(own.stdout).toContain('refusing');
    const none = w.batch(script('offline-enable-tls12'), ['Q']);
    expect(none.code).toBe(2);
    expect(w.log('reg')).toEqual([]);
  });

  it('backs up the hive, writes the control set Select\\Current names, and unloads', () => {
    freshDisk();
    const result = w.batch(script('offline-enable-tls12'), ['F:']);
    expect(result.code).toBe(0);
    const text = hive();
    const section = text
      .split(/\r?\n\r?\n/)
      .find((x) => /ControlSet002\\.*\\TLS 1\.2\\Server\]/i.test(x));
    expect(section).toContain('"Enabled"=dword:00000001');
    expect(section).toContain('"DisabledByDefault"=dword:00000000');
    expect(text).not.toContain('ControlSet001');
    const backup = join(disk, 'RdpRescue', 'backup', 'offline-enable-tls12', 'SYSTEM');
    expect(readFileSync(backup, 'latin1')).toBe(HIVE);
    const calls = w.log('reg').map((c) => c.toLowerCase());
    expect(calls[0]).toBe('load hklm\\rdprescue_system "f:\\windows\\system32\\config\\system"');
    expect(calls.at(-1)).toBe('unload hklm\\rdprescue_system');
    expect(w.reg('reg query HKLM\\RDPRESCUE_SYSTEM >nul 2>&1', 'echo rc=%errorlevel%')).toContain(
      'rc=1',
    );
  });

  it('retries the unload while the hive is busy', () => {
    freshDisk();
    writeFileSync(join(w.work, 'fx', 'unload-failures'), '2');
    const result = w.batch(script('offline-enable-nla'), ['F']);
    expect(result.code).toBe(0);
    expect(w.log('reg').filter((c) => /^unload /i.test(c))).toHaveLength(3);
    expect(hive()).toContain('"UserAuthentication"=dword:00000001');
  });

  it('stores %SystemRoot% literally in DumpFile', () => {
    freshDisk();
    expect(w.batch(script('offline-enable-crash-dump'), ['F']).code).toBe(0);
    const text = hive();
    expect(text).toContain('ControlSet002\\Control\\CrashControl]');
    // REG_EXPAND_SZ is exported as hex(2) UTF-16: decode it.
    const m = /"DumpFile"=hex\(2\):([0-9a-f,\\\r\n ]+)/.exec(text);
    expect(m).not.toBeNull();
    const bytes = Buffer.from(
      m![1]!
        .replace(/[^0-9a-f,]/g, '')
        .split(',')
        .filter(Boolean)
        .map((h) => parseInt(h, 16)),
    );
    expect(bytes.toString('utf16le').replace(/\0+$/, '')).toBe('%SystemRoot%\\MEMORY.DMP');
  });

  it('enables the Serial Console in a Generation 1 store (\\Boot\\BCD on the disk) after copying it', () => {
    freshDisk();
    mkdirSync(join(disk, 'Boot'), { recursive: true });
    writeFileSync(join(disk, 'Boot', 'BCD'), 'bcd-gen1');
    expect(w.batch(script('offline-enable-serial-console'), ['F']).code).toBe(0);
    const calls = w.log('bcdedit').map((c) => c.toLowerCase());
    expect(calls).toEqual([
      '/store "f:\\boot\\bcd" /set {bootmgr} displaybootmenu yes',
      '/store "f:\\boot\\bcd" /set {bootmgr} timeout 5',
      '/store "f:\\boot\\bcd" /set {bootmgr} bootems yes',
      '/store "f:\\boot\\bcd" /set {default} ems on',
      '/store "f:\\boot\\bcd" /emssettings emsport:1 emsbaudrate:115200',
    ]);
    expect(w.log('powershell')).toEqual([]);
    const saved = join(disk, 'RdpRescue', 'backup', 'offline-enable-serial-console', 'BCD');
    expect(existsSync(saved) && readFileSync(saved, 'latin1')).toBe('bcd-gen1');
  });

  it('finds the EFI system partition of a Generation 2 disk, lends it a letter, and gives it back', () => {
    freshDisk();
    const esp = join(w.prefix, 'esp');
    mkdirSync(join(esp, 'EFI', 'Microsoft', 'Boot'), { recursive: true });
    writeFileSync(join(esp, 'EFI', 'Microsoft', 'Boot', 'BCD'), 'bcd-gen2');
    w.mapDrive('S', esp);
    w.fixture('powershell', [
      { match: 'GptType', output: 'S:\\EFI\\Microsoft\\Boot\\BCD|S' },
      { match: 'Remove-PartitionAccessPath', rc: 0 },
    ]);
    expect(w.batch(script('offline-enable-serial-console'), ['F']).code).toBe(0);
    expect(
      w
        .log('bcdedit')
        .every((c) => c.toLowerCase().startsWith('/store "s:\\efi\\microsoft\\boot\\bcd"')),
    ).toBe(true);
    expect(w.log('bcdedit')).toHaveLength(5);
    const ps = w.log('powershell');
    expect(ps).toHaveLength(2);
    expect(ps[1]).toContain('Remove-PartitionAccessPath');
  });
});
