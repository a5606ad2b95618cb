/**
 * Bounded Damerau (optimal string alignment) distance: a swapped pair of letters counts as
 * one typo, as people make them (`equipemnet`). Gives up as soon as every path exceeds
 * `max`, which keeps a scan over thousands of candidate words cheap.
 */

const SIZE = 64;
let rowA = new Int32Array(SIZE);
let rowB = new Int32Array(SIZE);
let rowC = new Int32Array(SIZE);

function ensureRows(length: number): void {
  if (length <= rowA.length) return;
  rowA = new Int32Array(length);
  rowB = new Int32Array(length);
  rowC = new Int32Array(length);
}

/** Edit distance between a and b, or `max + 1` when it is larger than `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  ensureRows(b.length + 1);
  let before = rowA; // row i-2
  let prev = rowB; // row i-1
  let cur = rowC; // row i
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        d = Math.min(d, before[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return Math.min(prev[b.length]!, max + 1);
}
