import type { Name } from './names.ts';
import type { Command, Condition, Redirect } from './nodes.ts';
import { refsOf, type Word } from './words.ts';

/**
 * Which variables a command reads with %..% and which it sets, in the order cmd meets them
 * on the line. cmd.exe expands every %..% of a line (in a batch file: of a whole
 * parenthesised block) once, when it reads the line, before running any of it: a read after
 * a set on the same line sees the value from before the line.
 */
export type Access = { kind: 'read' | 'set'; name: Name };

function reads(word: Word): Access[] {
  return refsOf(word).map((name) => ({ kind: 'read', name }));
}

function redirectReads(redirects: readonly Redirect[]): Access[] {
  return redirects.flatMap((r) => (r.kind === 'dup' ? [] : reads(r.target)));
}

export function conditionReads(condition: Condition): Access[] {
  switch (condition.kind) {
    case 'errorlevel':
    case 'defined':
      return [];
    case 'exist':
      return reads(condition.path);
    case 'compare':
      return [...reads(condition.left), ...reads(condition.right)];
  }
}

export function accesses(command: Command): Access[] {
  switch (command.kind) {
    case 'set':
      return [...reads(command.value), { kind: 'set', name: command.name }];
    case 'set-computed':
      return [
        ...reads(command.name),
        ...reads(command.value),
        ...command.sets.map((name): Access => ({ kind: 'set', name })),
      ];
    case 'set-a':
      return [
        ...reads(command.expression),
        ...redirectReads(command.redirects),
        { kind: 'set', name: command.name },
      ];
    case 'if':
      return [
        ...conditionReads(command.condition),
        ...accesses(command.then),
        ...(command.else ? accesses(command.else) : []),
      ];
    case 'for': {
      const source = command.source;
      const before =
        source.kind === 'list'
          ? source.items.flatMap(reads)
          : source.kind === 'command'
            ? accesses(source.command).filter((a) => a.kind === 'read')
            : source.kind === 'file'
              ? reads(source.file)
              : [];
      return [...before, ...accesses(command.body)];
    }
    case 'exec':
      return [...command.words.flatMap(reads), ...redirectReads(command.redirects)];
    case 'pipe':
      return command.commands.flatMap(accesses);
    case 'echo':
      return [...redirectReads(command.redirects), ...reads(command.text)];
    case 'echo-command':
      // Echoed, not run: its variables are read (expanded into the text), none is set.
      return [
        ...redirectReads(command.redirects),
        ...accesses(command.command).filter((a) => a.kind === 'read'),
      ];
    case 'exit':
      return typeof command.code === 'number' ? [] : reads(command.code);
    case 'rem':
      return [];
    case 'seq':
    case 'block':
      return command.commands.flatMap(accesses);
  }
}

const roots = (list: Access[], kind: Access['kind']) =>
  new Set(list.filter((a) => a.kind === kind).map((a) => a.name.root));

/** Names `command` sets (roots: a member counts as its family). */
export function setsOf(command: Command): Set<Name> {
  return roots(accesses(command), 'set');
}

/** Names `command` reads with %..%. */
export function readsOf(command: Command): Set<Name> {
  return roots(accesses(command), 'read');
}

/**
 * The first read that cmd would expand before an earlier set of the same variable on this
 * line ran, or a loop body that reads what it sets (expanded once for every pass).
 */
export function staleRead(command: Command): { name: Name; why: string } | undefined {
  const set = new Set<Name>();
  for (const access of accesses(command)) {
    const root = access.name.root;
    if (access.kind === 'set') set.add(root);
    else if (set.has(root))
      return { name: access.name, why: 'is read on the line that sets it, before it is set' };
  }
  return loopStaleRead(command);
}

function loopStaleRead(command: Command): { name: Name; why: string } | undefined {
  const children: Command[] =
    command.kind === 'if'
      ? [command.then, ...(command.else ? [command.else] : [])]
      : command.kind === 'seq' || command.kind === 'block' || command.kind === 'pipe'
        ? command.commands
        : command.kind === 'for'
          ? [command.body]
          : [];
  if (command.kind === 'for') {
    const sets = setsOf(command.body);
    for (const name of readsOf(command.body))
      if (sets.has(name))
        return { name, why: 'is read in a loop body that sets it: every pass sees the old value' };
  }
  for (const child of children) {
    const found = loopStaleRead(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * A condition that reads the same in front of every line a body is split into: it depends
 * on variables only, and the body sets none of them. (errorlevel and exist change as
 * commands run.)
 */
export function stableFor(condition: Condition, body: Command): boolean {
  if (condition.kind === 'errorlevel' || condition.kind === 'exist') return false;
  const sets = setsOf(body);
  const names =
    condition.kind === 'defined'
      ? [condition.name.root]
      : conditionReads(condition).map((a) => a.name.root);
  return names.every((n) => !sets.has(n));
}
