import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, DEFAULT_CATALOG_DIR } from '../../src/model/load.ts';
import { cmdEmitter } from '../../src/emit/cmd/index.ts';
import { upstreamIdentity } from '../../src/identity/identity.ts';

/**
 * The backup root line of set-rdp-port.cmd run by pwsh, with stand-ins for what only Windows
 * has (ACLs, folder creation): which folders it renames aside or creates, and whether it
 * answers Y. What a standard user can pre-create under ProgramData is the input.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PWSH = join(ROOT, '.cache', 'dotnet-tools', 'pwsh');
const STAND_INS = join(ROOT, 'test', 'cmd', 'backup-root-stand-ins.ps1');
let line = '';

beforeAll(async () => {
  const catalog = await loadCatalog(DEFAULT_CATALOG_DIR);
  const artifacts = await cmdEmitter.emit({
    catalog,
    version: 'test',
    identity: upstreamIdentity('test'),
    earlier: [],
  });
  const batch = artifacts.find((a) => a.path === 'cmd/set-rdp-port.cmd')!.content.toString();
  const found = /powershelL -nop -noni -c "(\$ErrorActionPreference[^"]*\$p=Split-Path[^"]*)"/.exec(
    batch,
  );
  line = (found?.[1] ?? '')
    .replace(
      /\$s=New-Object Security\.AccessControl\.DirectorySecurity;\$s\.SetSecurityDescriptorSddlForm\('[^']*'\)/,
      '$s=1',
    )
    .replace('([IO.DirectoryInfo]$d).Create($s)', 'New-Protected $d');
});

/** Runs the line after `setup` (PowerShell filling $global:fs); what it did, and its answer. */
function protect(setup: string): { did: string[]; answer: string } {
  const script = `. '${STAND_INS}'\n${setup}\n$a=& {${line}}\n$global:did;'answer:'+$a`;
  const r = spawnSync(PWSH, ['-NoProfile', '-NonInteractive', '-Command', script], {
    encoding: 'utf8',
  });
  const out = r.stdout.trim().split(/\r?\n/);
  return { did: out.slice(0, -1), answer: out[out.length - 1]!.replace('answer:', '') };
}

const P = 'C:\\PD\\RdpRescue';
const R = `${P}\\backup`;
const item = (path: string, owner: string, rules: string, attributes = 'Directory') =>
  `$global:fs['${path}']=(Item '${owner}' @(${rules}) '${attributes}')`;
const ADMINS = "(Rule 'S-1-5-32-544' 'FullControl')";

describe.skipIf(!existsSync(PWSH))(
  'the backup root line (rename aside, never change what a user made)',
  () => {
    it('is in the generated batch file', () => expect(line).toContain('k $p $w;k $r -1'));

    it('creates parent and root when neither exists, and answers Y', () => {
      expect(protect('')).toEqual({ did: [`created ${P}`, `created ${R}`], answer: 'Y' });
    });

    it("keeps a parent made by an administrator's md (Users may add folders, CREATOR OWNER) and a protected root", () => {
      const parent = item(
        P,
        'S-1-5-32-544',
        `${ADMINS},(Rule 'S-1-5-32-545' 'ReadAndExecute, Write'),(Rule 'S-1-3-0' 'FullControl')`,
      );
      expect(protect(`${parent};${item(R, 'S-1-5-18', ADMINS)}`)).toEqual({ did: [], answer: 'Y' });
    });

    it('renames aside a parent a standard user owns, one Users may delete, or one administrators may not read, and makes both anew', () => {
      for (const parent of [
        item(P, 'unreadable', ADMINS),
        item(P, 'S-1-5-21-1-2-3-1001', ADMINS),
        item(P, 'S-1-5-32-544', "(Rule 'S-1-5-32-545' 'Delete')"),
      ])
        expect(protect(`${parent};${item(R, 'S-1-5-32-544', ADMINS)}`)).toEqual({
          did: [`moved ${P}`, `created ${P}`, `created ${R}`],
          answer: 'Y',
        });
    });

    it('renames aside a root that is a junction, however trusted its target looks', () => {
      const setup = `${item(P, 'S-1-5-32-544', ADMINS)};${item(R, 'S-1-5-18', ADMINS, 'Directory, ReparsePoint')}`;
      expect(protect(setup)).toEqual({ did: [`moved ${R}`, `created ${R}`], answer: 'Y' });
    });

    it('answers nothing (refused) when the fix folder or undo.cmd is not trusted, changing neither', () => {
      const base = `${item(P, 'S-1-5-32-544', ADMINS)};${item(R, 'S-1-5-32-544', ADMINS)}`;
      for (const bad of [
        item(`${R}\\fix`, 'S-1-5-21-1-2-3-1001', ADMINS),
        item(`${R}\\fix`, 'S-1-5-32-544', ADMINS, 'Directory, ReparsePoint'),
        item(
          `${R}\\fix\\undo.cmd`,
          'S-1-5-32-544',
          `${ADMINS},(Rule 'S-1-5-32-545' 'Read')`,
          'Archive',
        ),
      ])
        expect(protect(`${base};${bad}`)).toEqual({ did: [], answer: '' });
    });
  },
);
