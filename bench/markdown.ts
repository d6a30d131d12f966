import type { Results } from './main.ts';
import type { Timing } from './timing.ts';
import type { PwshCost } from './pwsh.ts';

const ms = (t: Timing) => `${t.medianMs} ms (min ${t.minMs}, max ${t.maxMs})`;
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

export function renderBenchmarks(r: Results): string {
  const unsigned = r.build.unsigned;
  const startup = r.build.nodeStartup;
  const signed =
    'error' in r.build.signed ? `not measured: ${r.build.signed.error}` : ms(r.build.signed);
  const sc = r.serialConsole;
  const out: string[] = [
    '# RdpRescue benchmarks',
    '',
    `Measured ${r.date} by \`npm run bench\` on ${r.machine.cpus} × ${r.machine.model}, Node ${r.machine.node}.`,
    'Machines here are noisy: compare ratios measured side by side (build time / bare Node start-up), not absolute times.',
    'Raw numbers: [bench/results.json](bench/results.json).',
    '',
    '## Build',
    '',
    '| What | Median (spread) | Target | Status |',
    '| --- | --- | --- | --- |',
    `| bare \`node -e ""\` start-up | ${ms(startup)} | (reference) | |`,
    `| full build of the real catalog, unsigned | ${ms(unsigned)} = ${Math.round((unsigned.medianMs / startup.medianMs) * 10) / 10}× node start-up | < 1,500 ms | ${verdict(unsigned.medianMs < 1500)} |`,
    `| full build, signed with a test certificate | ${signed} | (reported) | |`,
    '',
    ...scalingSection(r),
    '## Serial Console cost',
    '',
    ...(r.serialConsoleDate
      ? [`Measured ${r.serialConsoleDate} (\`npm run bench -- --only=serial-console\`).`, '']
      : []),
    '| What | Value | Target | Status |',
    '| --- | --- | --- | --- |',
    `| diagnosis paste blocks (a transfer of cmd/diagnose.cmd) | ${sc.diagnosisBlocks} (${sc.diagnosisChars} characters) | ≤ 4 | ${verdict(sc.diagnosisBlocks <= 4)} |`,
    ...(r.diagnosisOfMerged18
      ? [
          `| diagnosis paste blocks of the merged 18-scenario catalog's diagnose.cmd (${r.diagnosisOfMerged18.batchBytes.toLocaleString('en-US')} bytes, test/transfer/fixtures) | ${r.diagnosisOfMerged18.blocks} (${r.diagnosisOfMerged18.chars} characters) | ≤ 4 | ${verdict(r.diagnosisOfMerged18.blocks <= 4)} |`,
        ]
      : []),
    `| largest paste block | ${sc.largestBlockChars} characters | ≤ 2,048 | ${verdict(sc.largestBlockChars <= 2048)} |`,
    `| repeated-character pairs left in all blocks (data, numbers) | ${sc.repeatedPairs} | (reported) | |`,
    `| pastes to transfer the unsigned module | ${sc.transferPastes ?? 'not built'}${sc.transferChars ? ` (${sc.transferChars.toLocaleString('en-US')} characters)` : ''} | (reported) | |`,
    'error' in r.build.signed
      ? '| pastes to transfer the signed module | not measured | (reported) | |'
      : `| pastes to transfer the signed module (2048-bit test certificate) | ${r.build.signed.transferBlocks} (${r.build.signed.transferChars.toLocaleString('en-US')} characters) | (reported) | |`,
    '',
    'What bounds these numbers:',
    '',
    "- Diagnosis: the blocks are a transfer of cmd/diagnose.cmd (the module transfer's cabinet,",
    '  chunks and checks, in a folder under %ProgramFiles%). Each block spends ~230 characters',
    '  on its folder and chunk check, block 1 ~160 more on its tool check, the last ~530 more on',
    '  the payload check and the run; the rest is the cabinet in base64 (4/3 of its bytes, plus',
    '  ~2% spaces between repeated characters). The batch file grows by about 450 characters',
    '  per check, and deflate takes it to about a quarter (the 18-scenario one: 17,574 → 4,805).',
    '- Transfer: each block carries a fixed ~250 characters of self-check and at most 1,797',
    '  base64 characters (~1,348 payload bytes), so pastes ≈ cabinet bytes × 4/3 ÷ 1,797.',
    "  The cabinet is MSZIP (deflate, 32 KB window), the best that every Windows' expand.exe",
    '  reads and that can be written here; signatures add ~7 KB compressed (about 5 pastes).',
    '',
    '| Fix | Pastes |',
    '| --- | --- |',
    ...Object.entries(sc.pastesPerFix).map(([fix, n]) => `| \`${fix}\` | ${n} |`),
    '',
    '## Cost on the VM of a full diagnosis (counted from the generated code)',
    '',
    '| Procedure | Event-log queries | Other external processes |',
    '| --- | --- | --- |',
    `| seed articles, by hand | ${r.vm.seeds.eventQueries} (${r.vm.seeds.note}) | ${r.vm.seeds.otherDiagnosisCommands} |`,
    r.vm.cmd
      ? `| CMD diagnosis (cmd/diagnose.cmd, what the blocks run) | ${r.vm.cmd.eventQueries} (target ≤ ${r.vm.eventChannels}, one per channel: ${verdict(r.vm.cmd.eventQueries <= r.vm.eventChannels)}) | ${Object.entries(
          r.vm.cmd.commands,
        )
          .filter(([k]) => k !== 'wevtutil')
          .map(([k, v]) => `${k} ×${v}`)
          .join(', ')} |`
      : '| CMD diagnosis (cmd/diagnose.cmd) | not built | |',
    r.vm.module
      ? `| PowerShell module | ${r.vm.eventChannels} (one Get-WinEvent per channel; ${r.vm.module.getWinEventCallSites} call site(s) in the module) | none for detection (CIM, registry and certificate providers in-process) |`
      : '| PowerShell module | not built | |',
    '',
    '## Run Command report',
    '',
    `Worst case allowed by the report contract (all ${r.runCommand.lines - 2} scenarios DETECTED, every check fired with a 14-character detail, plus verdict and status lines), in Run Command's short form (report.ts: first finding and a count): **${r.runCommand.worstCaseBytes} bytes** against the 4,096-byte Run Command limit and the 1,500-byte target (${verdict(r.runCommand.worstCaseBytes < 1500)}); the full lines would take ${r.runCommand.fullFormBytes ?? '(not measured)'} bytes.`,
    '',
    ...issue15Section(r),
    '## In PowerShell',
    '',
    ...pwshSection(r.pwsh),
    '',
  ];
  return out.join('\n');
}

