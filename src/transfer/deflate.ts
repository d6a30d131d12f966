import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * A smaller raw deflate stream than zlib's level 9 for a small payload (the diagnosis batch
 * file: every byte saved is a character less to paste): an optimal parse under a cost model
 * that is re-estimated from the previous parse (the method of Google's zopfli), written as
 * one dynamic-Huffman block. Every stream is inflated again before it is used, and zlib's
 * own is kept when it is not larger, so the result is always a deflate stream that zlib
 * reads back byte for byte.
 */

const WINDOW = 32768;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
/** Candidates followed per position: enough for a text of some ten thousand bytes. */
const MAX_CHAIN = 4096;
const ITERATIONS = 12;

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
];
const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
/** The order in which the code length code's lengths are stored (RFC 1951 3.2.7). */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

const LENGTH_CODE = new Uint8Array(MAX_MATCH + 1);
for (let c = 0; c < 29; c++)
  for (let l = LENGTH_BASE[c]!; l < (LENGTH_BASE[c + 1] ?? 259); l++) LENGTH_CODE[l] = c;
LENGTH_CODE[258] = 28;

function distCode(d: number): number {
  let c = 0;
  while (c < 29 && DIST_BASE[c + 1]! <= d) c++;
  return c;
}

/** `input` deflated (raw), the smaller of zlib's level 9 and an optimal parse. */
export function deflateSmall(input: Buffer, dictionary?: Buffer): Buffer {
  const zlib = deflateRawSync(input, {
    level: 9,
    memLevel: 9,
    ...(dictionary && dictionary.length > 0 ? { dictionary } : {}),
  });
  const dict = dictionary ?? Buffer.alloc(0);
  let ours: Buffer | undefined;
  try {
    ours = optimalDeflate(input, dict);
  } catch {
    ours = undefined;
  }
  if (!ours || ours.length >= zlib.length) return zlib;
  const back = inflateRawSync(ours, dict.length > 0 ? { dictionary: dict } : {});
  return back.equals(input) ? ours : zlib;
}

interface Matches {
  /** Per position: pairs [length, distance], lengths increasing, each the longest for its distance. */
  at: Int32Array[];
}

