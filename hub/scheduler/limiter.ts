/** Bounded concurrency: a semaphore, and one semaphore per key (e.g. per partner host). */

/** A counting semaphore whose waiters are served in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Runs fn when a slot is free. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await fn();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  get busy(): number {
    return this.active;
  }

  get free(): number {
    return Math.max(0, this.limit - this.active);
  }
}

/** One semaphore per key, dropped when idle. */
export class KeyedSemaphore {
  private readonly byKey = new Map<string, { semaphore: Semaphore; users: number }>();

  constructor(private readonly limitPerKey: number) {}

  /** Runs fn when the key has a free slot. */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = { semaphore: new Semaphore(this.limitPerKey), users: 0 }));
    entry.users += 1;
    try {
      return await entry.semaphore.run(fn);
    } finally {
      entry.users -= 1;
      if (entry.users === 0) this.byKey.delete(key);
    }
  }
}