/** The synthetic catalogs: wall time and peak memory of a fresh build process per size. */
function scalingSection(r: Results): string[] {
  const built = (n: number) => {
    const s = r.scaling.find((x) => x.scenarios === n);
    return s && 'build' in s ? s : undefined;
  };
  const s100 = built(100);
  const s1000 = built(1000);
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const timeRatio = s100 && s1000 ? ratio(s1000.build.medianMs, s100.build.medianMs) : undefined;
  return [
    '## Scaling (synthetic catalogs derived from the real scenarios)',
    '',
    ...(r.scalingDate
      ? [`Measured ${r.scalingDate} (\`npm run bench -- --only=scaling\`).`, '']
      : []),
    'Each size is a fresh `rdp-rescue build --catalog` process, sizes one after another (not',
    'interleaved): on a loaded machine the small sizes can come out slower than they are, so read',
    'the 1,000 row for "finishes, in what memory" and repeat the ratio on a quiet machine.',
    '',
    '| Scenarios | Build median (spread) | Peak memory | Output bytes | Artifacts |',
    '| --- | --- | --- | --- | --- |',
    ...r.scaling.map((s) =>
      'build' in s
        ? `| ${s.scenarios} | ${ms(s.build)} | ${s.peakMb === undefined ? 'not measured' : `${s.peakMb} MB`} | ${s.outputBytes.toLocaleString('en-US')} | ${s.artifacts} |`
        : `| ${s.scenarios} | **failed**: ${s.error} | | | |`,
    ),
    '',
    timeRatio === undefined
      ? '1,000-scenario build / 100-scenario build: not measured, a size failed (target < 10×: **missed**); the table says how.'
      : `1,000-scenario build / 100-scenario build = **${timeRatio}×** in time (target < 10×: ${verdict(timeRatio < 10)})` +
        (s100!.peakMb && s1000!.peakMb
          ? `, ${ratio(s1000!.peakMb, s100!.peakMb)}× in peak memory.`
          : '.'),
    '',
  ];
}

