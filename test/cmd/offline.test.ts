import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, DEFAULT_CATALOG_DIR } from '../../src/model/load.ts';
import type { Catalog } from '../../src/model/index.ts';
import { offlineArtifacts } from '../../src/emit/cmd/offline.ts';
import type { Artifact } from '../../src/emit/artifact.ts';
import { earlyBlockEnds } from './block-ends.ts';
import { WinePrefix, wineAvailable } from './wine.ts';

/**
 * Offline repair scripts run as batch files in Wine against a fake attached disk (drive F:).
 * The shim's reg load/unload imports and re-exports the "hive", which here is a .reg file
 * whose keys live under the mount point, so the test reads what the script wrote. Wine judges
 * the logic only; how Windows parses the lines is checked separately (earlyBlockEnds).
 */
let catalog: Catalog;
let artifacts: Artifact[];
let w: WinePrefix;
let disk: string;
const run = describe.skipIf(!wineAvailable());

const M = 'HKEY_LOCAL_MACHINE\\RDPRESCUE_SYSTEM';
const SCHANNEL = 'Control\\SecurityProviders\\SCHANNEL\\Protocols';
const RDP_TCP = 'Control\\Terminal Server\\WinStations\\RDP-Tcp';

/** The broken OS: it boots ControlSet002; ControlSet001 is a stale copy nobody may touch. */
function hiveText(select: string[] = ['"Current"=dword:00000002']): string {
  return [
    'Windows Registry Editor Version 5.00',
    '',
    ...(select.length ? [`[${M}\\Select]`, ...select, ''] : []),
    `[${M}\\ControlSet001\\${SCHANNEL}\\TLS 1.2\\Server]`,
    '"Enabled"=dword:00000000',
    '',
    `[${M}\\ControlSet002\\${SCHANNEL}\\TLS 1.2\\Server]`,
    '"Enabled"=dword:00000000',
    '',
    `[${M}\\ControlSet002\\${RDP_TCP}]`,
    '"UserAuthentication"=dword:00000000',
    '"SecurityLayer"=dword:00000001',
    '',
  ].join('\r\n');
}

const CONFIG = () => join(disk, 'Windows', 'System32', 'config');
const backupDir = (fix: string) => join(disk, 'RdpRescue', 'backup', fix);

/** The hive as key -> value name -> data, read back from the .reg file the shim exports. */
function hive(): Map<string, Map<string, string>> {
  const bytes = readFileSync(join(CONFIG(), 'SYSTEM'));
  const text = bytes[0] === 0xff ? bytes.toString('utf16le') : bytes.toString('latin1');
  const keys = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.replace(/\\\r?\n\s*/g, '').split(/\r?\n/)) {
    const section = /^\[(.*)\]$/.exec(line);
    if (section) keys.set(section[1]!.toLowerCase(), (current = new Map()));
    const value = /^"([^"]+)"=(.*)$/.exec(line);
    if (value && current) current.set(value[1]!.toLowerCase(), value[2]!);
  }
  return keys;
}

/**
 * A boot store as the reg shim loads hives (a .reg export under the mount point the offline
 * scripts use, HKLM\RR_BOOT): the boot manager names its default entry, which carries safeboot
 * Network when asked.
 */
const BOOT_DEFAULT = '{6c1f4c2a-3d5e-11ee-9a5b-000d3a1f2b3c}';
function bootStoreText(safeboot: boolean): string {
  const objects = 'HKEY_LOCAL_MACHINE\\RR_BOOT\\Objects';
  return [
    'Windows Registry Editor Version 5.00',
    '',
    `[${objects}\\{9dea862c-5cdd-4e70-acc1-f32b344d4795}\\Elements\\23000003]`,
    `"Element"="${BOOT_DEFAULT}"`,
    '',
    `[${objects}\\${BOOT_DEFAULT}\\Elements\\25000020]`,
    '"Element"=hex:00,00,00,00,00,00,00,00',
    '',
    ...(safeboot
      ? [
          `[${objects}\\${BOOT_DEFAULT}\\Elements\\25000080]`,
          '"Element"=hex:01,00,00,00,00,00,00,00',
          '',
        ]
      : []),
  ].join('\r\n');
}

