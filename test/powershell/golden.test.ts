import { describe, expect, it } from 'vitest';
import {
  Check,
  Fix,
  Operation,
  backupItemsOf,
  type CheckKind,
  type OperationKind,
} from '../../src/model/index.ts';
import { psLiteral, psRegistryPath, psString } from '../../src/emit/powershell/literal.ts';
import {
  BACKUPS,
  CHECKS,
  OPERATIONS,
  backupData,
  checkData,
  dispatchTables,
  operationData,
} from '../../src/emit/powershell/primitives.ts';
import { fixCommand } from '../../src/emit/powershell/commands.ts';
import { renderTemplate } from '../../src/emit/render.ts';
import { emitted } from './emitted.ts';
import { functionsOf } from './functions.ts';

const crlf = (lines: string[]) => lines.join('\n');

describe('PowerShell literals', () => {
  it('quotes strings so nothing expands, including typographic quotes', () => {
    expect(psString("it's $env:x `n")).toBe("'it''s $env:x `n'");
    expect(psString('a\u2019b')).toBe("'a\u2019\u2019b'");
  });

  it('renders nested data one entry per line, arrays always as @()', () => {
    expect(psLiteral({ A: 1, 'b-c': [2], D: [{ E: true }], F: null, G: [] })).toBe(
      crlf([
        '@{',
        '    A = 1',
        "    'b-c' = @(2)",
        '    D = @(',
        '        @{',
        '            E = $true',
        '        }',
        '    )',
        '    F = $null',
        '    G = @()',
        '}',
      ]),
    );
  });

  it('adds the PSDrive colon the seed forgot', () => {
    expect(psRegistryPath('HKLM\\SYSTEM\\CurrentControlSet')).toBe(
      'HKLM:\\SYSTEM\\CurrentControlSet',
    );
    expect(() => psRegistryPath('HKCU\\Software')).toThrow(/HKLM/);
  });
});

