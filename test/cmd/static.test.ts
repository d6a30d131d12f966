import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, DEFAULT_CATALOG_DIR } from '../../src/model/load.ts';
import type { Catalog } from '../../src/model/index.ts';
import { cmdEmitter, PASTE_LIMIT } from '../../src/emit/cmd/index.ts';
import { batchProgram, pasteProgram } from '../../src/emit/cmd/fix/script.ts';
import { Namer, hardenedText, printLines } from '../../src/emit/cmd/syntax/index.ts';
import { lit, renderScript, repeatedPairs, v } from '../../src/emit/cmd/script.ts';
import type { Artifact } from '../../src/emit/artifact.ts';
import { upstreamIdentity } from '../../src/identity/identity.ts';

let catalog: Catalog;
let artifacts: Artifact[];

beforeAll(async () => {
  catalog = await loadCatalog(DEFAULT_CATALOG_DIR);
  artifacts = await cmdEmitter.emit({
    catalog,
    version: 'test',
    identity: upstreamIdentity('test'),
    earlier: [],
  });
});

const text = (a: Artifact) => a.content.toString('latin1');
const pastes = () => artifacts.filter((a) => a.kind === 'cmd-paste');
/**
 * The commands of a script without the text they echo: a warning may say "more" and the
 * guidance to undo by hand quotes a `reg add`, neither of which runs.
 */
const commands = (t: string) => t.replace(/\becho [^&\r\n]*/gi, 'echo');

