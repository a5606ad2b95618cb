/** Fixed-size bitsets over document numbers: filters and facet counts without per-doc objects. */

export type Bitset = Uint32Array;

/** A bitset able to hold `size` documents, all clear. */
export function createBitset(size: number): Bitset {
  return new Uint32Array((size + 31) >>> 5);
}

/** A bitset with documents [from, to) set. */
export function createRangeBitset(size: number, from: number, to: number): Bitset {
  const bits = createBitset(size);
  if (from >= to) return bits;
  const first = from >>> 5;
  const last = (to - 1) >>> 5;
  bits.fill(0xffffffff, first, last + 1);
  bits[first]! &= 0xffffffff << (from & 31);
  bits[last]! &= 0xffffffff >>> (31 - ((to - 1) & 31));
  return bits;
}

export function setBit(bits: Bitset, i: number): void {
  bits[i >>> 5]! |= 1 << (i & 31);
}

export function hasBit(bits: Bitset, i: number): boolean {
  return (bits[i >>> 5]! & (1 << (i & 31))) !== 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Number of documents set in `a` (and in `b` when given). */
export function countBits(a: Bitset, b?: Bitset): number {
  let n = 0;
  if (b) for (let w = 0; w < a.length; w++) n += popcount(a[w]! & b[w]!);
  else for (let w = 0; w < a.length; w++) n += popcount(a[w]!);
  return n;
}

/** target &= other, in place. */
export function andInto(target: Bitset, other: Bitset): Bitset {
  for (let w = 0; w < target.length; w++) target[w]! &= other[w]!;
  return target;
}

/** target &= ~other, in place. */
export function andNotInto(target: Bitset, other: Bitset): Bitset {
  for (let w = 0; w < target.length; w++) target[w]! &= ~other[w]!;
  return target;
}

/** target |= other, in place. */
export function orInto(target: Bitset, other: Bitset): Bitset {
  for (let w = 0; w < target.length; w++) target[w]! |= other[w]!;
  return target;
}

/** Calls `visit` for each set document, ascending, until it returns false. */
export function forEachBit(bits: Bitset, visit: (doc: number) => boolean | void): void {
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      if (visit((w << 5) + (31 - Math.clz32(low))) === false) return;
      word ^= low;
    }
  }
}

/** The set documents, ascending (for serialization). */
export function listBits(bits: Bitset): number[] {
  const out: number[] = [];
  forEachBit(bits, (doc) => {
    out.push(doc);
  });
  return out;
}

/** A bitset from a list of documents. */
export function bitsetFromList(size: number, docs: readonly number[]): Bitset {
  const bits = createBitset(size);
  for (const doc of docs) setBit(bits, doc);
  return bits;
}
