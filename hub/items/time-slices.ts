/**
 * CPU-bound work over many items, in slices: the event loop gets a turn every `sliceMs` of
 * work, so that requests are answered between two (a batch of 250 rich DILA fiches took
 * 1.6 s of readability measures in one block, the story signatures 0.5 s more).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** About the time one slice may hold the event loop. */
const SLICE_MS = 10;

/** `items.map(fn)`, with a turn of the event loop after every ~10 ms of work. */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R, sliceMs = SLICE_MS): Promise<R[]> {
  const out: R[] = [];
  let sliceStart = performance.now();
  for (const item of items) {
    out.push(fn(item));
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  return out;
}
