/**
 * What the checker knows about the console's variables between commands: the values of
 * variables set unconditionally to literal text. Everything else is unknown, and an unknown
 * value is modelled as one opaque word (the safe side: it adds no operator to a line).
 */
export class Environment {
  private readonly known = new Map<string, string>();
  /** Names the script cleared (`set v=`) and has not set unconditionally since. */
  private readonly cleared = new Set<string>();
  /** Batch only: after `setlocal EnableDelayedExpansion`, ! expands variables too. */
  delayedExpansion = false;

  value(name: string): string | undefined {
    return this.known.get(name.toUpperCase());
  }

  assign(name: string, value: string | undefined): void {
    if (value === undefined || value === '') this.known.delete(name.toUpperCase());
    else this.known.set(name.toUpperCase(), value);
  }

  forget(matching: RegExp): void {
    for (const name of [...this.known.keys()]) if (matching.test(name)) this.known.delete(name);
  }

  forgetAll(): void {
    this.known.clear();
    this.cleared.clear();
  }

  /** Records `set v=` (clear) or an unconditional `set v=text` (defined from now on). */
  markCleared(name: string, cleared: boolean): void {
    if (cleared) this.cleared.add(name.toUpperCase());
    else this.cleared.delete(name.toUpperCase());
  }

  /** Names that may be undefined here because the script cleared them. */
  maybeCleared(): ReadonlySet<string> {
    return new Set(this.cleared);
  }
}

/**
 * The modifiers of %name:~start,length% and %name:old=new% (and %name:*old=new%), as `set /?`
 * documents them. Undefined when the modifier is not one of those.
 */
export function applyModifier(value: string, modifier: string): string | undefined {
  const substring = /^~\s*(-?\d+)\s*(?:,\s*(-?\d+)\s*)?$/.exec(modifier);
  if (substring) {
    const length = value.length;
    let start = Number(substring[1]);
    if (start < 0) start = Math.max(0, length + start);
    if (substring[2] === undefined) return value.slice(start);
    const count = Number(substring[2]);
    const end = count < 0 ? length + count : start + count;
    return end <= start ? '' : value.slice(start, end);
  }
  const equals = modifier.indexOf('=');
  if (equals <= 0) return undefined;
  const search = modifier.slice(0, equals);
  const replacement = modifier.slice(equals + 1);
  const lower = value.toLowerCase();
  if (search.startsWith('*')) {
    const needle = search.slice(1).toLowerCase();
    const at = lower.indexOf(needle);
    return needle === '' || at < 0 ? value : replacement + value.slice(at + needle.length);
  }
  const needle = search.toLowerCase();
  let out = '';
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    out += value.slice(from, at) + replacement;
    from = at + needle.length;
  }
  return out + value.slice(from);
}
