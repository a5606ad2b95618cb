import { describe, expect, it } from 'vitest';
import { mapInSlices } from '../../../hub/items/index.js';

/** Holds the CPU for `ms`, as a readability measure of a rich fiche does. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('mapInSlices', () => {
  it('maps in order, and lets the event loop run between slices of ~10 ms', async () => {
    const turns: number[] = [];
    let mapped = 0;
    const timer = setInterval(() => turns.push(mapped), 0);
    const out = await mapInSlices(
      Array.from({ length: 20 }, (_, i) => i),
      (i) => {
        busy(4);
        mapped += 1;
        return i * 2;
      },
    );
    clearInterval(timer);
    expect(out).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    // 80 ms of work: the interval ran in between, not only before or after.
    expect(turns.filter((n) => n > 0 && n < 20).length).toBeGreaterThanOrEqual(3);
  });

  it('does not yield for quick work', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    await mapInSlices([1, 2, 3], (i) => i);
    clearInterval(timer);
    expect(ticks).toBe(0);
  });
});