describe('golden: model fragments render to the expected PowerShell', () => {
  it('a registry check with a Group Policy override', () => {
    const check = Check.parse({
      kind: 'registry-value',
      id: 'rdp-requires-tls',
      key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp',
      name: 'SecurityLayer',
      firesWhen: { op: 'equals', value: 2 },
      policy: {
        key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services',
        name: 'SecurityLayer',
      },
    });
    expect(psLiteral(checkData(check))).toBe(
      crlf([
        '@{',
        "    Kind = 'registry-value'",
        "    Id = 'rdp-requires-tls'",
        "    Key = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp'",
        "    Name = 'SecurityLayer'",
        "    Op = 'equals'",
        '    Value = 2',
        "    PolicyKey = 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services'",
        "    PolicyName = 'SecurityLayer'",
        '}',
      ]),
    );
  });

  it('an event check keeps provider, channel and ids, and names fields, never message text', () => {
    const check = Check.parse({
      kind: 'event-query',
      id: 'ev-x',
      channel: 'System',
      provider: 'Schannel',
      eventIds: [36870],
      windowHours: 24,
      dataConditions: [{ field: 'ErrorStatus', values: ['10001'] }],
      reportFields: ['ErrorCode'],
    });
    expect(psLiteral(checkData(check))).toBe(
      crlf([
        '@{',
        "    Kind = 'event-query'",
        "    Id = 'ev-x'",
        "    Channel = 'System'",
        "    Provider = 'Schannel'",
        '    EventIds = @(36870)',
        '    WindowHours = 24',
        '    DataConditions = @(',
        '        @{',
        "            Fields = @('ErrorStatus')",
        "            Accepted = @('10001')",
        '        }',
        '    )',
        "    ReportFields = @('ErrorCode')",
        '    AuditedBy = $null',
        '}',
      ]),
    );
  });

  it('a registry-set operation with an operator parameter, and its backup item', () => {
    const op = Operation.parse({
      kind: 'registry-set',
      key: 'HKLM\\SYSTEM\\X',
      name: 'PortNumber',
      type: 'REG_DWORD',
      data: { param: 'Port' },
    });
    expect(psLiteral(operationData(op))).toBe(
      crlf([
        '@{',
        "    Kind = 'registry-set'",
        "    Key = 'HKLM:\\SYSTEM\\X'",
        "    Name = 'PortNumber'",
        "    Type = 'REG_DWORD'",
        "    Param = 'Port'",
        '    Data = $null',
        '}',
      ]),
    );
    expect(backupItemsOf(op).map(backupData)).toEqual([
      { Kind: 'registry-value', Key: 'HKLM:\\SYSTEM\\X', Name: 'PortNumber' },
    ]);
  });

  it('refuses offline-only operations in the module', () => {
    const op = Operation.parse({ kind: 'hive-load', hive: 'SYSTEM', mountAs: 'BROKENSYSTEM' });
    expect(() => operationData(op)).toThrow(/offline/);
  });

  it('a fix with a port parameter renders a validated, ShouldProcess command', async () => {
    const fix = Fix.parse({
      id: 'move-port',
      command: 'Set-RdpTestPort',
      scope: 'online',
      optIn: true,
      title: t('Move the port'),
      description: t('Moves it.'),
      parameters: [{ name: 'Port', type: 'port', help: t('The port.') }],
      operations: [
        {
          kind: 'registry-set',
          key: 'HKLM\\SYSTEM\\X',
          name: 'PortNumber',
          type: 'REG_DWORD',
          data: { param: 'Port' },
        },
      ],
      backup: { description: t('Saved.') },
      undo: { strategy: 'restore-backup', description: t('Restored.') },
      verify: { description: t('Checked.') },
      effects: { reboot: false },
      sources: [{ article: 'internal-error', section: 's' }],
    });
    const text = renderTemplate('powershell/fix-command.ps1.ejs', fixCommand(fix));
    expect(text).toContain(
      crlf([
        "    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]",
        '    [OutputType([pscustomobject])]',
        '    param(',
        '        [Parameter(Mandatory = $true)]',
        '        [ValidateRange(1, 65535)]',
        '        [int]$Port,',
        "        [string]$BackupRoot = (Join-Path -Path $env:ProgramData -ChildPath 'RdpRescue\\backup')",
        '    )',
        '    $parameters = @{ Port = $Port }',
        "    Invoke-RdpFixCommand -FixId 'move-port' -Parameters $parameters -Cmdlet $PSCmdlet -BackupRoot $BackupRoot",
        '}',
      ]),
    );
    expect(text).toContain('    Set-RdpTestPort -Port 3390 -WhatIf');
    expect((await functionsOf(text))[0]).toMatchObject({
      name: 'Set-RdpTestPort',
      parameters: ['Port', 'BackupRoot'],
    });
  });
});

function t(en: string) {
  return { 'en-US': en, 'sv-SE': en, 'nl-NL': en, 'zh-TW': en };
}

describe('every primitive has a PowerShell implementation', async () => {
  const { text } = await emitted();
  const defined = new Set((await functionsOf(text('RdpRescue/RdpRescue.psm1'))).map((f) => f.name));
  const checkKinds = Check.options.map((o) => o.shape.kind.value) as CheckKind[];
  const operationKinds = Operation.options.map((o) => o.shape.kind.value) as OperationKind[];

  it('maps each check and operation kind of the model (and nothing else)', () => {
    expect(Object.keys(CHECKS).sort()).toEqual([...checkKinds].sort());
    expect(Object.keys(OPERATIONS).sort()).toEqual([...operationKinds].sort());
    expect(Object.keys(BACKUPS).length).toBeGreaterThan(5);
  });

  it('defines every function the dispatch tables name', () => {
    const named = Object.values(dispatchTables()).flatMap((table) => Object.values(table));
    expect(named.length).toBeGreaterThan(25);
    expect(named.filter((n) => !defined.has(n))).toEqual([]);
  });
});
