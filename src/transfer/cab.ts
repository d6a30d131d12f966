import { deflateRawSync } from 'node:zlib';
import { deflateSmall } from './deflate.ts';

/**
 * A Microsoft cabinet (MS-CAB) with one MSZIP folder, the format expand.exe reads on every
 * Windows version. MSZIP frames hold at most 32 KiB of input each; every frame is a complete
 * deflate stream that may refer back into the previous 32 KiB, so the window carries over.
 */
export interface CabEntry {
  /** Name stored in the cabinet (ASCII, no folders: expand.exe versions disagree on paths). */
  name: string;
  content: Buffer;
}

const FRAME = 32768;
const HEADER = 36;
const FOLDER = 8;
const MSZIP = 1;
/** 2000-01-01 00:00 in DOS format: a fixed date keeps the cabinet reproducible. */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const ATTRIB_ARCHIVE = 0x20;

export interface CabOptions {
  /**
   * Deflate each frame with an optimal parse (deflate.ts) where that is smaller than zlib's:
   * for a small payload pasted by hand; a few hundred milliseconds per 20 KB frame.
   */
  smallest?: boolean;
}

export function writeCab(entries: readonly CabEntry[], options: CabOptions = {}): Buffer {
  if (entries.length === 0) throw new Error('a cabinet needs at least one file');
  const stream = Buffer.concat(entries.map((e) => e.content));
  const frames = mszipFrames(stream, options.smallest === true);

  const names = entries.map((e) => {
    if (!/^[\x21-\x7e]+$/.test(e.name) || /[\\/]/.test(e.name))
      throw new Error(`cabinet entry name ${JSON.stringify(e.name)} must be plain ASCII`);
    return Buffer.from(e.name + '\0', 'ascii');
  });
  const filesSize = names.reduce((sum, n) => sum + 16 + n.length, 0);
  const dataStart = HEADER + FOLDER + filesSize;
  const total = dataStart + frames.reduce((sum, f) => sum + f.length, 0);

  const head = Buffer.alloc(HEADER + FOLDER);
  head.write('MSCF', 0, 'ascii');
  head.writeUInt32LE(total, 8);
  head.writeUInt32LE(HEADER + FOLDER, 16); // coffFiles
  head.writeUInt8(3, 24); // versionMinor
  head.writeUInt8(1, 25); // versionMajor
  head.writeUInt16LE(1, 26); // cFolders
  head.writeUInt16LE(entries.length, 28); // cFiles
  head.writeUInt32LE(dataStart, HEADER); // coffCabStart
  head.writeUInt16LE(frames.length, HEADER + 4);
  head.writeUInt16LE(MSZIP, HEADER + 6);

  let offset = 0;
  const files = entries.map((e, i) => {
    const f = Buffer.alloc(16);
    f.writeUInt32LE(e.content.length, 0);
    f.writeUInt32LE(offset, 4);
    f.writeUInt16LE(0, 8); // iFolder
    f.writeUInt16LE(DOS_DATE, 10);
    f.writeUInt16LE(0, 12); // time
    f.writeUInt16LE(ATTRIB_ARCHIVE, 14);
    offset += e.content.length;
    return Buffer.concat([f, names[i]!]);
  });
  if (stream.length > 0xffffffff) throw new Error('cabinet folder too large');
  return Buffer.concat([head, ...files, ...frames]);
}

/**
 * The same cabinet with another set ID (a header field readers ignore for a single cabinet):
 * a cheap way to get another hash of identical content.
 */
export function withSetId(cab: Buffer, setId: number): Buffer {
  const copy = Buffer.from(cab);
  copy.writeUInt16LE(setId, 32);
  return copy;
}

function mszipFrames(stream: Buffer, smallest: boolean): Buffer[] {
  const frames: Buffer[] = [];
  for (let at = 0; at < stream.length || frames.length === 0; at += FRAME) {
    const input = stream.subarray(at, at + FRAME);
    const window = stream.subarray(Math.max(0, at - FRAME), at);
    const deflated = smallest
      ? deflateSmall(input, window)
      : deflateRawSync(input, {
          level: 9,
          memLevel: 9,
          ...(window.length > 0 ? { dictionary: window } : {}),
        });
    const data = Buffer.concat([Buffer.from('CK', 'ascii'), deflated]);
    const head = Buffer.alloc(8);
    head.writeUInt16LE(data.length, 4);
    head.writeUInt16LE(input.length, 6);
    head.writeUInt32LE(cabChecksum(head.subarray(4, 8), cabChecksum(data, 0)), 0);
    frames.push(Buffer.concat([head, data]));
  }
  return frames;
}

/** The CFDATA checksum of MS-CAB 2.5: XOR of little-endian 32-bit words, odd tail big-first. */
export function cabChecksum(bytes: Buffer, seed: number): number {
  let sum = seed >>> 0;
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum ^ bytes.readUInt32LE(i)) >>> 0;
  let tail = 0;
  for (let i = whole; i < bytes.length; i++) tail = ((tail << 8) | bytes[i]!) >>> 0;
  return (sum ^ tail) >>> 0;
}
