/**
 * The helper behind the console's counters, the held agent and the sources' token: a value
 * held for about a second, stale-while-revalidate when asked, dropped by this process's
 * writes (a read that overlapped one is not kept), one read shared by concurrent callers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { heldValues } from '../../../hub/held/index.js';

afterEach(() => vi.useRealTimers());

describe('heldValues', () => {
  it('holds a value freshMs, then reads before serving when there is no stale window', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const held = heldValues<string>({ freshMs: 1_000 });
    let stored = 'a';
    let reads = 0;
    const read = async () => {
      reads += 1;
      return stored;
    };
    expect(await held.get('k', read)).toBe('a');
    stored = 'b';
    vi.advanceTimersByTime(999);
    expect(await held.get('k', read)).toBe('a');
    expect(reads).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await held.get('k', read)).toBe('b');
    expect(reads).toBe(2);
  });

  it('serves a stale value while one refresh runs, up to maxAgeMs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const held = heldValues<number>({ freshMs: 1_000, maxAgeMs: 2_000 });
    let stored = 1;
    let reads = 0;
    const read = async () => {
      reads += 1;
      return stored;
    };
    expect(await held.get('k', read)).toBe(1);
    stored = 2;
    vi.advanceTimersByTime(1_500);
    expect(await held.get('k', read)).toBe(1);
    await Promise.resolve();
    expect(reads).toBe(2);
    expect(await held.get('k', read)).toBe(2);
    stored = 3;
    vi.advanceTimersByTime(2_000);
    expect(await held.get('k', read)).toBe(3);
    expect(reads).toBe(3);
  });

  it('keeps keys apart, and forget(key) drops only that key', async () => {
    const held = heldValues<string>({ freshMs: 60_000 });
    expect(await held.get('a', async () => 'a1')).toBe('a1');
    expect(await held.get('b', async () => 'b1')).toBe('b1');
    held.forget('a');
    expect(await held.get('a', async () => 'a2')).toBe('a2');
    expect(await held.get('b', async () => 'b2')).toBe('b1');
    held.forget();
    expect(await held.get('b', async () => 'b3')).toBe('b3');
  });

  it('does not keep a read that overlapped a write, nor share it with a caller after the write', async () => {
    const held = heldValues<number>({ freshMs: 60_000 });
    let release!: (n: number) => void;
    const slow = held.get('k', () => new Promise<number>((resolve) => (release = resolve)));
    held.forget('k');
    // A caller after the write does not join the read that started before it.
    expect(await held.get('k', async () => 9)).toBe(9);
    release(5);
    expect(await slow).toBe(5);
    // 9 was read after the write and is held; 5 was not kept.
    expect(await held.get('k', async () => 10)).toBe(9);
    // A write of another key during a read also discards that read (the generation is shared).
    let releaseOther!: (n: number) => void;
    held.forget('k');
    const other = held.get('k', () => new Promise<number>((resolve) => (releaseOther = resolve)));
    held.forget('z');
    releaseOther(11);
    expect(await other).toBe(11);
    expect(await held.get('k', async () => 12)).toBe(12);
  });

  it('shares one read between concurrent callers', async () => {
    const held = heldValues<number>({ freshMs: 1_000 });
    let reads = 0;
    const read = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 4;
    };
    expect(await Promise.all([held.get('k', read), held.get('k', read), held.get('k', read)])).toEqual([4, 4, 4]);
    expect(reads).toBe(1);
  });

  it('holds nothing when a read fails, and the next caller reads again', async () => {
    const held = heldValues<number>({ freshMs: 60_000 });
    await expect(
      held.get('k', () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    await expect(held.get('k', async () => Promise.reject(new Error('still down')))).rejects.toThrow('still down');
    expect(await held.get('k', async () => 1)).toBe(1);
  });
});
