/**
 * 64-bit SimHash of an item's plain text over word shingles, and its bands for the
 * signature index. Two texts that differ by a few words have signatures a few bits apart;
 * unrelated texts about 32 bits apart (figures in docs/stories.md). Pure, no BigInt: the
 * signature is two 32-bit halves, written as 16 hex digits.
 */

/** Words per shingle. */
export const SHINGLE_WORDS = 3;
/** Below this many words a text says too little to be grouped by its signature. */
export const MIN_WORDS = 12;
/** Bands of the signature index: 4 × 16 bits, so any two signatures ≤ 3 bits apart share a band. */
export const BANDS = 4;

/** Lower-case words of plain text, accents folded, markup and punctuation dropped. */
export function toWords(text: string): string[] {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return plain.match(/[a-z0-9]+/g) ?? [];
}

/** FNV-1a 32-bit of a string with a seed, mixed (two seeds give the two halves). */
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32): FNV's low bits alone are poorly spread.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The signature of these words (16 hex digits), or undefined when there are too few. */
export function computeSimhash(words: string[]): string | undefined {
  if (words.length < MIN_WORDS) return undefined;
  const weights = new Int32Array(64);
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    const shingle = words.slice(i, i + SHINGLE_WORDS).join(' ');
    const halves = [hash32(shingle, 0), hash32(shingle, 0x9e3779b9)];
    for (let half = 0; half < 2; half++)
      for (let bit = 0; bit < 32; bit++) weights[half * 32 + bit]! += (halves[half]! >>> bit) & 1 ? 1 : -1;
  }
  let hex = '';
  for (let half = 0; half < 2; half++) {
    let value = 0;
    for (let bit = 0; bit < 32; bit++) if (weights[half * 32 + bit]! > 0) value |= 1 << bit;
    hex += (value >>> 0).toString(16).padStart(8, '0');
  }
  return hex;
}

/** Number of differing bits between two signatures. */
export function hammingDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < 16; i += 4) {
    let x = parseInt(a.slice(i, i + 4), 16) ^ parseInt(b.slice(i, i + 4), 16);
    while (x) {
      x &= x - 1;
      distance++;
    }
  }
  return distance;
}

/** The signature's bands as index keys (`b<band>:<4 hex digits>`). */
export function bandKeys(signature: string): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) keys.push(`b${band}:${signature.slice(band * 4, band * 4 + 4)}`);
  return keys;
}
