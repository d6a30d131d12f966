import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'rdprescue-team-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/rdp-rescue.js'), ...args], {
    encoding: 'utf8',
    cwd: scratch,
  });
}

/** A team folder holding the given files (name -> TypeScript source). */
function team(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'team-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A valid team scenario with only en-US text; `edit` changes its source text. */
function scenario(id: string, edit: (text: string) => string = (t) => t): string {
  return edit(`import { defineScenario } from 'rdp-rescue';

export default defineScenario({
  id: '${id}',
  title: { 'en-US': 'Agent replaced the listener' },
  summary: { 'en-US': 'The listener protocol was replaced.' },
  symptoms: ['cannot-connect'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: '${id}-check',
        key: 'HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\Terminal Server\\\\WinStations\\\\RDP-Tcp',
        name: 'LoadableProtocol_Object',
        firesWhen: { op: 'not-equals', value: '{5828227c-20cf-4408-b73f-73ab70b8849f}' },
      },
      finding: { 'en-US': 'Another protocol object is loaded.' },
    },
  ],
  causes: [{ 'en-US': 'An agent replaced it.' }],
  manualSteps: [{ id: 'reinstall', text: { 'en-US': 'Uninstall the agent.' } }],
  sources: [{ article: 'internal-error', section: 'Prepare a backup of the affected VM' }],
});
`);
}

describe('rdp-rescue build --scenarios', () => {
  it('a type error exits 2 with path:line:col and leaves the old output untouched', () => {
    const out = join(scratch, 'out-typed');
    mkdirSync(out);
    writeFileSync(join(out, 'old.txt'), 'previous build');
    const dir = team({
      'agent.ts': scenario('acme-agent', (t) => t.replace("role: 'primary'", "role: 'primay'")),
    });
    const result = cli('build', '--out', out, '--scenarios', dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/team-\w+\/agent\.ts:10:7 Type '"primay"' is not assignable/);
    expect(readFileSync(join(out, 'old.txt'), 'utf8')).toBe('previous build');
  });

  it('a zod error exits 2 naming the file and the field', () => {
    const dir = team({ 'agent.ts': scenario('Acme_Agent') });
    const result = cli('list', '--scenarios', dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/agent\.ts: scenario 'Acme_Agent': id: must be lower-case kebab/);
  });

  it('an id colliding with a built-in names both files, unless the file replaces it', () => {
    const clash = cli('list', '--scenarios', team({ 'tls.ts': scenario('tls-disabled') }));
    expect(clash.status).toBe(2);
    expect(clash.stderr).toMatch(
      /tls\.ts: scenario 'tls-disabled': id: collides with the built-in scenario in \S*src\/model\/catalog\/scenarios\/tls-disabled\.ts/,
    );
    // No built-in fix verifies broker-hostname's checks, so a replacement may use its own ids.
    const replacing = scenario('broker-hostname', (t) =>
      t.replace("id: 'broker-hostname',", "id: 'broker-hostname',\n  replaces: 'broker-hostname',"),
    );
    const replaced = cli('list', '--json', '--scenarios', team({ 'broker.ts': replacing }));
    expect(replaced.status, replaced.stderr).toBe(0);
    const ids = (JSON.parse(replaced.stdout) as { id: string; file: string }[]).filter(
      (r) => r.id === 'broker-hostname',
    );
    expect(ids).toHaveLength(1);
    expect(ids[0]!.file).toMatch(/broker\.ts$/);
  });

  it('an id defined by two team files names both', () => {
    const dir = team({ 'a.ts': scenario('acme-agent'), 'b.ts': scenario('acme-agent') });
    const result = cli('list', '--scenarios', dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /b\.ts: scenario 'acme-agent': id: the same scenario id is defined in .*a\.ts/,
    );
  });

  it('a default export not made by defineScenario/defineFix is refused', () => {
    const dir = team({ 'plain.ts': 'export default { id: "x" };\n' });
    const result = cli('list', '--scenarios', dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'plain.ts: file: (root): the default export must be defineScenario',
    );
  });

  it('missing cultures fall back to en-US with one warning per culture; list shows the scenario', () => {
    const dir = team({ 'agent.ts': scenario('acme-agent') });
    const result = cli('list', '--json', '--scenarios', dir);
    expect(result.status, result.stderr).toBe(0);
    const warnings = result.stderr.trim().split('\n');
    expect(warnings).toHaveLength(3);
    for (const c of ['sv-SE', 'nl-NL', 'zh-TW'])
      expect(warnings.filter((w) => w.endsWith(`no ${c} text; using en-US`))).toHaveLength(1);
    const rows = JSON.parse(result.stdout) as {
      id: string;
      checks: { id: string }[];
      fixes: string[];
    }[];
    expect(rows.map((r) => r.id)).toContain('tls-disabled');
    const agent = rows.find((r) => r.id === 'acme-agent')!;
    expect(agent.checks.map((c) => c.id)).toEqual(['acme-agent-check']);
  });

  it('new scenario writes a starter that builds at once; the manifest records it with its SHA-256', () => {
    const dir = mkdtempSync(join(scratch, 'starter-'));
    const created = cli('new', 'scenario', 'acme-agent', '--dir', dir);
    expect(created.status, created.stderr).toBe(0);
    const file = join(dir, 'acme-agent.ts');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^import \{ defineScenario \} from 'rdp-rescue';/);
    expect(text).toContain('// EVIDENCE:');
    expect(text).toContain('// FIXES:');
    const out = join(scratch, 'out-starter');
    const built = cli('build', '--out', out, '--scenarios', dir);
    expect(built.status, built.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.scenarios).toContain('acme-agent');
    expect(manifest.scenarioFiles).toEqual([
      {
        path: relative(scratch, file),
        sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
      },
    ]);
    expect(cli('new', 'scenario', 'acme-agent', '--dir', dir).status).toBe(2);
  });
});
