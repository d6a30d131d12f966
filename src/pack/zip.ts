import { ZipFile } from 'yazl';

export interface ZipEntry {
  name: string;
  content: Buffer;
}

/** A zip whose bytes depend only on the entries: fixed times and modes, entries in the order given. */
export function reproducibleZip(entries: readonly ZipEntry[]): Promise<Buffer> {
  // A zip's DOS timestamp is local time, so the date is built from local fields when packing:
  // the same fields, the same bytes in every time zone (noon: no DST gap anywhere).
  // forceDosTimestamp leaves out the extra field with a UTC time.
  const fixedTime = new Date(2000, 0, 1, 12, 0, 0);
  const zip = new ZipFile();
  for (const entry of entries)
    zip.addBuffer(entry.content, entry.name, {
      mtime: fixedTime,
      mode: 0o100644,
      compress: true,
      forceDosTimestamp: true,
    });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}