describe('static constraints of every generated block and file', () => {
  it('produces a diagnosis, blocks for every online fix, and offline scripts for every repair', () => {
    expect(pastes().some((a) => a.meta?.role === 'diagnosis')).toBe(true);
    for (const fix of catalog.fixes.filter((f) => f.scope === 'online')) {
      const blocks = pastes().filter((a) => a.meta?.fix === fix.id);
      expect(blocks.length, fix.id).toBeGreaterThan(0);
      expect(blocks.map((b) => b.meta?.block)).toEqual(blocks.map((_, i) => i + 1));
      expect(artifacts.some((a) => a.path === `cmd/${fix.id}.cmd`)).toBe(true);
    }
    for (const id of catalog.offline.repairs)
      expect(artifacts.some((a) => a.path === `offline/${id}.cmd`)).toBe(true);
  });

  it('never takes owners or sets permissions under the backup root (takeown and icacls follow a junction a standard user planted there)', () => {
    const online = artifacts.filter((a) => a.kind === 'cmd-paste' || a.path.startsWith('cmd/'));
    for (const a of online) {
      const t = text(a);
      expect(/\b(takeown|icacls)\b[^\r\n&]*%RrR%/i.test(t), a.path).toBe(false);
      if (/%RrR%/.test(t) && /block 1\/|^setlocal/m.test(t)) {
        // The root and its parent are read back, reparse points refused, before anything.
        expect(t, a.path).toMatch(/\$p=Split-Path \$r;/);
        expect(t, a.path).toContain('($e.Attributes -band 1024)');
        // No ! either: with delayed expansion on (registry) cmd would eat the text between two.
        expect(
          t.split(/\r?\n/).find((l) => l.includes('$p=Split-Path $r;')),
          a.path,
        ).not.toContain('!');
      }
    }
  });

  it('changes owners and permissions with icacls /l, never through a junction or symbolic link everyone may create in MachineKeys', () => {
    const online = artifacts.filter((a) => a.kind === 'cmd-paste' || a.path.startsWith('cmd/'));
    for (const a of online)
      for (const line of text(a).match(/\bicacls\b[^&\r\n]*\/(setowner|grant)\b[^&\r\n]*/gi) ?? [])
        expect(line, a.path).toMatch(/ \/l\b/i);
  });

  it('keeps every paste block within 2,048 characters, CRLFs included', () => {
    for (const a of pastes()) {
      expect(text(a).length, a.path).toBeLessThanOrEqual(PASTE_LIMIT);
      expect(a.meta?.chars).toBe(text(a).length);
    }
  });

  it('writes printable ASCII with CRLF line ends only: no tabs, no ANSI escapes, no bare LF', () => {
    for (const a of artifacts) {
      const t = text(a);
      expect(/[^\x20-\x7e\r\n]/.test(t), a.path).toBe(false);
      expect(t.endsWith('\r\n'), a.path).toBe(true);
      expect(
        t.replace(/\r\n/g, '').includes('\n') || t.replace(/\r\n/g, '').includes('\r'),
        a.path,
      ).toBe(false);
    }
  });

  it('reports the repeated-character pairs left in each block', () => {
    for (const a of artifacts) expect(a.meta?.repeatedPairs, a.path).toBe(repeatedPairs(text(a)));
  });

  it('leaves no two identical adjacent letters in the case-insensitive parts', () => {
    // The diagnosis is printed by the CMD syntax tree: see diagnosis.test.ts.
    let hardened = 0;
    // The fixes, printed by the syntax tree's printer: check its chunks' flags.
    for (const fix of catalog.fixes.filter((f) => f.scope === 'online')) {
      const paste = pasteProgram(fix, catalog);
      const at = { block: 1, of: 2 };
      const statements = {
        paste: [
          ...paste.prologue(at),
          ...paste.steps.flat(),
          ...paste.footer,
          ...paste.epilogue(at),
        ],
        batch: batchProgram(fix, catalog, 'test'),
      };
      for (const dialect of ['paste', 'batch'] as const)
        for (const line of printLines(statements[dialect], { dialect, namer: new Namer() })) {
          const text = hardenedText(line);
          const ci = line.flatMap((c) => [...c.text].map(() => c.ci));
          for (let i = 1; i < text.length; i++) {
            const same = text[i] === text[i - 1] && /[A-Za-z]/.test(text[i]!);
            if (same && (ci[i] || ci[i - 1]))
              throw new Error(`${fix.id}: "${text.slice(i - 20, i + 20)}" keeps a doubled letter`);
          }
          hardened += (text.match(/CurRentControlSet/g) ?? []).length;
        }
    }
    expect(hardened).toBeGreaterThan(0);
  });

  it('hardening alternates case outside literals only, and for variables follow the dialect', () => {
    const line = `reg query "HKLM\\SYSTEM\\CurrentControlSet" /v ${lit('"Connection"')} & for ${v('a')} in (x) do echo ${v('a', '~')}`;
    expect(renderScript([line], 'paste').text).toBe(
      'reg query "HKLM\\SYSTEM\\CurRentControlSet" /v "Connection" & for %a in (x) do echo %~a',
    );
    expect(renderScript([line], 'batch').text).toContain('for %%a in (x) do echo %%~a');
  });

  it('follows the interactive rules in paste blocks: single %, no labels, goto, setlocal or prompts', () => {
    for (const a of pastes()) {
      const t = commands(text(a));
      expect(/%%[a-z~]/i.test(t), a.path).toBe(false);
      expect(/^\s*:/m.test(t), a.path).toBe(false);
      expect(/\b(goto|setlocal|pause|choice|timeout|more)\b|set \/p/i.test(t), a.path).toBe(false);
      // takeown prompts (a localized Y/N) only when recursing: /r, answered by /d.
      expect(/\btakeown\b[^\r\n&]*\/[rd]\b/i.test(t), a.path).toBe(false);
    }
    for (const a of artifacts.filter((x) => x.kind !== 'cmd-paste'))
      expect(/ in \(.*\) do /.test(text(a)) ? /%%[a-z]/.test(text(a)) : true, a.path).toBe(true);
  });

  it('defines every named text a paste block uses before it (diagnosis: in an earlier block)', () => {
    const definitions = (t: string) =>
      new Set([...t.matchAll(/^set "(_[0-9a-z]+)=/gim)].map((m) => m[1]!.toLowerCase()));
    const owners = new Map<string, Artifact[]>();
    for (const a of pastes()) {
      const owner = String(a.meta?.fix ?? a.meta?.role);
      owners.set(owner, [...(owners.get(owner) ?? []), a]);
    }
    let checked = 0;
    for (const [owner, blocks] of owners) {
      // Names that hold named text, in any block of this owner.
      const named = new Set(blocks.flatMap((a) => [...definitions(text(a))]));
      const known = new Set<string>();
      for (const a of blocks.sort((x, y) => Number(x.meta!.block) - Number(y.meta!.block))) {
        if (owner !== 'diagnosis') known.clear();
        for (const line of text(a).split('\r\n')) {
          for (const m of line.matchAll(/%(_[0-9a-z]+)%/gi)) {
            const name = m[1]!.toLowerCase();
            if (!named.has(name)) continue;
            expect(known.has(name), `${a.path} uses ${name} before defining it`).toBe(true);
            checked++;
          }
          const d = /^set "(_[0-9a-z]+)=/i.exec(line);
          if (d) known.add(d[1]!.toLowerCase());
        }
      }
    }
    // Registry keys are held in variables now, so fewer texts repeat enough to be named; the
    // diagnosis blocks are a transfer of diagnose.cmd and name no text: fix blocks only.
    expect(checked).toBeGreaterThan(15);
  });

  it('writes no "!" anywhere: delayed expansion, on where the registry turns it on (Command Processor\\DelayedExpansion), deletes the text between two of them', () => {
    const cmd = artifacts.filter((a) => a.kind === 'cmd-paste' || a.kind === 'cmd-batch');
    expect(cmd.length).toBeGreaterThan(50);
    for (const a of cmd) expect(text(a).includes('!'), a.path).toBe(false);
  });

  it("guards every value change by that value's own saved marker", () => {
    let checked = 0;
    for (const a of pastes().filter((x) => x.meta?.fix)) {
      const t = text(a).toLowerCase();
      for (const m of commands(t).matchAll(/^.*reg add .* \/v (\S+) .*$/gm)) {
        expect(t, `${a.path}: ${m[1]}`).toContain(`-${m[1]}.seen`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('undoes registry values one by one: only the certificate store is imported whole (review 15b F3)', () => {
    const importers = new Set<string>();
    let undoLines = 0;
    for (const a of artifacts.filter((x) => x.kind === 'cmd-paste' || x.kind === 'cmd-batch')) {
      for (const line of text(a).split('\r\n')) {
        if (!/undo\.cmd" echo /i.test(line)) continue;
        undoLines++;
        if (/undo\.cmd" echo reg import/i.test(line)) importers.add(String(a.meta?.fix ?? a.path));
      }
    }
    expect(undoLines).toBeGreaterThan(50);
    // remove-self-signed-certificates: importing the store's export brings back the deleted
    // certificates' subkeys and touches nothing else.
    expect([...importers]).toEqual(['renew-rdp-self-signed-cert']);
  });

  it('ends every paste block with a line saying it ran to its end', () => {
    for (const a of pastes().filter((x) => x.meta?.fix))
      expect(text(a), a.path).toMatch(
        new RegExp(
          `echo RDPRESCUE ${String(a.meta!.fix)} block ${a.meta!.block}/${a.meta!.of} done\r\n@echo on\r\n$`,
        ),
      );
  });

  it('uses SIDs and language-neutral names, never translated accounts', () => {
    // A service's logon account is the one place an account is named: sc config obj= and the
    // ObjectName read-back take the built-in ones by their fixed, untranslated names.
    const all = artifacts
      .map(text)
      .join('\n')
      .replace(/(obj= "|REG_SZ:|\/d ")NT Authority\\(LocalService|NetworkService)/g, '$1<account>');
    expect(all).not.toMatch(/NT AUTHORITY|BUILTIN\\|Administrators:|SYSTEM:\(/i);
    expect(all).toMatch(/\*S-1-5-18:\(F\)/);
    expect(all).toMatch(/\/setowner \*S-1-5-32-544/i);
    expect(all).not.toMatch(/SYSTEM\.hiv/i);
    expect(all).not.toMatch(/BOOT LOADER IDENTIFIER/i);
  });
});
