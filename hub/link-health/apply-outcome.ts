/** How a check changes a link's record: pure, so that the rule is read and tested in one place. */
import type { CheckOutcome } from './check-link.js';
import type { LinkDoc } from './link-model.js';

/** A link is broken after this many failed checks in a row; one success makes it ok again. */
export const FAILURES_BEFORE_BROKEN = 2;

/** The record after one check at `now`. */
export function applyOutcome(previous: LinkDoc, outcome: CheckOutcome, now: Date): LinkDoc {
  const {
    error: _error,
    httpStatus: _status,
    failingSince: _failing,
    brokenSince: _broken,
    movedTo: _moved,
    ...kept
  } = previous;
  if (outcome.ok) {
    const { ok: _ok, ...fields } = outcome;
    return { ...kept, ...fields, status: 'ok', consecutiveFailures: 0, lastCheckedAt: now, lastOkAt: now };
  }
  const failures = previous.consecutiveFailures + 1;
  const broken = failures >= FAILURES_BEFORE_BROKEN;
  return {
    ...kept,
    // One failure is not enough to call it broken: a link never seen answering stays unchecked.
    status: broken ? 'broken' : previous.status,
    consecutiveFailures: failures,
    lastCheckedAt: now,
    error: outcome.error,
    ...(outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
    failingSince: previous.failingSince ?? now,
    ...(broken ? { brokenSince: previous.brokenSince ?? now } : {}),
  };
}

/** True when this check turned the link broken (the moment to tell its owners). */
export function becameBroken(previous: LinkDoc, next: LinkDoc): boolean {
  return previous.status !== 'broken' && next.status === 'broken';
}