function values(key: string): Map<string, string> | undefined {
  return hive().get(`${M}\\${key}`.toLowerCase());
}

function freshDisk(options: { select?: string[]; software?: string } = {}): void {
  rmSync(disk, { recursive: true, force: true });
  mkdirSync(CONFIG(), { recursive: true });
  writeFileSync(join(CONFIG(), 'SYSTEM'), hiveText(options.select));
  writeFileSync(join(CONFIG(), 'SYSTEM.LOG1'), 'log1');
  writeFileSync(join(CONFIG(), 'SYSTEM.LOG2'), 'log2');
  if (options.software !== undefined) writeFileSync(join(CONFIG(), 'SOFTWARE'), options.software);
  w.resetShims();
  // A hive an earlier test left loaded would make reg load fail.
  w.reg(
    'reg delete HKLM\\RDPRESCUE_SYSTEM /f >nul 2>&1',
    'reg delete HKLM\\RDPRESCUE_SOFTWARE /f >nul 2>&1',
    'reg delete HKLM\\RR_BOOT /f >nul 2>&1',
  );
}

function script(name: string): string {
  const a = artifacts.find((x) => x.path === `offline/${name}.cmd`)!;
  return w.put(`${name}.cmd`, a.content);
}

function runFix(fix: string, ...args: string[]) {
  return w.batch(script(fix), args);
}

const lines = (stdout: string) =>
  stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('RDPRESCUE'));

beforeAll(async () => {
  catalog = await loadCatalog(DEFAULT_CATALOG_DIR);
  artifacts = offlineArtifacts(catalog, 'test');
  if (wineAvailable()) {
    w = new WinePrefix('cmd-offline').init({ shimReg: true });
    disk = join(w.prefix, 'attached-disk');
    w.mapDrive('F', disk);
  }
});

describe('offline scripts as Windows parses them', () => {
  it('never let text end a parenthesised block (repair-offline.cmd stopped after its first step)', () => {
    expect(earlyBlockEnds('if defined F (echo TLS 1.2 (server): FAILED&exit /b 1)')).toHaveLength(
      1,
    );
    for (const a of artifacts)
      a.content
        .toString('latin1')
        .split('\r\n')
        .forEach((line, i) => expect(earlyBlockEnds(line), `${a.path}:${i + 1}`).toEqual([]));
  });

  it('back up the hive with xcopy /h: copy skips the hidden SYSTEM.LOG1 and SYSTEM.LOG2', () => {
    for (const a of artifacts.filter((x) => /SYSTEM\*/.test(x.content.toString('latin1')))) {
      const text = a.content.toString('latin1');
      expect(text, a.path).not.toMatch(/\bcopy\s+(\/\w+\s+)*"[^"]*SYSTEM\*"/i);
      expect(text, a.path).toMatch(/xcopy \/h [^\r\n]*config\\SYSTEM\*/i);
    }
  });
});

