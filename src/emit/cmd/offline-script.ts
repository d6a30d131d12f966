import type { Fix } from '../../model/index.ts';
import {
  Name,
  block,
  defined,
  echo,
  errToNul,
  exist,
  id,
  not,
  q,
  quiet,
  ref,
  run,
  seq,
  set,
  text,
  touch,
  when,
  type Command,
  type Part,
  type WordLike,
} from './syntax/index.ts';

/**
 * What an offline script knows while it is generated: the variables every part shares and the
 * files it keeps in its backup folder. An offline script runs in two modes from the same
 * file: apply (`<script> F`) and undo (`<script> F undo`), which restores what apply backed
 * up. Each statement says in which mode it runs; once a step refuses or cannot back up, the
 * rest is skipped (stopped) but the hive is still unloaded and a lent drive letter released.
 *
 * Several commands under an `if` are always a block, `if c (a&b)` (see enclosed), and no
 * statement uses `else`: Windows reads both forms as written, but Wine's cmd, which runs the
 * tests, does not (below). A block reads the same in both, so the tests see what Windows runs.
 */

/** Which run of the script a statement belongs to. */
export type Mode = 'apply' | 'undo' | 'both';

export interface Statement {
  mode: Mode;
  command: Command;
  /** Cleanup that runs even after a stop (unload a hive, release a drive letter). */
  always?: boolean;
}

export const apply = (...commands: Command[]): Statement[] =>
  commands.map((command) => ({ mode: 'apply', command }));
export const undo = (...commands: Command[]): Statement[] =>
  commands.map((command) => ({ mode: 'undo', command }));
export const both = (...commands: Command[]): Statement[] =>
  commands.map((command) => ({ mode: 'both', command }));
export const cleanup = (...commands: Command[]): Statement[] =>
  commands.map((command) => ({ mode: 'both', command, always: true }));

/** The script-wide variables: fixed spellings, since a technician may read the .cmd file. */
export class OfflineNames {
  /** The attached disk's drive letter (PowerShell reads it as $env:RR_DRIVE). */
  readonly drive = Name.fixed('RR_DRIVE');
  /** Set when the second argument is `undo`. */
  readonly undoing = Name.fixed('RR_UNDO');
  /** The exit code once a step refused (2) or could not back up or load (1): skip the rest. */
  readonly stop = Name.fixed('RR_STOP');
  /** Set when a change (or a restore) did not read back as intended. */
  readonly failed = Name.fixed('RR_FAILED');
  /** This fix's backup folder on the attached disk. */
  readonly backup = Name.fixed('RR_BACKUP');
  /** The control set the broken OS boots (`ControlSet001`), found once its hive is loaded. */
  readonly controlSet = Name.fixed('RR_CS');

  /** Every variable a script must clear first: a caller's environment may hold any of them. */
  private readonly state: Name[] = [this.undoing, this.stop, this.failed];

  /** A state variable of one part (a loaded hive, a lent letter), cleared at the start. */
  flag(spelling: string): Name {
    const name = Name.fixed(spelling);
    this.state.push(name);
    return name;
  }

  get clearedAtStart(): readonly Name[] {
    return this.state;
  }
}

/** One offline script under construction: the fix, its names and its backup files. */
export class OfflineScript {
  readonly names = new OfflineNames();
  private readonly files = new Map<string, string>();
  private readonly done = new Set<string>();

  constructor(readonly fix: Fix) {}

  /** True the first time it is asked about `what` (a backup taken once per script). */
  once(what: string): boolean {
    if (this.done.has(what)) return false;
    this.done.add(what);
    return true;
  }

  /** A short, stable file name in the backup folder for a thing backed up (`k1`, `a1`). */
  backupFile(kind: 'k' | 'a', key: string): string {
    const known = this.files.get(`${kind}:${key}`);
    if (known) return known;
    const count = [...this.files.keys()].filter((k) => k.startsWith(`${kind}:`)).length;
    const file = `${kind}${count + 1}`;
    this.files.set(`${kind}:${key}`, file);
    return file;
  }

  /** `"%RR_BACKUP%\<file>"`: a name the script creates, so it keeps its case. */
  inBackup(file: string): Part {
    return q(ref(this.names.backup), text(`\\${file}`));
  }

  /** `%RR_DRIVE%:\<path>` on the attached disk, as parts of a word. */
  onDisk(path: string): Part[] {
    return [ref(this.names.drive), id(`:\\${path}`)];
  }

  /** `echo RDPRESCUE <message>`, paths and names in their canonical case. */
  say(...message: WordLike[]): Command {
    return echo('RDPRESCUE ', ...message.map((m) => (typeof m === 'string' ? m : shown(m))));
  }

  /** Stop: say why, and leave the exit code for the end of the script. */
  refuse(code: 1 | 2, ...message: WordLike[]): Command {
    return block(this.say(...message), set(this.names.stop, String(code)));
  }

  /** Mark the run failed, saying what did not read back. */
  fail(...message: WordLike[]): Command {
    return block(this.say(...message), set(this.names.failed, '1'));
  }

  /** `if exist "%RR_BACKUP%\<file>" then` (not: `if not exist`). */
  ifBackup(file: string, then: Command, present = true): Command {
    const condition = exist([this.inBackup(file)]);
    return when(present ? condition : not(condition), then);
  }

  /** Creates an empty marker file in the backup folder. */
  mark(file: string): Command {
    return touch([this.inBackup(file)]);
  }

  /** Wraps a statement in the guards of its mode and of the stop flag. */
  guarded(statement: Statement): Command {
    const { undoing, stop } = this.names;
    let command = statement.command;
    if (!statement.always) command = when(not(defined(stop)), command);
    if (statement.mode === 'apply') command = when(not(defined(undoing)), command);
    if (statement.mode === 'undo') command = when(defined(undoing), command);
    return enclosed(command);
  }
}

/**
 * Copies files, hidden and system ones too (xcopy /h: copy skips them), into a folder made
 * first: xcopy asks "file or directory?" for a target that does not exist yet.
 */
export function copyInto(source: WordLike, folder: WordLike): Command {
  return seq(
    run(['md', folder], [errToNul]),
    run(['xcopy', '/h', '/r', '/y', '/q', source, folder], quiet),
  );
}

/** A word as text: shown to a person, so hardening leaves its case alone. */
function shown(word: Part | readonly Part[]): Part[] {
  const parts: readonly Part[] = Array.isArray(word) ? word : [word as Part];
  return parts.map((p) =>
    p.kind === 'id'
      ? text(p.value)
      : p.kind === 'quoted'
        ? { kind: 'quoted', parts: shown(p.parts) }
        : p,
  );
}

/**
 * The same commands with every if body of several commands in a block: `if c (a&b)`, never
 * `if c a&b`. Windows reads both alike. Wine 8 does not: after a false `if c a&if d (x)` it
 * skips the next line of the file, and in `x&if d a&b` it runs b whatever d is.
 */
export function enclosed(command: Command): Command {
  switch (command.kind) {
    case 'if': {
      const body = (c: Command) => {
        const inner = enclosed(c);
        return inner.kind === 'seq' ? block(...inner.commands) : inner;
      };
      if (command.else) throw new Error('offline scripts use no else (Wine binds it elsewhere)');
      return { ...command, then: body(command.then) };
    }
    case 'for':
      return { ...command, body: enclosed(command.body) };
    case 'seq':
    case 'block':
      return { ...command, commands: command.commands.map(enclosed) };
    default:
      return command;
  }
}
