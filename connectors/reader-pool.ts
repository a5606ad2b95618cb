/**
 * Sources are read off the main thread, in a bounded pool of reader threads (piscina):
 * whatever a partner sends — a zip of huge fiches, 2,000,000 unclosed <div>, 200 pages of
 * JSON — it is parsed and mapped in a thread with a heap limit and a time limit, and the
 * hub's event loop keeps answering. A thread that runs out of memory or time (without
 * progress, or in all: reader-clock.ts) is killed and replaced; its run fails with
 * `too_large` or `timeout`, a thread that dies otherwise with `bad_format`. Items come back
 * one chunk per turn of the main thread's event loop (reader-messages.ts). Fetches stay on
 * the main thread, through the process's one fetcher, so the per-host politeness holds
 * across threads.
 *
 * Why piscina: it gives the queue, per-worker heap limits (resourceLimits), cancellation of
 * a running task by AbortSignal (the thread is terminated) and replacement of dead
 * threads; per-task limits are not needed (one limit per thread, READER_MEMORY_MB).
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { createReadClock, type ReadClock } from './reader-clock.js';
import { previewConnector, runConnector, type ConnectorResult } from './run-connector.js';
import {
  fromErrorShape,
  ownBuffer,
  toErrorShape,
  type FromReader,
  type ReadTask,
  type ToReader,
} from './reader-messages.js';
import {
  classifyFailure,
  ConnectorError,
  type ConditionalCache,
  type ConnectorSource,
  type Fetcher,
  type FetchRequest,
  type RunBudget,
} from './shared/index.js';

/** Options of createReaderPool. */
export interface ReaderPoolOptions {
  /** The process's fetcher: every request of every thread goes through it. */
  fetcher: Fetcher;
  /** Threads reading at once; more reads wait their turn. Default 2. */
  threads?: number;
  /** Heap limit of each thread, in MiB. Default 512. */
  memoryMb?: number;
  /** Time a read may go without progress (fetch, fiche, entry, chunk of items). Default 300 000 ms. */
  timeoutMs?: number;
  /** Time allowed to one read in all, from the moment a thread starts it. Default 4 × timeoutMs. */
  maxReadMs?: number;
  /** An idle thread beyond the first is stopped after this long (its memory goes back). Default 60 000 ms. */
  idleTimeoutMs?: number;
  /** Keep one thread started from the pool's creation (default); false: threads start when needed, all stop when idle. */
  keepOne?: boolean;
}

/** What a read is given besides the source. */
export interface ReadOptions {
  cache?: ConditionalCache;
  budget?: RunBudget;
  /** Called on the main thread as each chunk of items arrives, with the count so far. */
  onItems?(received: number): void;
}