run('offline repair scripts in a real cmd.exe', () => {
  it("refuses the rescue VM's own system drive, a disk without Windows and bad arguments", () => {
    freshDisk();
    const own = runFix('offline-enable-tls12', 'C');
    expect(own.code).toBe(2);
    expect(own.stdout).toContain('refusing');
    expect(runFix('offline-enable-tls12', 'Q').code).toBe(2);
    expect(runFix('offline-enable-tls12', '1').code).toBe(2);
    expect(runFix('offline-enable-tls12', 'F', 'redo').code).toBe(2);
    expect(runFix('offline-enable-tls12').code).toBe(2);
    expect(w.log('reg')).toEqual([]);
  });

  it('backs up the hive with its logs and the key, writes the booted control set, and unloads', () => {
    freshDisk();
    const result = runFix('offline-enable-tls12', 'F:');
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toContain('RDPRESCUE offline-enable-tls12 applied');
    expect(lines(result.stdout)).toContain(
      'RDPRESCUE undo: offline-enable-tls12.cmd F undo (when several repairs ran, undo the last one first)',
    );
    const server = values(`ControlSet002\\${SCHANNEL}\\TLS 1.2\\Server`)!;
    expect(server.get('enabled')).toBe('dword:00000001');
    expect(server.get('disabledbydefault')).toBe('dword:00000000');
    expect(values(`ControlSet001\\${SCHANNEL}\\TLS 1.2\\Server`)).toEqual(
      new Map([['enabled', 'dword:00000000']]),
    );
    const saved = join(backupDir('offline-enable-tls12'), 'hive-SYSTEM');
    expect(readdirSync(saved).sort()).toEqual(['SYSTEM', 'SYSTEM.LOG1', 'SYSTEM.LOG2']);
    expect(readFileSync(join(saved, 'SYSTEM'), 'latin1')).toBe(hiveText());
    const exported = readFileSync(join(backupDir('offline-enable-tls12'), 'k1.reg'));
    expect(exported.toString('utf16le')).toMatch(/ControlSet002\\.*TLS 1\.2\\Server\]/);
    expect(existsSync(join(backupDir('offline-enable-tls12'), 'k1-DisabledByDefault.absent'))).toBe(
      true,
    );
    const calls = w.log('reg').map((c) => c.toLowerCase());
    expect(calls[0]).toBe('load hklm\\rdprescue_system "f:\\windows\\system32\\config\\system"');
    expect(calls.at(-1)).toBe('unload hklm\\rdprescue_system');
    expect(w.reg('reg query HKLM\\RDPRESCUE_SYSTEM >nul 2>&1', 'echo rc=%errorlevel%')).toContain(
      'rc=1',
    );
  });

  it('refuses, changing nothing, when the hive logs cannot be backed up', () => {
    freshDisk();
    // A folder where SYSTEM.LOG1's copy must go: xcopy cannot write it.
    mkdirSync(join(backupDir('offline-enable-tls12'), 'hive-SYSTEM', 'SYSTEM.LOG1'), {
      recursive: true,
    });
    const result = runFix('offline-enable-tls12', 'F');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('nothing changed');
    expect(result.stdout).not.toContain('applied');
    expect(w.log('reg')).toEqual([]);
    expect(readFileSync(join(CONFIG(), 'SYSTEM'), 'latin1')).toBe(hiveText());
  });

  it('refuses a hive whose Select\\Current is missing or names no control set (no ControlSet00)', () => {
    for (const select of [[], ['"Current"=dword:00000005'], ['"Current"="two"']]) {
      freshDisk({ select });
      const result = runFix('offline-enable-tls12', 'F');
      expect(result.code, select.join()).toBe(2);
      expect(result.stdout).toContain('nothing changed');
      expect(result.stdout).not.toContain('applied');
      expect([...hive().keys()].some((k) => /controlset00\\|controlset005/.test(k))).toBe(false);
      expect(values(`ControlSet002\\${SCHANNEL}\\TLS 1.2\\Server`)!.get('disabledbydefault')).toBe(
        undefined,
      );
      expect(w.log('reg').at(-1)!.toLowerCase()).toBe('unload hklm\\rdprescue_system');
    }
  });

  it('undoes per key: restores the exported values and deletes the ones it added', () => {
    freshDisk();
    expect(runFix('offline-enable-tls12', 'F').code).toBe(0);
    const undone = runFix('offline-enable-tls12', 'F', 'undo');
    expect(undone.code).toBe(0);
    expect(lines(undone.stdout)).toContain('RDPRESCUE offline-enable-tls12 undone');
    expect(values(`ControlSet002\\${SCHANNEL}\\TLS 1.2\\Server`)).toEqual(
      new Map([['enabled', 'dword:00000000']]),
    );
    expect(w.log('reg').some((c) => /^import /i.test(c))).toBe(true);
    // The hive file itself is never copied back.
    expect(readFileSync(join(CONFIG(), 'SYSTEM')).subarray(0, 2)).toEqual(
      Buffer.from([0xff, 0xfe]),
    );
  });

  it('undo deletes keys the repair created, and their new parent', () => {
    freshDisk();
    expect(runFix('offline-enable-legacy-tls', 'F').code).toBe(0);
    for (const v of ['1.0', '1.1'])
      expect(values(`ControlSet002\\${SCHANNEL}\\TLS ${v}\\Server`)!.get('enabled')).toBe(
        'dword:00000001',
      );
    expect(runFix('offline-enable-legacy-tls', 'F', 'undo').code).toBe(0);
    const keys = [...hive().keys()];
    expect(keys.some((k) => /tls 1\.[01]/.test(k))).toBe(false);
    expect(values(`ControlSet002\\${SCHANNEL}\\TLS 1.2\\Server`)!.get('enabled')).toBe(
      'dword:00000000',
    );
  });

  it('says nothing to undo when the repair never ran', () => {
    freshDisk();
    const result = runFix('offline-enable-nla', 'F', 'undo');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing to undo');
    expect(w.log('reg')).toEqual([]);
  });

  it('prints "applied" only when every value reads back as written', () => {
    freshDisk();
    // reg answers for DumpFile with another type and path: the value did not take.
    w.fixture('reg', [{ match: '/v DumpFile', output: '    DumpFile    REG_SZ    C:\\other.dmp' }]);
    const result = runFix('offline-enable-crash-dump', 'F');
    expect(result.code).toBe(1);
    expect(lines(result.stdout)).toContain('RDPRESCUE offline-enable-crash-dump FAILED');
    expect(result.stdout).not.toContain('applied');
    expect(result.stdout).toContain('DumpFile reads back as "REG_SZ:C:\\other.dmp"');
  });

  it('stores %SystemRoot% literally in DumpFile, in a CrashControl key undo removes again', () => {
    freshDisk();
    expect(runFix('offline-enable-crash-dump', 'F').code).toBe(0);
    const crash = values('ControlSet002\\Control\\CrashControl')!;
    expect(crash.get('crashdumpenabled')).toBe('dword:00000001');
    expect(crash.get('nmicrashdump')).toBe('dword:00000001');
    // REG_EXPAND_SZ is exported as hex(2) UTF-16: decode it.
    const bytes = Buffer.from(
      crash
        .get('dumpfile')!
        .replace(/^hex\(2\):/, '')
        .split(',')
        .map((h) => parseInt(h, 16)),
    );
    expect(bytes.toString('utf16le').replace(/\0+$/, '')).toBe('%SystemRoot%\\MEMORY.DMP');
    expect(runFix('offline-enable-crash-dump', 'F', 'undo').code).toBe(0);
    expect(values('ControlSet002\\Control\\CrashControl')).toBeUndefined();
  });

  it('retries the unload while the hive is busy, and fails when it stays loaded', () => {
    freshDisk();
    writeFileSync(join(w.work, 'fx', 'unload-failures'), '2');
    expect(runFix('offline-enable-nla', 'F').code).toBe(0);
    expect(w.log('reg').filter((c) => /^unload hklm\\rdprescue_system/i.test(c))).toHaveLength(3);
    expect(values(`ControlSet002\\${RDP_TCP}`)!.get('userauthentication')).toBe('dword:00000001');
    freshDisk();
    writeFileSync(join(w.work, 'fx', 'unload-failures'), '5');
    const stuck = runFix('offline-enable-nla', 'F');
    expect(stuck.code).toBe(1);
    expect(stuck.stdout).toContain('could not unload HKLM\\RDPRESCUE_SYSTEM');
    expect(stuck.stdout).not.toContain('applied');
  });

  it('says when a policy in the SOFTWARE hive overrides the NLA repair', () => {
    const policy = (data: string) =>
      [
        'Windows Registry Editor Version 5.00',
        '',
        '[HKEY_LOCAL_MACHINE\\RDPRESCUE_SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services]',
        `"UserAuthentication"=dword:${data}`,
        '',
      ].join('\r\n');
    freshDisk({ software: policy('00000000') });
    const overridden = runFix('offline-enable-nla', 'F');
    expect(overridden.code).toBe(0);
    expect(lines(overridden.stdout)).toContain(
      'RDPRESCUE warning: Group Policy sets UserAuthentication to REG_DWORD:0x0 (HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services in the attached SOFTWARE hive): it overrides this repair until that policy changes',
    );
    expect(w.log('reg').filter((c) => /^unload hklm\\rdprescue_software/i.test(c))).toHaveLength(1);
    freshDisk({ software: policy('00000001') });
    expect(runFix('offline-enable-nla', 'F').stdout).not.toContain('Group Policy');
    freshDisk();
    const unreadable = runFix('offline-enable-nla', 'F');
    expect(unreadable.code).toBe(0);
    expect(unreadable.stdout).toContain('to read its policies: check');
    expect(values(`ControlSet002\\${RDP_TCP}`)!.get('securitylayer')).toBe('dword:00000002');
  });

  it('enables the Serial Console in a Generation 1 store after copying it with its logs', () => {
    freshDisk();
    mkdirSync(join(disk, 'Boot'), { recursive: true });
    for (const f of ['BCD', 'BCD.LOG', 'BCD.LOG1', 'BCD.LOG2'])
      writeFileSync(join(disk, 'Boot', f), `gen1 ${f}`);
    const result = runFix('offline-enable-serial-console', 'F');
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toContain('RDPRESCUE offline-enable-serial-console applied');
    expect(w.log('bcdedit').map((c) => c.toLowerCase())).toEqual([
      '/store "f:\\boot\\bcd" /set {bootmgr} displaybootmenu yes',
      '/store "f:\\boot\\bcd" /set {bootmgr} timeout 5',
      '/store "f:\\boot\\bcd" /set {bootmgr} bootems yes',
      '/store "f:\\boot\\bcd" /set {default} ems on',
      '/store "f:\\boot\\bcd" /emssettings emsport:1 emsbaudrate:115200',
    ]);
    expect(w.log('powershell')).toEqual([]);
    const saved = join(backupDir('offline-enable-serial-console'), 'bcd');
    expect(readdirSync(saved).sort()).toEqual(['BCD', 'BCD.LOG', 'BCD.LOG1', 'BCD.LOG2']);
    expect(readFileSync(join(saved, 'BCD'), 'latin1')).toBe('gen1 BCD');
  });

  it('prints FAILED, not applied, when bcdedit fails', () => {
    freshDisk();
    mkdirSync(join(disk, 'Boot'), { recursive: true });
    writeFileSync(join(disk, 'Boot', 'BCD'), 'gen1');
    w.fixture('bcdedit', [{ match: 'ems on', rc: 1 }]);
    const result = runFix('offline-enable-serial-console', 'F');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('bcdedit /set {default} ems on failed');
    expect(result.stdout).not.toContain('applied');
  });

  it('finds the EFI system partition again for undo, whatever letter it is lent this time', () => {
    freshDisk();
    const esp = join(w.prefix, 'esp');
    const boot = join(esp, 'EFI', 'Microsoft', 'Boot');
    rmSync(esp, { recursive: true, force: true });
    mkdirSync(boot, { recursive: true });
    writeFileSync(join(boot, 'BCD'), 'bcd-gen2');
    writeFileSync(join(boot, 'BCD.LOG1'), 'bcd-gen2-log');
    w.mapDrive('S', esp);
    w.fixture('powershell', [
      { match: 'GptType', output: 'S:\\EFI\\Microsoft\\Boot\\BCD|S' },
      { match: 'Remove-PartitionAccessPath', rc: 0 },
    ]);
    expect(runFix('offline-enable-serial-console', 'F').code).toBe(0);
    expect(
      w
        .log('bcdedit')
        .every((c) => c.toLowerCase().startsWith('/store "s:\\efi\\microsoft\\boot\\bcd"')),
    ).toBe(true);
    const ps = w.log('powershell');
    expect(ps).toHaveLength(2);
    expect(ps[1]).toContain('Remove-PartitionAccessPath');
    // The store changes after the backup; then S: is gone and the partition gets T: instead.
    writeFileSync(join(boot, 'BCD'), 'bcd-gen2 changed');
    rmSync(join(w.prefix, 'dosdevices', 's:'), { force: true });
    w.mapDrive('T', esp);
    w.resetShims();
    w.fixture('powershell', [
      { match: 'GptType', output: 'T:\\EFI\\Microsoft\\Boot\\BCD|T' },
      { match: 'Remove-PartitionAccessPath', rc: 0 },
    ]);
    const undone = runFix('offline-enable-serial-console', 'F', 'undo');
    expect(undone.code).toBe(0);
    expect(lines(undone.stdout)).toContain('RDPRESCUE offline-enable-serial-console undone');
    expect(readFileSync(join(boot, 'BCD'), 'latin1')).toBe('bcd-gen2');
    expect(w.log('bcdedit')).toEqual([]);
    expect(w.log('powershell')[1]).toContain('Remove-PartitionAccessPath');
  });

  it('resets the MachineKeys ACLs after saving them, skips absent key files, and restores them', () => {
    freshDisk();
    const keys = join(disk, 'ProgramData', 'Microsoft', 'Crypto', 'RSA', 'MachineKeys');
    mkdirSync(keys, { recursive: true });
    const result = runFix('offline-reset-machinekeys-acl', 'F');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('f686aace6942fb7f7ceb231212eef4a4_*: skipped');
    const calls = w.log('icacls').map((c) => c.toLowerCase());
    const folder = '"f:\\programdata\\microsoft\\crypto\\rsa\\machinekeys"';
    expect(calls).toEqual([
      `${folder} /save "f:\\rdprescue\\backup\\offline-reset-machinekeys-acl\\a1.acl" /t /c`,
      `${folder} /setowner *s-1-5-32-544 /t /c`,
      `${folder} /grant "*s-1-5-18:(f)" "*s-1-5-32-544:(f)" /t /c`,
    ]);
    writeFileSync(join(keys, 'f686aace6942fb7f7ceb231212eef4a4_1234'), 'key');
    w.resetShims();
    expect(runFix('offline-reset-machinekeys-acl', 'F').code).toBe(0);
    // Saved once: the second run keeps the first save and grants the key file.
    expect(w.log('icacls').map((c) => c.toLowerCase())).toEqual([
      `${folder} /setowner *s-1-5-32-544 /t /c`,
      `${folder} /grant "*s-1-5-18:(f)" "*s-1-5-32-544:(f)" /t /c`,
      `"f:\\programdata\\microsoft\\crypto\\rsa\\machinekeys\\f686aace6942fb7f7ceb231212eef4a4_*" /grant "*s-1-5-20:(r)" /c`,
    ]);
    w.resetShims();
    const undone = runFix('offline-reset-machinekeys-acl', 'F', 'undo');
    expect(undone.code).toBe(0);
    expect(w.log('icacls').map((c) => c.toLowerCase())).toEqual([
      `"f:\\programdata\\microsoft\\crypto\\rsa" /restore "f:\\rdprescue\\backup\\offline-reset-machinekeys-acl\\a1.acl" /c`,
    ]);
    w.resetShims();
    w.fixture('icacls', [{ match: '/grant', rc: 5 }]);
    const failed = runFix('offline-reset-machinekeys-acl', 'F');
    expect(failed.code).toBe(1);
    expect(failed.stdout).not.toContain('applied');
  });

  it('applies the opt-in legacy TLS repair with its security warning', () => {
    freshDisk();
    const result = runFix('offline-enable-legacy-tls', 'F');
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toContain('RDPRESCUE offline-enable-legacy-tls applied');
    expect(result.stdout).toContain('RDPRESCUE warning: TLS 1.0 and 1.1 are deprecated');
    for (const v of ['1.0', '1.1'])
      expect(values(`ControlSet002\\${SCHANNEL}\\TLS ${v}\\Server`)!.get('disabledbydefault')).toBe(
        'dword:00000000',
      );
  });

  it('removes safeboot from the default entry of the attached store, only when there, and undo puts it back', () => {
    freshDisk();
    mkdirSync(join(disk, 'Boot'), { recursive: true });
    const store = join(disk, 'Boot', 'BCD');
    writeFileSync(store, bootStoreText(true));
    const done = runFix('offline-remove-safe-boot', 'F');
    expect(lines(done.stdout)).toContain('RDPRESCUE offline-remove-safe-boot applied');
    expect(done.code).toBe(0);
    const changed = readFileSync(store).toString('utf16le');
    expect(changed).not.toContain('25000080');
    expect(changed).toContain('25000020');
    expect(w.log('bcdedit').filter((c) => /deletevalue/i.test(c))).toHaveLength(1);

    // Run again: the element is gone, so bcdedit is not asked (it would fail).
    const again = runFix('offline-remove-safe-boot', 'F');
    expect(lines(again.stdout)).toContain('RDPRESCUE offline-remove-safe-boot applied');
    expect(w.log('bcdedit').filter((c) => /deletevalue/i.test(c))).toHaveLength(1);

    const undone = runFix('offline-remove-safe-boot', 'F', 'undo');
    expect(lines(undone.stdout)).toContain('RDPRESCUE offline-remove-safe-boot undone');
    expect(readFileSync(store, 'latin1')).toBe(bootStoreText(true));
  });

  it('fails, never applied, when the attached store names no default entry', () => {
    freshDisk();
    mkdirSync(join(disk, 'Boot'), { recursive: true });
    writeFileSync(join(disk, 'Boot', 'BCD'), 'Windows Registry Editor Version 5.00\r\n');
    const result = runFix('offline-remove-safe-boot', 'F');
    expect(lines(result.stdout)).not.toContain('RDPRESCUE offline-remove-safe-boot applied');
    expect(result.code).toBe(1);
    expect(w.log('bcdedit')).toEqual([]);
  });

  it('repair-offline.cmd runs the default repairs in order and undoes them in reverse', () => {
    freshDisk();
    mkdirSync(join(disk, 'Boot'), { recursive: true });
    writeFileSync(join(disk, 'Boot', 'BCD'), bootStoreText(true));
    mkdirSync(join(disk, 'ProgramData', 'Microsoft', 'Crypto', 'RSA', 'MachineKeys'), {
      recursive: true,
    });
    const defaults = catalog.offline.repairs.filter(
      (id) => !catalog.fixes.find((f) => f.id === id)!.optIn,
    );
    for (const id of defaults) script(id);
    const all = w.batch(script('repair-offline'), ['F']);
    const report = lines(all.stdout);
    expect(report.filter((l) => l.endsWith(' applied'))).toEqual(
      defaults.map((id) => `RDPRESCUE ${id} applied`),
    );
    expect(report.at(-1)).toBe(
      `RDPRESCUE undo: repair-offline.cmd F undo (undoes, in this order: ${[...defaults].reverse().join(', ')})`,
    );
    expect(values(`ControlSet002\\${RDP_TCP}`)!.get('userauthentication')).toBe('dword:00000001');
    expect(readFileSync(join(disk, 'Boot', 'BCD')).toString('utf16le')).not.toContain('25000080');
    const undone = lines(w.batch(script('repair-offline'), ['F', 'undo']).stdout);
    expect(undone.filter((l) => l.endsWith(' undone'))).toEqual(
      [...defaults].reverse().map((id) => `RDPRESCUE ${id} undone`),
    );
    expect(values(`ControlSet002\\${RDP_TCP}`)!.get('userauthentication')).toBe('dword:00000000');
    expect(w.batch(script('repair-offline'), []).code).toBe(2);
    expect(w.batch(script('repair-offline'), ['F', 'again']).code).toBe(2);
  });
});
