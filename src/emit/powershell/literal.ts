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

/** The Run Command script's decoder of UTF8_BASE64 strings (defined in its template). */
export const UTF8_BASE64_DECODER = 'ConvertFrom-RdpUtf8Base64';

/**
 * A string literal made of ASCII only, for a script that Windows PowerShell 5.1 may read in
 * the ANSI code page: text with other characters becomes base64 of its UTF-8, decoded when the
 * script runs.
 */
export function psAsciiString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return psString(text);
  return `(${UTF8_BASE64_DECODER} '${Buffer.from(text, 'utf8').toString('base64')}')`;
}

function psKey(key: string): string {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(key) ? key : psString(key);
}

/**
 * Renders a value as a PowerShell expression, one hashtable entry or array item per line,
 * indented by `indent` levels of four spaces. Arrays are always @(...) so a single item stays
 * an array under Set-StrictMode. `str` renders strings (psAsciiString for an ASCII script).
 */
export function psLiteral(value: PsValue, indent = 0, str = psString): string {
  const pad = '    '.repeat(indent + 1);
  const end = '    '.repeat(indent);
  if (value === null) return '$null';
  if (typeof value === 'boolean') return value ? '$true' : '$false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return str(value);
  if (Array.isArray(value)) {
    const items = value as readonly PsValue[];
    if (items.length === 0) return '@()';
    if (items.every((v) => typeof v !== 'object' || v === null))
      return `@(${items.map((v) => psLiteral(v, 0, str)).join(', ')})`;
    return `@(\n${items.map((v) => pad + psLiteral(v, indent + 1, str)).join('\n')}\n${end})`;
  }
  const entries = Object.entries(value as { [key: string]: PsValue });
  if (entries.length === 0) return '@{}';
  const lines = entries.map(([k, v]) => `${pad}${psKey(k)} = ${psLiteral(v, indent + 1, str)}`);
  return `@{\n${lines.join('\n')}\n${end}}`;
}

/** HKLM\X\Y -> HKLM:\X\Y (the provider path PowerShell needs; the seed forgot the colon). */
export function psRegistryPath(key: string): string {
  if (!key.startsWith('HKLM\\')) throw new Error(`not an HKLM key: ${key}`);
  return `HKLM:\\${key.slice(5)}`;
}
