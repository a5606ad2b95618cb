/**
 * The time limits of one read in a reader thread. A read may go `idleMs` without a sign of
 * progress (a message from its thread: a fetch asked, a fiche parsed, items handed over;
 * or a fetch answered), and `totalMs` in all. A 20 MiB corpus of 7,594 fiches that keeps
 * moving is not cut short by a starved machine; a source that hangs (a stalled server, one
 * endless parse) still fails after `idleMs`, and one that drips forever after `totalMs`.
 */
export type Expiry = 'idle' | 'total';

export interface ReadClock {
  /** The thread started the read: both limits start counting. */
  start(): void;
  /** The read moved on: the limit without progress counts again from now. */
  progress(): void;
  stop(): void;
  /** Which limit ran out, if one did. */
  readonly expired: Expiry | undefined;
}

/** A clock that calls onExpire once, when the first of the two limits runs out. */
export function createReadClock(limits: { idleMs: number; totalMs: number }, onExpire: () => void): ReadClock {
  let idle: NodeJS.Timeout | undefined;
  let total: NodeJS.Timeout | undefined;
  let expired: Expiry | undefined;
  let stopped = false;
  const expire = (why: Expiry) => {
    if (expired) return;
    expired = why;
    clock.stop();
    onExpire();
  };
  const clock: ReadClock = {
    start() {
      if (idle || stopped) return;
      idle = setTimeout(() => expire('idle'), limits.idleMs);
      total = setTimeout(() => expire('total'), limits.totalMs);
    },
    progress() {
      if (!stopped) idle?.refresh();
    },
    stop() {
      stopped = true;
      clearTimeout(idle);
      clearTimeout(total);
    },
    get expired() {
      return expired;
    },
  };
  return clock;
}
