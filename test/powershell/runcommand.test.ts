import { describe, expect, it, type TestContext } from 'vitest';
import { psLiteral, UTF8_BASE64_DECODER, type PsValue } from '../../src/emit/powershell/literal.ts';
import { MESSAGES } from '../../src/emit/powershell/messages.ts';
import { RUNCOMMAND_PATH } from '../../src/emit/powershell/index.ts';
import { emitted } from './emitted.ts';
import { requireHost, runInHost, UTILITY_SHIMS } from './host-harness.ts';
import { broken, READ_MOCKS, WRITE_MOCKS } from './machines.ts';
import { REPORT_LINE, reportLine, runCommandEvidence, type Status } from '../../src/model/index.ts';

// runcommand/Invoke-RdpRescue.ps1 as Run Command runs it: parameters as strings, only the
// last 4096 bytes of output kept, last line [STATUS]::SUCCESS or [STATUS]::ERROR.

const RUN_COMMAND_LIMIT = 4096;

describe('the Run Command script', async () => {
  const { catalog, text, raw } = await emitted();
  const script = text(RUNCOMMAND_PATH);

  it('takes only string parameters and defaults to a read-only diagnosis', () => {
    const param = /\nparam\(([\s\S]*?)\n\)/.exec(script)![1]!;
    const declared = [...param.matchAll(/\[(\w+)\]\$(\w+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(declared).toEqual([
      'string Mode',
      'string Scenario',
      'string Fix',
      'string Port',
      'string Thumbprint',
      'string SinceHours',
      'string BackupPath',
      'string Report',
    ]);
    expect(param).toContain("[string]$Mode = 'Diagnose'");
  });

  it('is self-contained: the module inlined, no module loading, strings for every culture', () => {
    expect(script).toContain('function Invoke-RdpDiagnosis {');
    expect(script).toContain('function Invoke-RdpRepair {');
    expect(script).not.toMatch(
      /Import-Module|Import-LocalizedData|Export-ModuleMember|\$PSScriptRoot/,
    );
    for (const culture of ['en-US', 'sv-SE', 'nl-NL', 'zh-TW'])
      expect(script).toContain(`'${culture}' = @{`);
  });

  it('is printable ASCII after its BOM: Run Command drops the BOM, 5.1 then reads the ANSI code page', () => {
    const body = raw(RUNCOMMAND_PATH).subarray(3);
    expect(body.every((b) => (b >= 0x20 && b < 0x7f) || b === 0x0d || b === 0x0a)).toBe(true);
    // Other cultures' strings travel as base64 of their UTF-8, decoded when the script runs.
    const zh = Buffer.from(MESSAGES.NotElevated!['zh-TW'], 'utf8').toString('base64');
    expect(script).toContain(`NotElevated = (${UTF8_BASE64_DECODER} '${zh}')`);
    expect(script).toContain(`NotElevated = '${MESSAGES.NotElevated!['en-US']}'`);
  });

  it('keeps a full text report far below the 4096 bytes Run Command keeps, whatever fires', () => {
    // Each line's evidence is capped at 150 characters by Format-RdpReportLine.
    const worst = catalog.scenarios.map(
      (s) => `RDPRESCUE ${s.id} DETECTED ${'x'.repeat(150)}`.length + 2,
    );
    const total = worst.reduce((a, b) => a + b, 0) + 'RDPRESCUE verdict 5 detected\r\n'.length;
    expect(total + '[STATUS]::SUCCESS\r\n'.length).toBeLessThan(RUN_COMMAND_LIMIT);
    expect(script).toMatch(/if \(\$Evidence\.Length -gt 150\)/);
  });

  function run(
    ctx: TestContext,
    machine: object,
    params: Record<string, string> = {},
    culture?: string,
  ) {
    const dll = requireHost(ctx);
    if (!dll) return undefined;
    let body = script;
    for (const [name, value] of Object.entries(params))
      body = body.replace(new RegExp(`(\\[string\\]\\$${name} = )'[^']*'`), `$1'${value}'`);
    // The mocks replace the module's platform functions, before the script's own part.
    const main = body.indexOf('#region src/powershell/runcommand.ps1');
    body =
      body.slice(0, main) +
      [
        UTILITY_SHIMS,
        READ_MOCKS,
        WRITE_MOCKS,
        `$script:Machine = ${psLiteral(machine as PsValue)}`,
      ].join('\n') +
      '\n' +
      body.slice(main);
    const result = runInHost(dll, [body], culture);
    expect(result.terminatingError).toBeNull();
    return result.output.map(String);
  }

  it('diagnoses by default and ends with [STATUS]::SUCCESS', (ctx) => {
    const out = run(ctx, broken);
    if (!out) return;
    expect(out.at(-1)).toBe('[STATUS]::SUCCESS');
    expect(out.at(-2)).toBe('RDPRESCUE verdict 4 detected');
    expect(out).toHaveLength(catalog.scenarios.length + 2);
    expect(Buffer.byteLength(out.join('\r\n'))).toBeLessThan(1500);
  });

  it('prints the Run Command form by default, and every finding with Report=Full (report.ts)', (ctx) => {
    const short = run(ctx, broken);
    const full = run(ctx, broken, { Report: 'Full' });
    if (!short || !full) return;
    const lines = (out: string[]) => out.filter((l) => REPORT_LINE.test(l));
    expect(lines(full).some((l) => /DETECTED \S*,/.test(l))).toBe(true);
    expect(lines(short)).toEqual(
      lines(full).map((l) => {
        const [, id, status, evidence] = REPORT_LINE.exec(l)!;
        return reportLine(id!, status as Status, runCommandEvidence(status as Status, evidence!));
      }),
    );
    expect(short.at(-2)).toBe(full.at(-2));
  });

  it('repairs one scenario when asked, reports the fix and diagnoses again', (ctx) => {
    const out = run(
      ctx,
      { Elevated: true, ...broken },
      { Mode: 'Repair', Scenario: 'tls-disabled' },
    );
    if (!out) return;
    expect(out[0]).toMatch(
      /^RDPRESCUE fix enable-tls12-server APPLIED reboot=True backup=C:\\ProgramData\\RdpRescue\\backup\\20261123-120000$/,
    );
    // The 36871 events fired before the repair: only events written since it count.
    expect(out).toContain('RDPRESCUE tls-disabled CLEAR -');
    expect(out.slice(-2)).toEqual([
      'RDPRESCUE undo az vm run-command invoke -g <resource-group> -n <vm-name> --command-id RunPowerShellScript --scripts @Invoke-RdpRescue.ps1 --parameters "Mode=Undo" "BackupPath=C:\\ProgramData\\RdpRescue\\backup\\20261123-120000"',
      '[STATUS]::SUCCESS',
    ]);
  });

  it('ends with [STATUS]::ERROR and the reason when it cannot do what was asked', (ctx) => {
    const out = run(
      ctx,
      { ...broken, Elevated: false },
      { Mode: 'Repair', Scenario: 'tls-disabled' },
    );
    if (!out) return;
    expect(out.slice(-2)).toEqual([
      'RDPRESCUE error This command changes the machine: run it in an elevated session (as Administrator).',
      '[STATUS]::ERROR',
    ]);
  });

  it('speaks the language of the machine (sv-SE) and keeps the report contract', (ctx) => {
    const out = run(
      ctx,
      { ...broken, Elevated: false },
      { Mode: 'Repair', Scenario: 'tls-disabled' },
      'sv-SE',
    );
    if (!out) return;
    expect(out.slice(-2)).toEqual([
      'RDPRESCUE error Kommandot ändrar datorn: kör det i en upphöjd session (som administratör).',
      '[STATUS]::ERROR',
    ]);
  });
});
