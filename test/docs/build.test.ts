import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import type { ManifestEntry } from '../../src/build/manifest.ts';
import { LABELS } from '../../src/emit/docs/labels.ts';
import { CULTURES } from '../../src/model/index.ts';

/** The real build with every registered emitter: whatever CMD and module it makes, the docs show. */
let out: string;
let artifacts: ManifestEntry[];
const read = (path: string) => readFileSync(join(out, path), 'utf8');
const lf = (text: string) => text.replace(/\r\n/g, '\n').replace(/\n$/, '');

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'rdprescue-docs-')), 'dist');
  ({
    manifest: { artifacts },
  } = await build({ out }));
});
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

describe('the real build', () => {
  it('lists the runbooks and the page in the manifest', () => {
    const docs = artifacts.filter((a) => a.kind === 'docs').map((a) => a.path);
    for (const c of CULTURES) {
      expect(docs).toContain(`docs/${c}/index.md`);
      expect(docs).toContain(`docs/${c}/offline.md`);
    }
    expect(artifacts.find((a) => a.path === 'index.html')?.kind).toBe('page');
  });

  it('shows every paste block the CMD emitter generated (so docs run after it)', () => {
    const pastes = artifacts.filter((a) => a.kind === 'cmd-paste');
    const runbooks = (c: string) =>
      artifacts
        .filter((a) => a.kind === 'docs' && a.path.startsWith(`docs/${c}/`))
        .map((a) => read(a.path))
        .join('\n');
    if (pastes.length === 0) {
      console.warn('NOTE: no CMD emitter is registered yet; runbooks say no paste blocks exist.');
      expect(read('docs/en-US/tls-disabled.md')).toContain(LABELS.noBlocks['en-US']);
      return;
    }
    for (const c of CULTURES) {
      const all = runbooks(c);
      for (const p of pastes) expect(all, `${c}: ${p.path}`).toContain(lf(read(p.path)));
    }
    const html = read('index.html');
    for (const p of pastes) expect(html).toContain(p.path);
  });

  it('names only module commands the generated module exports', () => {
    const psd1 = artifacts.find((a) => a.path.endsWith('RdpRescue.psd1'));
    if (!psd1) {
      console.warn('NOTE: no PowerShell module in this build; runbooks show fix commands only.');
      return;
    }
    const exported = new Set(
      [...read(psd1.path).matchAll(/'([A-Z][a-z]+-Rdp\w+)'/g)].map((m) => m[1]),
    );
    for (const a of artifacts.filter((x) => x.kind === 'docs')) {
      const blocks = [...read(a.path).matchAll(/```powershell\n([A-Z][a-z]+-Rdp\w+)/g)];
      for (const [, command] of blocks)
        expect(exported, `${a.path}: ${command}`).toContain(command);
    }
    expect(read('docs/en-US/tls-disabled.md')).toContain(
      'Invoke-RdpDiagnosis -Scenario tls-disabled',
    );
  });
});
