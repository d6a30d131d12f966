import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { loadIdentityConfig } from '../../src/identity/config.ts';
import { toolVersion } from '../../src/build/build.ts';
import type { Manifest } from '../../src/build/manifest.ts';
import { runPesterOn } from '../pester-runner/run-pester.ts';
import { WinePrefix, reportLines, wineAvailable } from '../cmd/wine.ts';
import { POLICY, RDP } from '../cmd/keys.ts';
import { probeAnswers } from '../cmd/probe-answers.ts';

/**
 * examples/ built end to end: its own module (examples/rdp-rescue.config.json) with the two
 * example scenarios, diagnosed by the module in Pester and by the Serial Console in Wine.
 */

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'examples');
const scratch = mkdtempSync(join(tmpdir(), 'rdprescue-examples-'));
const out = join(scratch, 'out');
let manifest: Manifest;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(async () => {
  const identity = loadIdentityConfig(
    { config: join(EXAMPLES, 'rdp-rescue.config.json') },
    toolVersion(),
  )!;
  ({ manifest } = await build({
    out,
    identity,
    scenarios: [join(EXAMPLES, 'scenarios')],
    warn: () => undefined,
  }));
}, 120_000);

describe('the example organisation build', () => {
  it('is its own module, with its name and version, and records the example files', () => {
    const psd1 = readFileSync(join(out, 'AcmeRdpRescue/AcmeRdpRescue.psd1'), 'utf8');
    expect(psd1).toContain("ModuleVersion        = '2.3.0'");
    expect(psd1).toContain("GUID                 = '6b1f0c7e-4d2a-4f58-9e3b-8a7c5d1e2f90'");
    expect(manifest.module?.name).toBe('AcmeRdpRescue');
    expect(manifest.scenarios).toEqual(
      expect.arrayContaining(['acme-agent-listener', 'acme-baseline-rdp-disabled']),
    );
    expect(manifest.scenarioFiles?.map((f) => f.path.replace(/\\/g, '/')).sort()).toEqual([
      expect.stringMatching(/examples\/scenarios\/acme-agent-listener\.ts$/),
      expect.stringMatching(/examples\/scenarios\/acme-baseline-rdp-disabled\.ts$/),
    ]);
  });

  it('diagnoses each example scenario in Pester: DETECTED when broken, CLEAR when healthy', () => {
    const outcome = runPesterOn({
      buildDir: out,
      testPath: join(import.meta.dirname, 'Examples.Tests.ps1'),
      resultXml: join(scratch, 'examples-junit.xml'),
      moduleName: 'AcmeRdpRescue',
    });
    expect(outcome.ran, 'pwsh with Pester 5 is needed (see test/pester-runner)').toBe(true);
    if (!outcome.ran) return;
    expect(outcome.counts.failed, readFileSync(outcome.resultXml, 'utf8')).toBe(0);
    expect(outcome.counts.passed).toBe(8);
  }, 300_000);
});

describe.skipIf(!wineAvailable())('the example build in a real cmd.exe (Serial Console)', () => {
  let w: WinePrefix;
  const artifact = (path: string) => readFileSync(join(out, path), 'latin1');
  const pasteBlocks = () =>
    manifest.artifacts
      .filter((a) => a.kind === 'cmd-paste' && a.role === 'diagnosis')
      .sort((a, b) => Number(a.block) - Number(b.block))
      .map((a) => artifact(a.path))
      .join('');
  const examples = (stdout: string) =>
    reportLines(stdout).filter((l) => /^RDPRESCUE acme-/.test(l));

  beforeAll(() => {
    w = new WinePrefix('org-examples').init();
  }, 300_000);

  function healthy(): void {
    w.resetShims();
    w.reg(
      `reg delete "${POLICY}" /f >nul 2>&1`,
      `reg add "${RDP}" /v PortNumber /t REG_DWORD /d 3389 /f`,
      `reg add "${RDP}" /v LoadableProtocol_Object /t REG_SZ /d {5828227c-20cf-4408-b73f-73ab70b8849f} /f`,
      `reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f`,
    );
    w.fixture('tasklist', [
      { match: 'SERVICES eq TermService', output: '"svchost.exe","1000","TermService"' },
      { match: '*', output: 'INFO: No tasks are running which match the specified criteria.' },
    ]);
    w.fixture('powershell', [
      { match: '*', output: probeAnswers(artifact('cmd/diagnose.cmd')).quiet },
    ]);
  }

  it('reports the example scenarios CLEAR on a healthy machine', () => {
    healthy();
    expect(examples(w.interactive(pasteBlocks()))).toEqual([
      'RDPRESCUE acme-agent-listener CLEAR -',
      'RDPRESCUE acme-baseline-rdp-disabled CLEAR -',
    ]);
  }, 300_000);

  it('reports them DETECTED when the agent replaced the listener and the baseline denies RDP', () => {
    healthy();
    w.reg(
      `reg add "${RDP}" /v LoadableProtocol_Object /t REG_SZ /d {0d4c1a7e-3b2f-4e6a-8c9d-5f1e2a3b4c5d} /f`,
      `reg add "${POLICY}" /v fDenyTSConnections /t REG_DWORD /d 1 /f`,
    );
    expect(examples(w.interactive(pasteBlocks()))).toEqual([
      'RDPRESCUE acme-agent-listener DETECTED acme-agent-protocol-object',
      'RDPRESCUE acme-baseline-rdp-disabled DETECTED acme-baseline-deny-ts',
    ]);
  }, 300_000);
});