/** Reads sources: the pool, or the main thread itself (readInProcess, for tools and tests). */
export interface ReaderPool {
  /** Reads a source in a thread: the same result as runConnector, or a ConnectorError. */
  read(source: ConnectorSource, options?: ReadOptions): Promise<ConnectorResult>;
  /** An admin preview: no validators, at most `limit` items and rejections (default 20). */
  preview(
    source: Omit<ConnectorSource, 'id'> & { id?: string },
    options?: { limit?: number; budget?: RunBudget },
  ): Promise<ConnectorResult>;
  /** Resolves once a thread is started and loaded: the hub's start waits for it. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULTS = { threads: 2, memoryMb: 512, timeoutMs: 300_000, idleTimeoutMs: 60_000, keepOne: true };
/** The limit on a read in all, in limits without progress. */
const TOTAL_TO_IDLE = 4;

/** Where a thread starts: the built file, or a small loader that registers tsx first. */
function threadEntry(): { filename: string; workerData?: { entry: string } } {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return { filename: fileURLToPath(new URL('./reader-thread.js', self)) };
  return {
    filename: fileURLToPath(new URL('./reader-thread-tsx.mjs', self)),
    workerData: { entry: new URL('./reader-thread.ts', self).href },
  };
}

/** Creates the pool; threads start on demand. */
export function createReaderPool(options: ReaderPoolOptions): ReaderPool {
  const given = { ...DEFAULTS, ...definedOnly(options) };
  const settings = { ...given, maxReadMs: given.maxReadMs ?? given.timeoutMs * TOTAL_TO_IDLE };
  const piscina = new Piscina({
    ...threadEntry(),
    // One thread is started with the pool and kept: a thread takes seconds to start (more
    // from the TypeScript sources), which a first run or preview should not wait for. Hubs
    // that seldom read (tests, tools) start one when a source is read instead.
    minThreads: settings.keepOne ? 1 : 0,
    maxThreads: settings.threads,
    idleTimeout: settings.idleTimeoutMs,
    atomics: 'disabled',
    niceIncrement: 10,
    resourceLimits: { maxOldGenerationSizeMb: settings.memoryMb },
  });
  // A thread killed between tasks has no task to fail; the pool replaces it.
  piscina.on('error', () => undefined);

  const read = (source: ConnectorSource, task: Omit<ReadTask, 'port' | 'source'> & Pick<ReadOptions, 'onItems'>) =>
    runTask(piscina, options.fetcher, settings, source, task);
  return {
    read: (source, readOptions = {}) => read(source, readOptions),
    preview: (source, previewOptions = {}) =>
      read(
        { ...source, id: source.id ?? 'preview' },
        {
          previewLimit: previewOptions.limit ?? 20,
          ...(previewOptions.budget ? { budget: previewOptions.budget } : {}),
        },
      ),
    warm: async () => void (await piscina.run({ warm: true })),
    close: () => piscina.destroy(),
  };
}

type Settings = typeof DEFAULTS & { maxReadMs: number };

/** One read: serves the thread's fetches, takes its items chunk by chunk, enforces the time limits. */
function runTask(
  piscina: Piscina,
  fetcher: Fetcher,
  settings: Settings,
  source: ConnectorSource,
  task: Omit<ReadTask, 'port' | 'source'> & Pick<ReadOptions, 'onItems'>,
): Promise<ConnectorResult> {
  const { port1, port2 } = new MessageChannel();
  const abort = new AbortController();
  const clock = createReadClock({ idleMs: settings.timeoutMs, totalMs: settings.maxReadMs }, () => abort.abort());
  const items: ConnectorResult['items'] = [];
  const rejected: ConnectorResult['rejected'] = [];
  const { onItems, ...threadTask } = task;
  return new Promise<ConnectorResult>((resolve, reject) => {
    port1.on('message', (message: FromReader) => {
      clock.progress();
      switch (message.type) {
        case 'started':
          return clock.start();
        case 'progress':
          return;
        case 'fetch':
          return void serveFetch(fetcher, port1, message.id, message.request).then(() => clock.progress());
        case 'items':
          items.push(...message.items);
          onItems?.(items.length);
          // The next chunk is asked for after this turn of the event loop: requests waiting
          // meanwhile are answered between two chunks.
          return void setImmediate(() => port1.postMessage({ type: 'take' } satisfies ToReader));
        case 'rejected':
          return void rejected.push(...message.rejected);
        case 'done':
          return resolve({ ...message.result, items, rejected });
        case 'failed':
          return reject(fromErrorShape(message.error));
      }
    });
    const payload: ReadTask = { ...threadTask, source, port: port2 as unknown as ReadTask['port'] };
    piscina
      .run(payload, { transferList: [port2 as unknown as MessagePort], signal: abort.signal })
      .catch((error: unknown) => reject(describeDeath(error, { clock, settings, url: source.url })));
  }).finally(() => {
    clock.stop();
    port1.close();
  });
}

/** Fetches for the thread; the body is moved to it, not copied. */
async function serveFetch(fetcher: Fetcher, port: MessagePort, id: number, request: FetchRequest): Promise<void> {
  let message: ToReader;
  const transfer: ArrayBuffer[] = [];
  try {
    const response = await fetcher.fetch(request);
    const body = ownBuffer(response.body);
    transfer.push(body);
    message = { type: 'fetched', id, response: { ...response, body: body as unknown as Uint8Array } };
  } catch (error) {
    message = { type: 'fetched', id, error: toErrorShape(classifyFailure(error, request.url)) };
  }
  // The thread may have been killed meanwhile: a closed port drops the message.
  port.postMessage(message, transfer);
}

/** Why a thread did not answer, as a stable code. */
function describeDeath(error: unknown, context: { clock: ReadClock; settings: Settings; url: string }): ConnectorError {
  const { clock, settings, url } = context;
  if (clock.expired === 'idle')
    return new ConnectorError('timeout', `reader: no progress reading the source for ${settings.timeoutMs / 1000} s`, {
      url,
    });
  if (clock.expired === 'total')
    return new ConnectorError('timeout', `reader: source not read within ${settings.maxReadMs / 1000} s`, { url });
  if ((error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new ConnectorError('too_large', `reader: reading the source needed more than ${settings.memoryMb} MiB`, {
      url,
    });
  const reason = error instanceof Error ? error.message : JSON.stringify(error);
  return new ConnectorError('bad_format', `reader: the reader thread died (${reason})`, { url, cause: error });
}

/**
 * A reader on the calling thread: the same results without the isolation (benchmarks
 * compare both; small tests need no thread).
 */
export function readInProcess(fetcher: Fetcher): ReaderPool {
  return {
    read: async (source, { onItems, ...readOptions } = {}) => {
      const result = await runConnector(source, { fetcher, ...readOptions });
      onItems?.(result.items.length);
      return result;
    },
    preview: (source, previewOptions = {}) => previewConnector(source, { fetcher, ...previewOptions }),
    warm: async () => undefined,
    close: async () => undefined,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
