/**
 * PowerShell literals for the rescue-VM script. The script travels without a BOM, so every
 * literal is printable ASCII: anything else is refused here, naming the value, instead of
 * turning into mojibake in the ANSI code page of the rescue VM.
 */

export type PsData =
  string | number | boolean | null | readonly PsData[] | { readonly [key: string]: PsData };

function asciiString(text: string): string {
  const bad = /[^\x20-\x7e]/.exec(text);
  if (bad)
    throw new Error(
      `'${text}': character U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')} cannot travel in the ASCII rescue-VM script`,
    );
  return `'${text.replace(/'/g, "''")}'`;
}

function key(name: string): string {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(name) ? name : asciiString(name);
}

/**
 * A value as a PowerShell expression: single-quoted strings (nothing expands), @() arrays
 * (one item stays an array under strict mode), one hashtable entry per line.
 */
export function psData(value: PsData, indent = 0): string {
  const pad = '    '.repeat(indent + 1);
  const end = '    '.repeat(indent);
  if (value === null) return '$null';
  if (typeof value === 'boolean') return value ? '$true' : '$false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return asciiString(value);
  if (Array.isArray(value)) {
    const items = value as readonly PsData[];
    if (items.length === 0) return '@()';
    if (items.every((v) => typeof v !== 'object' || v === null))
      return `@(${items.map((v) => psData(v)).join(', ')})`;
    return `@(\n${items.map((v) => pad + psData(v, indent + 1)).join('\n')}\n${end})`;
  }
  const entries = Object.entries(value as { [key: string]: PsData });
  if (entries.length === 0) return '@{}';
  return `@{\n${entries.map(([k, v]) => `${pad}${key(k)} = ${psData(v, indent + 1)}`).join('\n')}\n${end}}`;
}
