/**
 * PowerShell literals for data rendered from the model. Strings are single-quoted (no
 * expansion, no escapes except ''), so nothing in the catalog can become code.
 */

export type PsValue =
  string | number | boolean | null | readonly PsValue[] | { readonly [key: string]: PsValue };

/** Typographic quotes are string delimiters in PowerShell too; they are doubled like '. */
export function psString(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

function psKey(key: string): string {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(key) ? key : psString(key);
}

/**
 * Renders a value as a PowerShell expression, one hashtable entry or array item per line,
 * indented by `indent` levels of four spaces. Arrays are always @(...) so a single item stays
 * an array under Set-StrictMode.
 */
export function psLiteral(value: PsValue, indent = 0): string {
  const pad = '    '.repeat(indent + 1);
  const end = '    '.repeat(indent);
  if (value === null) return '$null';
  if (typeof value === 'boolean') return value ? '$true' : '$false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return psString(value);
  if (Array.isArray(value)) {
    const items = value as readonly PsValue[];
    if (items.length === 0) return '@()';
    if (items.every((v) => typeof v !== 'object' || v === null))
      return `@(${items.map((v) => psLiteral(v)).join(', ')})`;
    return `@(\n${items.map((v) => pad + psLiteral(v, indent + 1)).join('\n')}\n${end})`;
  }
  const entries = Object.entries(value as { [key: string]: PsValue });
  if (entries.length === 0) return '@{}';
  const lines = entries.map(([k, v]) => `${pad}${psKey(k)} = ${psLiteral(v, indent + 1)}`);
  return `@{\n${lines.join('\n')}\n${end}}`;
}

/** HKLM\X\Y -> HKLM:\X\Y (the provider path PowerShell needs; the seed forgot the colon). */
export function psRegistryPath(key: string): string {
  if (!key.startsWith('HKLM\\')) throw new Error(`not an HKLM key: ${key}`);
  return `HKLM:\\${key.slice(5)}`;
}
