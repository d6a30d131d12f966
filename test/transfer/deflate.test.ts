import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateSmall } from '../../src/transfer/deflate.ts';
import { REPO } from './fixture.ts';

/** The diagnosis batch file of 18 scenarios, the payload this encoder is for. */
const batch = () => readFileSync(join(REPO, 'test/transfer/fixtures/diagnose-18-scenarios.cmd'));
const zlib9 = (b: Buffer, dictionary?: Buffer) =>
  deflateRawSync(b, { level: 9, memLevel: 9, ...(dictionary ? { dictionary } : {}) });

/** Bytes that do not compress: a chain of SHA-256 digests. */
function noise(bytes: number): Buffer {
  const parts = [createHash('sha256').update('seed').digest()];
  while (parts.length * 32 < bytes) parts.push(createHash('sha256').update(parts.at(-1)!).digest());
  return Buffer.concat(parts).subarray(0, bytes);
}

describe('deflateSmall', () => {
  it('is a deflate stream zlib reads back, at least 1.5% smaller than level 9 on the diagnosis', () => {
    const b = batch();
    const small = deflateSmall(b);
    expect(inflateRawSync(small).equals(b)).toBe(true);
    expect(small.length).toBeLessThanOrEqual(Math.floor(zlib9(b).length * 0.985));
  });

  it('refers back into the previous frame (the dictionary), as MSZIP frames do', () => {
    const b = batch();
    const dictionary = b.subarray(0, 16000);
    const small = deflateSmall(b.subarray(16000), dictionary);
    expect(inflateRawSync(small, { dictionary }).equals(b.subarray(16000))).toBe(true);
    expect(small.length).toBeLessThan(zlib9(b.subarray(16000), dictionary).length);
  });

  it("keeps zlib's stream where its own is not smaller, and reads back short and odd inputs", () => {
    const random = noise(5000);
    expect(deflateSmall(random).equals(zlib9(random))).toBe(true);
    for (const input of [
      Buffer.alloc(0),
      Buffer.from('a'),
      Buffer.from('abcabcabcabc'),
      Buffer.alloc(1000, 0x41),
    ])
      expect(inflateRawSync(deflateSmall(input)).equals(input)).toBe(true);
  });
});
