/** The rule of a link's state, table-driven: broken after two failures in a row, ok after one success. */
import { describe, expect, it } from 'vitest';
import { FAILURES_BEFORE_BROKEN } from '../../../hub/link-health/index.js';
import { applyOutcome } from '../../../hub/link-health/apply-outcome.js';
import type { LinkDoc } from '../../../hub/link-health/index.js';

const t0 = new Date('2026-11-01T00:00:00Z');
const t1 = new Date('2026-11-02T00:00:00Z');
const t2 = new Date('2026-11-03T00:00:00Z');
const fail = {
  ok: false as const,
  httpStatus: 404,
  error: { code: 'http_4xx', message: 'Page introuvable (HTTP 404)' },
};
const success = { ok: true as const, httpStatus: 200, finalUrl: 'https://a.nc/x', redirects: [] };
const link = (over: Partial<LinkDoc> = {}): LinkDoc => ({
  _id: 'h',
  url: 'https://a.nc/x',
  status: 'unchecked',
  consecutiveFailures: 0,
  refs: [],
  partnerIds: [],
  firstSeenAt: t0,
  redirects: [],
  ...over,
});

describe('applyOutcome', () => {
  it('needs two failures in a row', () => expect(FAILURES_BEFORE_BROKEN).toBe(2));

  it.each([
    ['a new link that fails once stays unchecked', link(), 'unchecked', 1],
    ['an ok link that fails once stays ok', link({ status: 'ok', lastOkAt: t0 }), 'ok', 1],
    ['the second failure breaks it', link({ status: 'ok', consecutiveFailures: 1, failingSince: t0 }), 'broken', 2],
    ['a broken link stays broken', link({ status: 'broken', consecutiveFailures: 2, brokenSince: t0 }), 'broken', 3],
  ])('%s', (_name, previous, status, failures) => {
    const next = applyOutcome(previous, fail, t1);
    expect(next).toMatchObject({ status, consecutiveFailures: failures, lastCheckedAt: t1, httpStatus: 404 });
    expect(next.error?.code).toBe('http_4xx');
  });

  it('keeps the day the link broke and the day its failures began', () => {
    const once = applyOutcome(link({ status: 'ok', lastOkAt: t0 }), fail, t0);
    const twice = applyOutcome(once, fail, t1);
    const thrice = applyOutcome(twice, fail, t2);
    expect(once).toMatchObject({ failingSince: t0 });
    expect(once.brokenSince).toBeUndefined();
    expect(twice).toMatchObject({ failingSince: t0, brokenSince: t1 });
    expect(thrice).toMatchObject({ failingSince: t0, brokenSince: t1, lastOkAt: t0 });
  });

  it('one success makes it ok and clears the failure', () => {
    const broken = link({
      status: 'broken',
      consecutiveFailures: 5,
      brokenSince: t0,
      failingSince: t0,
      error: fail.error,
      httpStatus: 404,
    });
    const next = applyOutcome(broken, { ...success, movedTo: 'https://b.nc/y', etag: '"e"' }, t1);
    expect(next).toMatchObject({
      status: 'ok',
      consecutiveFailures: 0,
      lastOkAt: t1,
      httpStatus: 200,
      movedTo: 'https://b.nc/y',
      etag: '"e"',
    });
    expect(next.brokenSince).toBeUndefined();
    expect(next.failingSince).toBeUndefined();
    expect(next.error).toBeUndefined();
  });

  it('forgets a redirect offer that the last success did not make', () => {
    const next = applyOutcome(link({ status: 'ok', movedTo: 'https://b.nc/y' }), success, t1);
    expect(next.movedTo).toBeUndefined();
  });
});
