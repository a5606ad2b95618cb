/**
 * The time limits of a read: one without progress, one in all. A read that keeps moving
 * outlives the first; one that hangs does not; one that drips forever meets the second.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createReadClock } from '../../connectors/reader-clock.js';

function watch(limits: { idleMs: number; totalMs: number }) {
  let expiredAt: number | undefined;
  const t0 = performance.now();
  const clock = createReadClock(limits, () => (expiredAt = performance.now() - t0));
  return { clock, expiredAt: () => expiredAt };
}

describe('the read clock', () => {
  it('expires after the limit without progress when nothing happens', async () => {
    const { clock, expiredAt } = watch({ idleMs: 100, totalMs: 5_000 });
    clock.start();
    await sleep(400);
    expect(clock.expired).toBe('idle');
    expect(expiredAt()).toBeGreaterThanOrEqual(95);
  });

  it('keeps a read that makes progress alive past the limit without progress', async () => {
    const { clock } = watch({ idleMs: 200, totalMs: 5_000 });
    clock.start();
    for (let i = 0; i < 8; i++) {
      await sleep(60);
      clock.progress();
    }
    // About 480 ms in: more than twice the limit without progress, still running.
    expect(clock.expired).toBeUndefined();
    clock.stop();
  });

  it('expires after the limit in all however steady the progress', async () => {
    const { clock, expiredAt } = watch({ idleMs: 200, totalMs: 500 });
    clock.start();
    for (let i = 0; i < 40 && !clock.expired; i++) {
      await sleep(50);
      clock.progress();
    }
    expect(clock.expired).toBe('total');
    expect(expiredAt()).toBeGreaterThanOrEqual(495);
  });

  it('counts nothing before the start, and nothing after the stop', async () => {
    const { clock } = watch({ idleMs: 50, totalMs: 100 });
    clock.progress();
    await sleep(150);
    expect(clock.expired).toBeUndefined();
    clock.start();
    clock.stop();
    clock.progress();
    await sleep(150);
    expect(clock.expired).toBeUndefined();
  });
});
