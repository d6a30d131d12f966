import yauzl from 'yauzl';

export interface ReadEntry {
  name: string;
  content: Buffer;
  dosDate: number;
  dosTime: number;
}

/** Every entry of a zip, in the order they are stored, read with yauzl (an independent reader). */
export function readZip(zip: Buffer): Promise<ReadEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, strictFileNames: true }, (error, file) => {
      if (error || !file) return reject(error ?? new Error('no zip'));
      const entries: ReadEntry[] = [];
      file.on('error', reject);
      file.on('end', () => resolve(entries));
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({
              name: entry.fileName,
              content: Buffer.concat(chunks),
              dosDate: entry.lastModFileDate,
              dosTime: entry.lastModFileTime,
            });
            file.readEntry();
          });
        });
      });
      file.readEntry();
    });
  });
}
