import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Artifact } from '../../src/emit/artifact.ts';
import { catalogJsonEmitter } from '../../src/emit/catalog-json/index.ts';
import { docsEmitter } from '../../src/emit/docs/index.ts';
import { LABELS } from '../../src/emit/docs/labels.ts';
import { seedLocation } from '../../src/emit/docs/sources.ts';
import { CULTURES, isSeedSource, type Catalog, type Culture } from '../../src/model/index.ts';
import { loadCatalog } from '../../src/model/load.ts';
import { fakeCmdEmitter } from './fake-cmd.ts';
import { anchor } from '../../src/emit/docs/markdown.ts';
import { AZURE_SIDE, PLACEHOLDERS } from '../../src/model/azure-side.ts';
import { repairVmEmitter } from '../../src/emit/repair-vm/index.ts';
import { upstreamIdentity } from '../../src/identity/identity.ts';

const SEEDS = join(import.meta.dirname, '../../../shared/seeds');

let catalog: Catalog;
let earlier: Artifact[];
let docs: Artifact[];

async function runDocs(extra: Artifact[] = []): Promise<Artifact[]> {
  return docsEmitter.emit({
    catalog,
    version: '9.9.9',
    identity: upstreamIdentity('9.9.9'),
    earlier: [...earlier, ...extra],
  });
}

beforeAll(async () => {
  catalog = await loadCatalog();
  const ctx = { catalog, version: '9.9.9', identity: upstreamIdentity('9.9.9'), earlier: [] };
  earlier = [
    ...(await catalogJsonEmitter.emit(ctx)),
    ...(await fakeCmdEmitter.emit(ctx)),
    ...(await repairVmEmitter.emit(ctx)),
  ];
  docs = await runDocs();
});

function doc(culture: Culture, file: string): string {
  const found = docs.find((a) => a.path === `docs/${culture}/${file}`);
  if (!found) throw new Error(`no docs/${culture}/${file}`);
  return String(found.content);
}

