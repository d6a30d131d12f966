import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, DEFAULT_CATALOG_DIR } from '../../src/model/load.ts';
import { cmdEmitter } from '../../src/emit/cmd/index.ts';
import type { Artifact } from '../../src/emit/artifact.ts';
import { WinePrefix, wineAvailable } from './wine.ts';
import { scQuery } from './sc-query.ts';
import { upstreamIdentity } from '../../src/identity/identity.ts';

/** The backup root read-back (backup-root.ts) answering that the root is protected. */
export const ROOT_PROTECTED = { match: '$r=$env:RRR', output: 'Y' };

/** A Wine prefix plus the generated fix blocks, for the fix test files. */
export class FixSession {
  artifacts: Artifact[] = [];
  w!: WinePrefix;

  async start(prefix: string): Promise<void> {
    const catalog = await loadCatalog(DEFAULT_CATALOG_DIR);
    this.artifacts = await cmdEmitter.emit({
      catalog,
      version: 'test',
      identity: upstreamIdentity('test'),
      earlier: [],
    });
    if (!wineAvailable()) return;
    // sc is always a shim: Wine's own sc config fails, and its sc query prints another layout.
    this.w = new WinePrefix(prefix).init({ shimSc: true });
    // Windows would find the backup root it has just protected: Wine has no ACLs.
    this.w.standing.powershell = [ROOT_PROTECTED];
    // A service stopped by net stop reads back STOPPED (a test that needs it running says so).
    this.w.standing.sc = [{ match: 'query', output: scQuery('Service', 1) }];
    this.w.resetShims();
    rmSync(join(this.w.prefix, 'drive_c', 'ProgramData', 'RdpRescue'), {
      recursive: true,
      force: true,
    });
  }

  /**
   * Every paste block of a fix, in order, as one paste session; a fix that lowers security is
   * confirmed first the way its blocks' meta says (what the runbooks show), unless told not to.
   */
  blocks(fix: string, { confirmed = true } = {}): string {
    const blocks = this.artifacts
      .filter((a) => a.kind === 'cmd-paste' && a.meta?.fix === fix)
      .sort((a, b) => Number(a.meta!.block) - Number(b.meta!.block));
    const confirm = blocks[0]?.meta?.confirm;
    const first = confirmed && typeof confirm === 'string' ? `${confirm}\r\n` : '';
    return first + blocks.map((a) => a.content.toString('latin1')).join('');
  }

  /** The diagnosis blocks, in order, as one paste session. */
  diagnosis(): string {
    return this.artifacts
      .filter((a) => a.kind === 'cmd-paste' && a.meta?.role === 'diagnosis')
      .sort((a, b) => Number(a.meta!.block) - Number(b.meta!.block))
      .map((a) => a.content.toString('latin1'))
      .join('');
  }

  /** diagnose.cmd as built, e.g. for the names its PowerShell probes print. */
  diagnoseCmd(): string {
    return this.artifacts.find((a) => a.path === 'cmd/diagnose.cmd')!.content.toString('latin1');
  }

  /**
   * The fix's .cmd file run as a batch file (cmd /c) from a fresh backup folder; a fix that
   * lowers security gets its confirmation argument last, unless told not to.
   */
  batch(fix: string, args: string[] = [], { confirmed = true } = {}) {
    rmSync(this.backupDir(fix), { recursive: true, force: true });
    const file = this.artifacts.find((a) => a.path === `cmd/${fix}.cmd`)!;
    // meta.confirm is the command line the runbooks show: its last word is the argument.
    const confirm = file.meta?.confirm;
    const extra = confirmed && typeof confirm === 'string' ? [confirm.split(' ').at(-1)!] : [];
    const result = this.w.batch(this.w.put(`${fix}.cmd`, file.content), [...args, ...extra]);
    return { ...result, applied: result.stdout.includes(`RDPRESCUE ${fix} applied`) };
  }

  backupDir(fix: string): string {
    return join(this.w.prefix, 'drive_c', 'ProgramData', 'RdpRescue', 'backup', fix);
  }
}

export const undo = (fix: string) => `call "%ProgramData%\\RdpRescue\\backup\\${fix}\\undo.cmd"`;
export const read = (file: string) => (existsSync(file) ? readFileSync(file, 'latin1') : '');
