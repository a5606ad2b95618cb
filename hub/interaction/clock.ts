/**
 * The one clock of the interaction module. Tests move it forward (edit window, token
 * ages) instead of sleeping; the hub runs in the test's own process.
 */
let current: () => Date = () => new Date();

/** Now, as the interaction module sees it. */
export function now(): Date {
  return current();
}

/** Replaces the clock (tests); call without argument to restore the real one. */
export function setInteractionClock(clock?: () => Date): void {
  current = clock ?? (() => new Date());
}
