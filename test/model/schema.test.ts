import { describe, expect, it } from 'vitest';
import { CatalogError, validateCatalog, type CatalogPart } from '../../src/model/index.ts';
import { loadCatalog } from '../../src/model/load.ts';

/** The real catalog as parts, so each test breaks exactly one thing in an otherwise valid catalog. */
async function realParts(): Promise<CatalogPart[]> {
  const catalog = await loadCatalog();
  return [
    { kind: 'articles', file: 'articles.ts', data: structuredClone(catalog.articles) },
    { kind: 'symptoms', file: 'symptoms.ts', data: structuredClone(catalog.symptoms) },
    { kind: 'offline', file: 'offline.ts', data: structuredClone(catalog.offline) },
    ...catalog.fixes.map((f): CatalogPart => ({
      kind: 'fix',
      file: `fixes/${f.id}.ts`,
      data: structuredClone(f),
    })),
    ...catalog.scenarios.map((s): CatalogPart => ({
      kind: 'scenario',
      file: `scenarios/${s.id}.ts`,
      data: structuredClone(s),
    })),
  ];
}

function problemsOf(parts: CatalogPart[]): string {
  try {
    validateCatalog(parts);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as CatalogError).message;
  }
  throw new Error('the catalog was accepted');
}

function scenario(parts: CatalogPart[], id: string): Record<string, any> {
  return parts.find((p) => p.kind === 'scenario' && (p.data as { id: string }).id === id)!
    .data as any;
}
function fix(parts: CatalogPart[], id: string): Record<string, any> {
  return parts.find((p) => p.kind === 'fix' && (p.data as { id: string }).id === id)!.data as any;
}

describe('catalog validation', () => {
  it('accepts the real catalog', async () => {
    const parts = await realParts();
    expect(() => validateCatalog(parts)).not.toThrow();
  });

  it('names file, subject and field of a missing translation', async () => {
    const parts = await realParts();
    delete scenario(parts, 'tls-disabled').title['sv-SE'];
    expect(problemsOf(parts)).toContain(
      "scenarios/tls-disabled.ts: scenario 'tls-disabled': title.sv-SE:",
    );
  });

  it('rejects an empty translation', async () => {
    const parts = await realParts();
    fix(parts, 'set-rdp-port').title['zh-TW'] = '   ';
    expect(problemsOf(parts)).toMatch(
      /fixes\/set-rdp-port\.ts: fix 'set-rdp-port': title\.zh-TW: translation is empty/,
    );
  });

  it('rejects an unknown check kind and says where', async () => {
    const parts = await realParts();
    scenario(parts, 'rdp-port-conflict').evidence[0].check.kind = 'ping';
    expect(problemsOf(parts)).toMatch(
      /scenarios\/rdp-port-conflict\.ts: scenario 'rdp-port-conflict': evidence\[0\]\.check\.kind:/,
    );
  });

  it('rejects a fix without undo', async () => {
    const parts = await realParts();
    delete fix(parts, 'enable-tls12-server').undo;
    expect(problemsOf(parts)).toMatch(/fix 'enable-tls12-server': undo:/);
  });

  it('rejects an irreversible undo without a reason', async () => {
    const parts = await realParts();
    fix(parts, 'enable-tls12-server').undo.strategy = 'irreversible';
    expect(problemsOf(parts)).toMatch(/fix 'enable-tls12-server': undo\.reason:/);
  });

  it('rejects duplicate scenario ids and duplicate check ids', async () => {
    const parts = await realParts();
    const copy = structuredClone(scenario(parts, 'tls-disabled'));
    parts.push({ kind: 'scenario', file: 'scenarios/copy.ts', data: copy });
    const message = problemsOf(parts);
    expect(message).toContain(
      "scenarios/copy.ts: scenario 'tls-disabled': id: duplicate scenario id 'tls-disabled'",
    );
    expect(message).toContain("duplicate check id 'ev-schannel-credential'");
  });

  it('rejects references to unknown fixes, symptoms and checks', async () => {
    const parts = await realParts();
    scenario(parts, 'rdp-cert-invalid').fixes.push('no-such-fix');
    scenario(parts, 'rdp-cert-invalid').symptoms.push('no-such-symptom');
    fix(parts, 'set-rdp-port').verify.checks.push('no-such-check');
    const message = problemsOf(parts);
    expect(message).toContain("fixes[3]: unknown fix 'no-such-fix'");
    expect(message).toContain("symptoms[2]: unknown symptom 'no-such-symptom'");
    expect(message).toContain(
      "fix 'set-rdp-port': verify.checks[1]: unknown check 'no-such-check'",
    );
  });

  it('takes only event checks as the events a fix answers', async () => {
    const parts = await realParts();
    fix(parts, 'renew-rdp-self-signed-cert').neededWhenEvents.push(
      'rdp-cert-store',
      'no-such-check',
    );
    const message = problemsOf(parts);
    expect(message).toContain(
      "fixes/renew-rdp-self-signed-cert.ts: fix 'renew-rdp-self-signed-cert': neededWhenEvents[2]: check 'rdp-cert-store' is a certificate-store check, not an event check",
    );
    expect(message).toContain("neededWhenEvents[3]: unknown check 'no-such-check'");
  });

  it('rejects account names where a SID is required', async () => {
    const parts = await realParts();
    fix(parts, 'reset-machinekeys-acl').operations[1].grants[0].sid = 'NT AUTHORITY\\System';
    expect(problemsOf(parts)).toMatch(/operations\[1\]\.grants\[0\]\.sid: must be a SID/);
  });

  it('rejects provider names padded with spaces (the seed defect)', async () => {
    const parts = await realParts();
    scenario(parts, 'broker-hostname').evidence[1].check.provider =
      ' Microsoft-Windows-TerminalServices-SessionBroker ';
    expect(problemsOf(parts)).toMatch(
      /evidence\[1\]\.check\.provider: must not start or end with spaces/,
    );
  });

  it('rejects an operation that uses an undeclared parameter', async () => {
    const parts = await realParts();
    fix(parts, 'set-rdp-port').parameters = [];
    expect(problemsOf(parts)).toContain(
      "fix 'set-rdp-port': operations[0].data: parameter 'Port' is not declared",
    );
  });

  it('rejects a parameterised fix that is not opt-in', async () => {
    const parts = await realParts();
    fix(parts, 'set-rdp-cert-binding').optIn = false;
    expect(problemsOf(parts)).toContain(
      "fix 'set-rdp-cert-binding': optIn: a fix that takes parameters must be optIn",
    );
  });

  it('rejects an offline fix used by a scenario, and an online fix used offline', async () => {
    const parts = await realParts();
    scenario(parts, 'tls-disabled').fixes.push('offline-enable-tls12');
    (parts.find((p) => p.kind === 'offline')!.data as any).repairs.push('set-rdp-port');
    const message = problemsOf(parts);
    expect(message).toContain("fix 'offline-enable-tls12' is an offline fix");
    expect(message).toContain(
      "offline.ts: offline: repairs[8]: fix 'set-rdp-port' is not an offline fix",
    );
  });

  it('rejects a fix command with an unapproved verb', async () => {
    const parts = await realParts();
    fix(parts, 'set-rdp-port').command = 'Change-RdpPort';
    expect(problemsOf(parts)).toMatch(
      /fix 'set-rdp-port': command: must be <ApprovedVerb>-Rdp<Noun>/,
    );
  });
});
