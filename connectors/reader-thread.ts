/**
 * Entry of a reader thread (piscina task): runs one source — fetch, parse, map — off the
 * main thread. Its fetches go through the main thread's fetcher; its items go back in
 * chunks, then `done` (or `failed`). A thread that runs out of memory or time is killed
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
import { classifyFailure, type Fetcher, type FetchResponse } from './shared/index.js';

/** A fetcher whose requests the main thread performs. */
function createPortFetcher(port: MessagePort): Fetcher {
  const waiting = new Map<number, { resolve(r: FetchResponse): void; reject(e: Error): void }>();
  let next = 0;
  port.on('message', (message: ToReader) => {
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if ('error' in message) pending?.reject(fromErrorShape(message.error));
    else pending?.resolve({ ...message.response, body: new Uint8Array(message.response.body) });
  });
  return {
    fetch(request) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        post(port, { type: 'fetch', id, request });
      });
    },
    close: async () => undefined,
  };
}

function post(port: MessagePort, message: FromReader): void {
  port.postMessage(message);
}

/** Reads one source; everything it says goes through task.port. */
export default async function readSource(task: ReadTask | { warm: true }): Promise<void> {
  // A warm-up task: the thread is started and its modules loaded, nothing to read.
  if ('warm' in task) return;
  const { port, source } = task;
  post(port, { type: 'started' });
  try {
    const result = await runConnector(source, {
      fetcher: createPortFetcher(port),
      ...(task.cache ? { cache: task.cache } : {}),
      ...(task.budget ? { budget: task.budget } : {}),
    });
    const limit = task.previewLimit ?? Infinity;
    for (const items of chunkItems(result.items.slice(0, limit))) post(port, { type: 'items', items });
    const rejected = result.rejected.slice(0, limit);
    for (let i = 0; i < rejected.length; i += 1000)
      post(port, { type: 'rejected', rejected: rejected.slice(i, i + 1000) });
    post(port, { type: 'done', result: { ...result, items: [], rejected: [] } });
  } catch (error) {
    post(port, { type: 'failed', error: toErrorShape(classifyFailure(error, source.url)) });
  } finally {
    port.close();
  }
}
