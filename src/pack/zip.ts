import { ZipFile } from 'yazl';

export interface ZipEntry {
  name: string;
  content: Buffer;
}

/**
 * Local-time fields, because a zip's DOS timestamp is local time: the same fields give the
 * same bytes in every time zone. forceDosTimestamp leaves out the UTC extra field.
 */
const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);

/** A zip whose bytes depend only on the entries: fixed times and modes, entries in the order given. */
export function reproducibleZip(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries)
    zip.addBuffer(entry.content, entry.name, {
      mtime: FIXED_TIME,
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
