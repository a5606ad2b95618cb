/**
 * Picks the best `k` of many candidates without sorting them all: a search for "demande"
 * matches most of a 50k corpus, and a page needs 20 of them. A bounded binary heap keeps
 * the k best seen so far, its worst on top.
 */

/** `better(a, b)` is true when candidate a ranks before b. */
export type Better = (a: number, b: number) => boolean;

function siftDown(heap: number[], at: number, better: Better): void {
  const size = heap.length;
  for (;;) {
    const left = 2 * at + 1;
    if (left >= size) return;
    const right = left + 1;
    // The heap's top is its worst element: children must not be worse than their parent.
    const worse = right < size && better(heap[left]!, heap[right]!) ? right : left;
    if (!better(heap[at]!, heap[worse]!)) return;
    [heap[at], heap[worse]] = [heap[worse]!, heap[at]!];
    at = worse;
  }
}

function siftUp(heap: number[], at: number, better: Better): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!better(heap[parent]!, heap[at]!)) return;
    [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
    at = parent;
  }
}

/** The best `k` candidates (numbers, e.g. indexes) offered by `each`, best first. */
export function selectTop(k: number, each: (offer: (candidate: number) => void) => void, better: Better): number[] {
  const heap: number[] = [];
  if (k <= 0) return heap;
  each((candidate) => {
    if (heap.length < k) {
      heap.push(candidate);
      siftUp(heap, heap.length - 1, better);
    } else if (better(candidate, heap[0]!)) {
      heap[0] = candidate;
      siftDown(heap, 0, better);
    }
  });
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