function findMatches(data: Buffer, start: number): Matches {
  const head = new Map<number, number>();
  const prev = new Int32Array(data.length).fill(-1);
  const at: Int32Array[] = new Array(data.length);
  const key = (i: number) => (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
  for (let i = 0; i < data.length; i++) {
    const pairs: number[] = [];
    if (i + MIN_MATCH <= data.length) {
      const k = key(i);
      if (i >= start) {
        let best = MIN_MATCH - 1;
        const limit = Math.min(MAX_MATCH, data.length - i);
        let cand = head.get(k) ?? -1;
        for (let n = 0; cand >= 0 && i - cand <= WINDOW && n < MAX_CHAIN; n++) {
          if (data[cand + best] === data[i + best]) {
            let l = 0;
            while (l < limit && data[cand + l] === data[i + l]) l++;
            if (l > best) {
              best = l;
              pairs.push(l, i - cand);
              if (l === limit) break;
            }
          }
          cand = prev[cand]!;
        }
      }
      const h = head.get(k);
      if (h !== undefined) prev[i] = h;
      head.set(k, i);
    }
    at[i] = Int32Array.from(pairs);
  }
  return { at };
}

interface Costs {
  lit: Float64Array; // 0..285, length codes include their extra bits separately
  dist: Float64Array; // 0..29
}

/** Costs of -log2(p) bits (zopfli's model: smoother than whole code lengths). */
function entropyCosts(ll: number[], dl: number[]): Costs {
  const bits = (f: number[]) => {
    const total = f.reduce((a, b) => a + b, 0);
    return Float64Array.from(f, (x) => (x > 0 ? Math.log2(total / x) : Math.log2(total) + 1));
  };
  return { lit: bits(ll), dist: bits(dl) };
}

/** The cheapest parse under `costs`: per position, the length taken (1 = literal) and distance. */
function parse(data: Buffer, start: number, m: Matches, costs: Costs, n = data.length) {
  const cost = new Float64Array(n + 1).fill(Infinity);
  const len = new Int32Array(n + 1);
  const dst = new Int32Array(n + 1);
  cost[start] = 0;
  const lengthCost = new Float64Array(MAX_MATCH + 1);
  for (let l = MIN_MATCH; l <= MAX_MATCH; l++) {
    const c = LENGTH_CODE[l]!;
    lengthCost[l] = costs.lit[257 + c]! + LENGTH_EXTRA[c]!;
  }
  for (let i = start; i < n; i++) {
    const here = cost[i]!;
    const lit = here + costs.lit[data[i]!]!;
    if (lit < cost[i + 1]!) {
      cost[i + 1] = lit;
      len[i + 1] = 1;
    }
    const pairs = m.at[i]!;
    let from = MIN_MATCH;
    for (let p = 0; p < pairs.length; p += 2) {
      const upTo = Math.min(pairs[p]!, n - i);
      if (upTo < from) break;
      const d = pairs[p + 1]!;
      const dc = distCode(d);
      const dCost = here + costs.dist[dc]! + DIST_EXTRA[dc]!;
      for (let l = from; l <= upTo; l++) {
        const c = dCost + lengthCost[l]!;
        if (c < cost[i + l]!) {
          cost[i + l] = c;
          len[i + l] = l;
          dst[i + l] = d;
        }
      }
      from = upTo + 1;
    }
  }
  const out: { l: number; d: number }[] = [];
  for (let i = n; i > start;) {
    const l = len[i]!;
    out.push({ l, d: l === 1 ? 0 : dst[i]! });
    i -= l;
  }
  return out.reverse();
}

/** Huffman code lengths for `freq`, at most `limit` bits (halving the counts until they fit). */
function codeLengths(freq: number[], limit: number): number[] {
  let f = freq.slice();
  for (;;) {
    const lengths = huffman(f);
    if (Math.max(...lengths) <= limit) return lengths;
    f = f.map((x) => (x === 0 ? 0 : Math.max(1, x >> 1)));
  }
}

function huffman(freq: number[]): number[] {
  const lengths = new Array<number>(freq.length).fill(0);
  const used = freq.map((f, s) => ({ f, s })).filter((x) => x.f > 0);
  if (used.length === 0) return lengths;
  if (used.length === 1) {
    lengths[used[0]!.s] = 1;
    return lengths;
  }
  type Node = { f: number; syms: number[] };
  let nodes: Node[] = used.map((x) => ({ f: x.f, syms: [x.s] }));
  while (nodes.length > 1) {
    nodes.sort((a, b) => a.f - b.f);
    const [a, b] = [nodes[0]!, nodes[1]!];
    for (const s of [...a.syms, ...b.syms]) lengths[s]!++;
    nodes = [{ f: a.f + b.f, syms: [...a.syms, ...b.syms] }, ...nodes.slice(2)];
  }
  return lengths;
}

function canonical(lengths: number[]): number[] {
  const count = new Array<number>(16).fill(0);
  for (const l of lengths) if (l) count[l]!++;
  const next = new Array<number>(16).fill(0);
  let code = 0;
  for (let b = 1; b < 16; b++) {
    code = (code + count[b - 1]!) << 1;
    next[b] = code;
  }
  return lengths.map((l) => (l ? next[l]!++ : 0));
}

class Bits {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;
  put(value: number, count: number) {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >> i) & 1) << this.n;
      if (++this.n === 8) {
        this.bytes.push(this.acc);
        this.acc = 0;
        this.n = 0;
      }
    }
  }
  /** A Huffman code: most significant bit first. */
  code(code: number, length: number) {
    for (let i = length - 1; i >= 0; i--) this.put((code >> i) & 1, 1);
  }
  bitLength(): number {
    return this.bytes.length * 8 + this.n;
  }
  done(): Buffer {
    if (this.n > 0) this.bytes.push(this.acc);
    return Buffer.from(this.bytes);
  }
}

type Token = { l: number; d: number };

function frequencies(data: Buffer, start: number, tokens: Token[]) {
  const ll = new Array<number>(286).fill(0);
  const dl = new Array<number>(30).fill(0);
  let i = start;
  for (const t of tokens) {
    if (t.l === 1) ll[data[i]!]!++;
    else {
      ll[257 + LENGTH_CODE[t.l]!]!++;
      dl[distCode(t.d)]!++;
    }
    i += t.l;
  }
  ll[256] = 1;
  return { ll, dl };
}

