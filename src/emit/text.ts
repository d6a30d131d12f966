/** Text conventions of generated files. */

const BOM = '\uFEFF';

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** UTF-8 with BOM and CRLF: what Windows PowerShell 5.1 needs to read non-ASCII text right. */
export function powershellText(text: string): Buffer {
  const body = toCrlf(text.startsWith(BOM) ? text.slice(1) : text);
  return Buffer.from(BOM + body, 'utf8');
}

/**
 * UTF-8 with BOM and CRLF whose text is printable ASCII, for a script that may lose its BOM on
 * the way (Azure Run Command): Windows PowerShell 5.1 then reads it in the ANSI code page, and
 * ASCII reads the same in every one. Throws on any other character.
 */
export function powershellAsciiText(text: string, where: string): Buffer {
  const body = toCrlf(text.startsWith(BOM) ? text.slice(1) : text);
  assertPrintableAscii(body, where);
  return Buffer.from(BOM + body, 'utf8');
}

/** ASCII with CRLF, for cmd.exe and the Serial Console. Throws on any other character. */
export function cmdText(text: string, where: string): Buffer {
  const body = toCrlf(text);
  assertPrintableAscii(body, where);
  return Buffer.from(body, 'ascii');
}

function assertPrintableAscii(body: string, where: string): void {
  const bad = /[^\x20-\x7e\r\n]/.exec(body);
  if (bad) {
    const line = body.slice(0, bad.index).split('\n').length;
    throw new Error(
      `${where}:${line}: character U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')} is not printable ASCII`,
    );
  }
}