function pwshSection(p: PwshCost): string[] {
  if (!p.available) return [`Not measured: ${p.reason}.`];
  const ratio = (t: Timing) => `${Math.round((t.medianMs / p.startup.medianMs) * 100) / 100}×`;
  return [
    `Measured ${p.date} in pwsh ${p.version} (${p.route}), ${p.startup.runs.length} runs, each a fresh pwsh, interleaved with a bare start-up; load average ${p.load.before} before, ${p.load.after} after, on ${p.load.cpus} CPUs.`,
    '',
    '| What | Median (spread) | / pwsh start-up |',
    '| --- | --- | --- |',
    `| bare \`pwsh -NoProfile -c exit\` start-up (process wall time) | ${ms(p.startup)} | (reference) |`,
    `| first \`Import-Module\` of the built module (in-process) | ${ms(p.import)} | ${ratio(p.import)} |`,
    `| full \`Invoke-RdpDiagnosis -AsText\` on the fake machine (in-process, first run) | ${ms(p.diagnosis)} | ${ratio(p.diagnosis)} |`,
    `| the same diagnosis again in that process | ${ms(p.warmDiagnosis)} | ${ratio(p.warmDiagnosis)} |`,
    '',
    'The diagnosis runs on test/pester/FakeMachine.ps1 (a healthy machine): every platform call',
    "goes through a Pester mock instead of Windows, so it measures the module's own logic plus",
    "Pester's mock dispatch, not event-log, registry or CIM latency on a real VM.",
  ];
}

/** Issue 15's two limits, on the real catalog and on one shaped like the issue's final one. */
function issue15Section(r: Results): string[] {
  const i = r.issue15;
  if (!i) return [];
  const row = (name: string, m: NonNullable<Results['issue15']>['real']) =>
    `| ${name} (${m.scenarios} scenarios, ${m.checks} checks) | ${m.diagnosisPastes} (${m.pasteChars.join('/')}) | ${m.batchBytes === undefined ? '' : `${m.batchBytes.toLocaleString('en-US')} / ${m.cabBytes!.toLocaleString('en-US')} bytes, ${m.spareChars} spare`} | ${verdict(m.diagnosisPastes <= 4)} | ${m.runCommand.worstCaseBytes} bytes (full lines: ${m.runCommand.fullFormBytes}) | ${verdict(m.runCommand.worstCaseBytes < 1500)} |`;
  return [
    '## Issue 15 limits',
    '',
    'The Serial Console diagnosis of the whole catalog in at most 4 pastes, the Run Command worst case under 1,500 bytes; measured on the real catalog and on `bench/final-catalog.ts` (the real scenarios plus the 11 ids issue 15 adds, with checks shaped like FIELD-NOTES section 10), `npm run bench -- --only=issue15`.',
    '',
    '| Catalog | Diagnosis pastes (characters) | diagnose.cmd / cabinet, characters spare of 4 pastes | ≤ 4 | Run Command worst case | < 1,500 |',
    '| --- | --- | --- | --- | --- | --- |',
    row('real', i.real),
    row('final-shaped', i.finalShaped),
    '',
  ];
}