/** One dynamic-Huffman block of `tokens`, the last one when `final`. */
function writeBlock(out: Bits, data: Buffer, start: number, tokens: Token[], final: boolean): void {
  const { ll, dl } = frequencies(data, start, tokens);
  // Two distance codes at least: some inflaters refuse a tree of one code.
  let used = dl.filter((f) => f > 0).length;
  for (let s = 0; used < 2; s++) if (dl[s] === 0) ((dl[s] = 1), used++);
  const lLen = codeLengths(ll, 15);
  const dLen = codeLengths(dl, 15);
  let hlit = 286;
  while (hlit > 257 && lLen[hlit - 1] === 0) hlit--;
  let hdist = 30;
  while (hdist > 1 && dLen[hdist - 1] === 0) hdist--;
  const all = [...lLen.slice(0, hlit), ...dLen.slice(0, hdist)];
  // Run-length code the lengths: 16 repeats the previous 3-6 times, 17/18 zeros 3-10/11-138.
  const rle: { s: number; extra: number; bits: number }[] = [];
  for (let i = 0; i < all.length;) {
    const v = all[i]!;
    let run = 1;
    while (i + run < all.length && all[i + run] === v) run++;
    if (v === 0 && run >= 3) {
      const r = Math.min(run, 138);
      rle.push(r >= 11 ? { s: 18, extra: r - 11, bits: 7 } : { s: 17, extra: r - 3, bits: 3 });
      i += r;
    } else if (v !== 0 && run >= 4) {
      rle.push({ s: v, extra: 0, bits: 0 });
      const r = Math.min(run - 1, 6);
      rle.push({ s: 16, extra: r - 3, bits: 2 });
      i += r + 1;
    } else {
      rle.push({ s: v, extra: 0, bits: 0 });
      i++;
    }
  }
  const clFreq = new Array<number>(19).fill(0);
  for (const r of rle) clFreq[r.s]!++;
  const clLen = codeLengths(clFreq, 7);
  let hclen = 19;
  while (hclen > 4 && clLen[CL_ORDER[hclen - 1]!] === 0) hclen--;

  out.put(final ? 1 : 0, 1); // BFINAL
  out.put(2, 2); // dynamic Huffman
  out.put(hlit - 257, 5);
  out.put(hdist - 1, 5);
  out.put(hclen - 4, 4);
  for (let i = 0; i < hclen; i++) out.put(clLen[CL_ORDER[i]!]!, 3);
  const clCode = canonical(clLen);
  for (const r of rle) {
    out.code(clCode[r.s]!, clLen[r.s]!);
    if (r.bits) out.put(r.extra, r.bits);
  }
  const lCode = canonical(lLen);
  const dCode = canonical(dLen);
  let i = start;
  for (const t of tokens) {
    if (t.l === 1) out.code(lCode[data[i]!]!, lLen[data[i]!]!);
    else {
      const c = LENGTH_CODE[t.l]!;
      out.code(lCode[257 + c]!, lLen[257 + c]!);
      out.put(t.l - LENGTH_BASE[c]!, LENGTH_EXTRA[c]!);
      const dc = distCode(t.d);
      out.code(dCode[dc]!, dLen[dc]!);
      out.put(t.d - DIST_BASE[dc]!, DIST_EXTRA[dc]!);
    }
    i += t.l;
  }
  out.code(lCode[256]!, lLen[256]!);
}

/** Bits a block of `tokens` takes. */
function blockBits(data: Buffer, start: number, tokens: Token[]): number {
  const out = new Bits();
  writeBlock(out, data, start, tokens, false);
  return out.bitLength();
}

/** The cheapest parse of data[start, end) found by re-estimating the costs from the last parse. */
function iterate(data: Buffer, start: number, end: number, matches: Matches): Token[] {
  // A first cost model: literals of 8 bits, length and distance codes of 7 and 5 bits.
  let costs: Costs = {
    lit: new Float64Array(286).map((_, s) => (s < 256 ? 8 : 7)),
    dist: new Float64Array(30).fill(5),
  };
  let best: { tokens: Token[]; bits: number } | undefined;
  for (let round = 0; round < ITERATIONS; round++) {
    const tokens = parse(data, start, matches, costs, end);
    const bits = blockBits(data, start, tokens);
    if (!best || bits < best.bits) best = { tokens, bits };
    const { ll, dl } = frequencies(data, start, tokens);
    costs = entropyCosts(ll, dl);
  }
  return best!.tokens;
}

function optimalDeflate(input: Buffer, dictionary: Buffer): Buffer {
  if (input.length === 0) throw new Error('empty');
  const dict = dictionary.subarray(Math.max(0, dictionary.length - WINDOW));
  const data = Buffer.concat([dict, input]);
  const start = dict.length;
  const matches = findMatches(data, start);
  // One block: cutting this text into blocks with their own codes was measured not to pay.
  const out = new Bits();
  writeBlock(out, data, start, iterate(data, start, data.length, matches), true);
  return out.done();
}
