/**
 * Entry of a reader thread (piscina task): runs one source — fetch, parse, map — off the
 * main thread. Its fetches go through the main thread's fetcher; it says when it makes
 * progress; its items go back in chunks, one at a time (each waits for the main thread's
 * `take`), then `done` (or `failed`). A thread that runs out of memory or time is killed
 * by the pool, which fails the run (reader-pool.ts).
 */
import type { MessagePort } from 'node:worker_threads';
import { runConnector } from './run-connector.js';
import {
  chunkItems,
  fromErrorShape,
  toErrorShape,
  type FromReader,
  type ReadTask,
  type ToReader,
} from './reader-messages.js';
import { classifyFailure, listenToProgress, type Fetcher, type FetchResponse } from './shared/index.js';

/** Progress is said at most this often: a message per entry would cost more than the entry. */
const PROGRESS_EVERY_MS = 1_000;

/** The thread's end of the port: a fetcher whose requests the main thread performs, and the main thread's `take`s. */
function listen(port: MessagePort): { fetcher: Fetcher; taken(): Promise<void> } {
  const waiting = new Map<number, { resolve(r: FetchResponse): void; reject(e: Error): void }>();
  let next = 0;
  let onTake: (() => void) | undefined;
  port.on('message', (message: ToReader) => {
    if (message.type === 'take') {
      const resolve = onTake;
      onTake = undefined;
      return resolve?.();
    }
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if ('error' in message) pending?.reject(fromErrorShape(message.error));
    else pending?.resolve({ ...message.response, body: new Uint8Array(message.response.body) });
  });
  // The main thread gave up on this read: nothing more to wait for.
  port.on('close', () => onTake?.());
  const fetcher: Fetcher = {
    fetch(request) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        post(port, { type: 'fetch', id, request });
      });
    },
    close: async () => undefined,
  };
  return { fetcher, taken: () => new Promise<void>((resolve) => (onTake = resolve)) };
}

function post(port: MessagePort, message: FromReader): void {
  port.postMessage(message);
}

/** Tells the main thread, at most once a second, that the read moves on. */
function sayProgress(port: MessagePort): () => void {
  let last = Date.now();
  return () => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    post(port, { type: 'progress' });
  };
}

/** Reads one source; everything it says goes through task.port. */
export default async function readSource(task: ReadTask | { warm: true }): Promise<void> {
  // A warm-up task: the thread is started and its modules loaded, nothing to read.
  if ('warm' in task) return;
  const { port, source } = task;
  const channel = listen(port);
  post(port, { type: 'started' });
  listenToProgress(sayProgress(port));
  try {
    const result = await runConnector(source, {
      fetcher: channel.fetcher,
      ...(task.cache ? { cache: task.cache } : {}),
      ...(task.budget ? { budget: task.budget } : {}),
    });
    const limit = task.previewLimit ?? Infinity;
    for (const items of chunkItems(result.items.slice(0, limit))) {
      const taken = channel.taken();
      post(port, { type: 'items', items });
      await taken;
    }
    const rejected = result.rejected.slice(0, limit);
    for (let i = 0; i < rejected.length; i += 1000)
      post(port, { type: 'rejected', rejected: rejected.slice(i, i + 1000) });
    post(port, { type: 'done', result: { ...result, items: [], rejected: [] } });
  } catch (error) {
    post(port, { type: 'failed', error: toErrorShape(classifyFailure(error, source.url)) });
  } finally {
    listenToProgress(undefined);
    port.close();
  }
}