/** What a reader sees: Markdown escapes removed. */
function shown(markdown: string): string {
  return markdown.replace(/\\([\\`*_<>[\]|#])/g, '$1');
}

/** Every fenced code block of a Markdown text, de-indented (list items indent theirs). */
function fences(markdown: string): string[] {
  const out: string[] = [];
  const re = /^( *)(`{3,})[a-z]*\n([\s\S]*?)\n\1\2$/gm;
  for (const m of markdown.matchAll(re)) {
    const indent = m[1]!.length;
    out.push(
      m[3]!
        .split('\n')
        .map((l) => l.slice(indent))
        .join('\n'),
    );
  }
  return out;
}

const lf = (text: string | Buffer) => String(text).replace(/\r\n/g, '\n').replace(/\n$/, '');

describe('runbooks', () => {
  it('exist for every scenario, offline repair and the index, in every culture', () => {
    const expected = CULTURES.flatMap((c) => [
      ...catalog.scenarios.map((s) => `docs/${c}/${s.id}.md`),
      `docs/${c}/offline.md`,
      `docs/${c}/index.md`,
    ]);
    expect(docs.map((d) => d.path).sort()).toEqual(expected.sort());
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(['docs']));
  });

  it('carry every scenario, fix and manual step of the catalog in every culture', () => {
    for (const c of CULTURES) {
      for (const s of catalog.scenarios) {
        const text = shown(doc(c, `${s.id}.md`));
        const wanted = [
          s.title[c],
          s.summary[c],
          ...s.causes.map((x) => x[c]),
          ...s.evidence.map((e) => e.finding[c]),
          ...s.evidence.map((e) => e.check.id),
          ...s.symptoms.map((id) => catalog.symptoms.find((y) => y.id === id)!.text[c]),
          ...s.fixes.flatMap((id) => {
            const f = catalog.fixes.find((x) => x.id === id)!;
            return [f.title[c], f.description[c], f.undo.description[c], f.backup.description[c]];
          }),
          ...s.manualSteps.map((m) => m.text[c]),
        ];
        for (const w of wanted) expect(text, `${c}/${s.id}.md`).toContain(w);
      }
      const offline = shown(doc(c, 'offline.md'));
      for (const id of catalog.offline.repairs)
        expect(offline).toContain(catalog.fixes.find((f) => f.id === id)!.title[c]);
      for (const m of catalog.offline.manualSteps) expect(offline).toContain(m.text[c]);
    }
  });

  it('show security warnings, their restore text and irreversible undo reasons', () => {
    for (const c of CULTURES)
      for (const s of catalog.scenarios)
        for (const id of s.fixes) {
          const f = catalog.fixes.find((x) => x.id === id)!;
          const text = shown(doc(c, `${s.id}.md`));
          if (f.weakensSecurity) {
            expect(text).toContain(f.weakensSecurity.warning[c]);
            expect(text).toContain(f.weakensSecurity.restore[c]);
            expect(text).toContain(LABELS.securityWarning[c]);
          }
          if (f.undo.strategy === 'irreversible') expect(text).toContain(f.undo.reason[c]);
        }
  });

  it('index every symptom and every event ID of the evidence, in every culture', () => {
    for (const c of CULTURES) {
      const index = shown(doc(c, 'index.md'));
      for (const s of catalog.symptoms) expect(index).toContain(s.text[c]);
      for (const s of catalog.scenarios) {
        expect(index).toContain(`](${s.id}.md)`);
        for (const e of s.evidence)
          if (e.check.kind === 'event-query')
            for (const id of e.check.eventIds)
              expect(index).toMatch(new RegExp(`^\\| ${id} \\|.*\\]\\(${s.id}\\.md\\)`, 'm'));
      }
      expect(index).toContain('](offline.md)');
    }
  });

  it('leave no label untranslated and no placeholder unfilled', () => {
    const english = Object.values(LABELS)
      .filter((l) => l['en-US'] !== l['sv-SE'] && l['en-US'] !== l['nl-NL'])
      .flatMap((l) => l['en-US'].split(/\{\w+\}/))
      .map((part) => part.trim())
      .filter((part) => part.length >= 12);
    expect(english.length).toBeGreaterThan(20);
    for (const d of docs) {
      const text = String(d.content);
      // bcdedit's own entry identifiers ({default}) are commands, not placeholders.
      expect(text, d.path).not.toMatch(/\{(?!default\})\w+\}|undefined|\[object |NaN/);
      expect(text, `${d.path}: trailing whitespace`).not.toMatch(/[ \t]+$/m);
      if (d.path.startsWith('docs/en-US/')) continue;
      for (const part of english)
        expect(text, `${d.path} has English "${part}"`).not.toContain(part);
    }
    // And the model's own English does not leak into the other cultures.
    for (const s of catalog.scenarios)
      for (const c of CULTURES.filter((x) => x !== 'en-US'))
        expect(shown(doc(c, `${s.id}.md`))).not.toContain(s.summary['en-US']);
  });

  it('start with the Azure-side checks: the index before anything else, every other runbook by a link to them', () => {
    for (const c of CULTURES) {
      const index = doc(c, 'index.md');
      const headings = [...index.matchAll(/^## (.*)$/gm)].map((m) => shown(m[1]!));
      expect(headings[0], c).toBe(AZURE_SIDE.title[c]);
      const commands = fences(index.slice(0, index.indexOf('\n## ', index.indexOf('## ') + 3)));
      expect(commands, c).toEqual(AZURE_SIDE.checks.map((check) => check.command));
      for (const check of AZURE_SIDE.checks) expect(shown(index), c).toContain(check.reading[c]);
      const link = `](index.md#${anchor(AZURE_SIDE.title[c])})`;
      for (const file of [...catalog.scenarios.map((s) => `${s.id}.md`), 'offline.md']) {
        const text = doc(c, file);
        const firstParagraphs = text.slice(0, text.indexOf('\n## '));
        expect(firstParagraphs, `${c}/${file}`).toContain(link);
      }
    }
  });

  it('keep the Azure-side commands to the placeholders the introduction explains, in every culture', () => {
    const used = new Set(
      AZURE_SIDE.checks.flatMap((check) =>
        [...check.command.matchAll(/<[^>]+>/g)].map((m) => m[0]),
      ),
    );
    expect([...used].filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p))).toEqual([]);
    for (const c of CULTURES)
      for (const p of used) expect(AZURE_SIDE.intro[c], `${c} explains ${p}`).toContain(p);
  });

  it('show only generated commands: paste blocks, the module commands, the model manual steps', () => {
    const pastes = earlier.filter((a) => a.kind === 'cmd-paste').map((a) => lf(a.content));
    const fixCommands = catalog.fixes.flatMap((f) =>
      f.command ? [f.command + f.parameters.map((p) => ` -${p.name} <${p.name}>`).join('')] : [],
    );
    const manual = [
      ...catalog.scenarios.flatMap((s) => s.manualSteps),
      ...catalog.offline.manualSteps,
    ]
      .flatMap((m) => m.commands)
      .map((c) => lf(c.code));
    const repairVm = earlier
      .filter((a) => a.kind === 'ps-repair-vm')
      .flatMap((a) => Object.values(a.meta!['invocations'] as Record<string, string>));
    const azureSide = AZURE_SIDE.checks.map((c) => c.command);
    const allowed = new Set([...pastes, ...fixCommands, ...manual, ...repairVm, ...azureSide]);
    let count = 0;
    for (const d of docs)
      for (const block of fences(String(d.content))) {
        count++;
        expect(allowed.has(block), `${d.path}: hand-written command?\n${block}`).toBe(true);
      }
    expect(count).toBeGreaterThan(100);
  });

  it("show every paste block of a scenario's fixes and of the diagnosis, in order, in every culture", () => {
    const blocksOf = (owner: (m: Record<string, unknown>) => boolean) =>
      earlier
        .filter((a) => a.kind === 'cmd-paste' && owner(a.meta ?? {}))
        .sort((a, b) => (a.meta!['block'] as number) - (b.meta!['block'] as number))
        .map((a) => lf(a.content));
    const diagnosis = blocksOf((m) => m['role'] === 'diagnosis');
    expect(diagnosis.length).toBe(2);
    for (const c of CULTURES)
      for (const s of catalog.scenarios) {
        const expected = [
          ...diagnosis,
          ...s.fixes.flatMap((id) => blocksOf((m) => m['fix'] === id)),
        ];
        const got = fences(doc(c, `${s.id}.md`)).filter((f) => f.startsWith('@echo off'));
        expect(got, `${c}/${s.id}.md`).toEqual(expected);
        for (const a of earlier.filter(
          (x) => x.kind === 'cmd-paste' && expected.includes(lf(x.content)),
        ))
          expect(doc(c, `${s.id}.md`)).toContain(`${a.meta!['chars'] as number}`);
      }
  });

  it('list a long diagnosis by file instead of repeating it in every runbook', async () => {
    const block = (n: number, of: number): Artifact => {
      const text = `@echo off\r\nrem long diagnosis ${n} of ${of}\r\n`;
      return {
        path: `serial-console/diagnose-${n}-of-${of}.txt`,
        kind: 'cmd-paste',
        content: Buffer.from(text, 'ascii'),
        meta: { role: 'diagnosis', block: n, of, chars: text.length },
      };
    };
    const saved = earlier;
    earlier = [
      ...earlier.filter((a) => !(a.kind === 'cmd-paste' && a.meta?.['role'] === 'diagnosis')),
      ...[1, 2, 3, 4, 5].map((n) => block(n, 5)),
    ];
    try {
      const long = await runDocs();
      const text = String(long.find((d) => d.path === 'docs/nl-NL/tls-disabled.md')!.content);
      // One line, first and last file: a line per block grew every runbook with the catalog.
      expect(text).toContain(
        'Blokken 1 tot en met 5, op volgorde geplakt (190 tekens in totaal): `serial-console/diagnose-1-of-5.txt` tot en met `serial-console/diagnose-5-of-5.txt`',
      );
      expect(text).not.toContain('diagnose-2-of-5.txt');
      expect(text).not.toContain('rem long diagnosis');
      // The scenario's own fix blocks are still shown in full.
      expect(fences(text).some((f) => f.includes('fake enable-tls12-server'))).toBe(true);
    } finally {
      earlier = saved;
    }
  });

  it('name the rescue-VM batch file of every offline repair, and the one for all', () => {
    for (const c of CULTURES) {
      for (const id of catalog.offline.repairs)
        expect(doc(c, 'offline.md')).toContain('`offline/' + id + '.cmd`');
      expect(doc(c, 'offline.md')).toContain('`offline/repair-offline.cmd`');
    }
  });

  it('walk through az vm repair create, run and restore with the generated commands, in every culture', () => {
    const script = earlier.find((a) => a.kind === 'ps-repair-vm')!;
    const run = script.meta!['invocations'] as Record<string, string>;
    for (const c of CULTURES) {
      const text = doc(c, 'offline.md');
      const shownFences = fences(text);
      const at = (command: string) => shownFences.indexOf(command);
      const create = 'az vm repair create --resource-group <rg> --name <vm> --verbose';
      const restore = 'az vm repair restore --resource-group <rg> --name <vm> --verbose';
      // In order: create, diagnose, repair, undo, restore.
      const order = [create, run['diagnose']!, run['repairAll']!, run['undo']!, restore].map(at);
      expect(
        order.every((i) => i >= 0),
        `${c}: ${order.join(',')}`,
      ).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      for (const command of Object.values(run)) expect(shownFences).toContain(command);
      expect(run['diagnose']).toContain('--run-on-repair');
      expect(text).toContain(`## ${LABELS.offlineWhenTitle[c]}`);
      expect(text).toContain(LABELS.offlineWhen[c]);
      for (const id of catalog.offline.repairs) expect(text).toContain('`Repair=' + id + '`');
    }
  });

  it('say that az vm repair run needs outbound internet, and what a disk identity collision does, in every culture', () => {
    const script = earlier.find((a) => a.kind === 'ps-repair-vm')!;
    for (const c of CULTURES) {
      const text = doc(c, 'offline.md');
      const [internet] = LABELS.repairVmInternet[c].split('{command}');
      expect(text).toContain(internet!);
      expect(text).toContain(
        `--command-id RunPowerShellScript --scripts @dist-ps/${script.path} --parameters Mode=Diagnose`,
      );
      expect(text).toContain(LABELS.repairVmDiskIdentity[c]);
    }
    expect(doc('en-US', 'offline.md')).toContain('repair-script-library');
    expect(doc('en-US', 'offline.md')).toContain('Set-Disk -Number <n> -Guid');
  });

  it('say what az vm repair run shows of the status line, and that a colliding disk goes back offline and is noted for an interrupted run', () => {
    const en = doc('en-US', 'offline.md');
    // The driver appends its own [Log-End] line after the script's output and reports the
    // status as script_status (azext_vm_repair custom.py run).
    expect(en).toContain('`script_status`');
    expect(en).not.toContain('The last line of its output is');
    expect(en).toContain('takes the disk offline again');
    for (const c of CULTURES) expect(doc(c, 'offline.md')).toContain('disk-identity-pending.txt');
  });

  it('keep the offline runbook without the flow when no rescue-VM script was generated', async () => {
    const saved = earlier;
    earlier = earlier.filter((a) => a.kind !== 'ps-repair-vm');
    try {
      const bare = await runDocs();
      const text = String(bare.find((d) => d.path === 'docs/en-US/offline.md')!.content);
      expect(text).not.toContain('az vm repair run');
      expect(text).toContain(LABELS.manualSteps['en-US']);
    } finally {
      earlier = saved;
    }
  });

  it('tell how to set the variables a parameterised paste block reads', () => {
    for (const c of CULTURES) {
      const text = doc(c, 'rdp-port-conflict.md');
      expect(text).toContain(`${LABELS.setParameters[c]} \`set RR_Port=<Port>\``);
      expect(text.match(/set RR_Port=/g)).toHaveLength(1);
    }
  });

  it('say so, instead of inventing commands, when no CMD blocks were generated', async () => {
    const saved = earlier;
    earlier = earlier.filter((a) => !a.kind.startsWith('cmd-'));
    try {
      const bare = await runDocs();
      const text = String(bare.find((d) => d.path === 'docs/sv-SE/tls-disabled.md')!.content);
      expect(text).toContain(LABELS.noBlocks['sv-SE']);
      expect(fences(text).some((f) => f.startsWith('@echo off'))).toBe(false);
    } finally {
      earlier = saved;
    }
  });

  it('reject paste blocks that break the CMD contract, naming the artifact', async () => {
    const broken = (meta: Record<string, unknown>, content = 'echo x\r\n'): Artifact => ({
      path: 'serial-console/broken.txt',
      kind: 'cmd-paste',
      content,
      meta: { fix: 'enable-tls12-server', ...meta },
    });
    await expect(runDocs([broken({ of: 2 })])).rejects.toThrow(
      /serial-console\/broken\.txt.*meta\.block/,
    );
    await expect(runDocs([broken({ block: 1, of: 1, chars: 99 })])).rejects.toThrow(
      /serial-console\/broken\.txt: meta\.chars is 99 but the block has 8/,
    );
    await expect(runDocs([broken({ block: 2, of: 2, chars: 8 })])).rejects.toThrow(
      /block 1 of 1, but 2 blocks were found/,
    );
  });

  it('point every source at a heading that exists in the seed file of that culture', (ctx) => {
    if (!existsSync(SEEDS)) {
      console.warn(`SKIPPED: seeds not found at ${SEEDS}`);
      ctx.skip();
    }
    for (const c of CULTURES)
      for (const { sources } of [...catalog.scenarios, ...catalog.fixes, catalog.offline])
        for (const source of sources.filter(isSeedSource)) {
          const article = catalog.articles.find((a) => a.id === source.article)!;
          const { file, anchor } = seedLocation(article, source, c);
          const seed = readFileSync(join(SEEDS, file), 'utf8');
          const anchors = [
            ...[...seed.matchAll(/<a name="([^"]+)"><\/a>/g)].map((m) => m[1]),
            ...[...seed.matchAll(/^#+ +(.+?) *$/gm)].map((m) =>
              m[1]!
                .toLowerCase()
                .replace(/[^\p{L}\p{N}\s-]/gu, '')
                .replace(/\s/g, '-'),
            ),
          ];
          expect(anchors, `${file}: ${source.section}`).toContain(anchor);
        }
  });
});
