/** The next run of a source: never sooner than five minutes after the last one. */
import { describe, expect, it } from 'vitest';
import { checkCronExpression, computeNextRunAt, MIN_RUN_INTERVAL_MS } from '../../../hub/sources/index.js';

const now = new Date('2026-11-30T10:00:30Z');

describe('computeNextRunAt', () => {
  it('waits at least five minutes after a run, whatever the expression says', () => {
    const next = computeNextRunAt({ schedule: '* * * * *', now, succeeded: true, consecutiveFailures: 0 });
    expect(next.getTime() - now.getTime()).toBeGreaterThanOrEqual(MIN_RUN_INTERVAL_MS);
    expect(next.getTime() - now.getTime()).toBeLessThan(MIN_RUN_INTERVAL_MS + 60_000);
  });

  it('keeps a Retry-After of a few seconds from bringing a source back sooner', () => {
    const next = computeNextRunAt({
      schedule: '*/30 * * * *',
      now,
      succeeded: false,
      consecutiveFailures: 1,
      retryAfterSeconds: 2,
    });
    expect(next.getTime() - now.getTime()).toBeGreaterThanOrEqual(MIN_RUN_INTERVAL_MS);
  });
});

describe('checkCronExpression', () => {
  it('accepts five fields and refuses six (seconds) in French', () => {
    expect(checkCronExpression('*/5 * * * *')).toBeUndefined();
    expect(checkCronExpression('* * * * * *')).toMatch(/^5 champs attendus/);
  });
});
