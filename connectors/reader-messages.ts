/**
 * What a reader thread and the main thread say to each other while a source is read:
 * the thread asks the main thread to fetch (one fetcher per process keeps the per-host
 * politeness), says that it is making progress, and hands items over in small chunks, one
 * at a time: the main thread asks for the next chunk (`take`) only after a turn of its
 * event loop. A receiving port deserializes every message already queued in one go, so
 * chunks posted back to back (a corpus of 7,594 fiches: tens of MB) would block the main
 * thread for seconds on a busy machine, however small each chunk.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ItemInput } from '../schemas/index.js';
import type { ConnectorResult } from './run-connector.js';
import {
  ConnectorError,
  type ConnectorErrorCode,
  type ConditionalCache,
  type ConnectorSource,
  type FetchRequest,
  type FetchResponse,
  type Rejection,
  type RunBudget,
} from './shared/index.js';

/** The task a reader thread runs. */
export interface ReadTask {
  port: MessagePort;
  source: ConnectorSource;
  cache?: ConditionalCache;
  budget?: RunBudget;
  /** A preview keeps only this many items and rejections. */
  previewLimit?: number;
}

/** A ConnectorError as it crosses threads (an Error loses its own fields in a message). */
export interface ErrorShape {
  code: ConnectorErrorCode;
  message: string;
  httpStatus?: number;
  retryAfterSeconds?: number;
  url?: string;
  runBudget?: boolean;
}

/** Reader thread → main thread. */
export type FromReader =
  | { type: 'started' }
  /** The read moved on (sent at most once a second): its time limit counts again. */
  | { type: 'progress' }
  | { type: 'fetch'; id: number; request: FetchRequest }
  /** A chunk of items; the next one waits for the main thread's `take`. */
  | { type: 'items'; items: ItemInput[] }
  | { type: 'rejected'; rejected: Rejection[] }
  | { type: 'done'; result: ConnectorResult }
  | { type: 'failed'; error: ErrorShape };

/** Main thread → reader thread: the answer to a fetch, or the go-ahead for the next chunk of items. */
export type ToReader =
  | { type: 'fetched'; id: number; response: FetchResponse }
  | { type: 'fetched'; id: number; error: ErrorShape }
  | { type: 'take' };

/** The fields of a ConnectorError that survive a message. */
export function toErrorShape(error: ConnectorError): ErrorShape {
  const shape: ErrorShape = { code: error.code, message: error.message };
  if (error.httpStatus !== undefined) shape.httpStatus = error.httpStatus;
  if (error.retryAfterSeconds !== undefined) shape.retryAfterSeconds = error.retryAfterSeconds;
  if (error.url !== undefined) shape.url = error.url;
  if (error.runBudget) shape.runBudget = true;
  return shape;
}

/** The ConnectorError a shape stands for. */
export function fromErrorShape(shape: ErrorShape): ConnectorError {
  const { code, message, ...details } = shape;
  return new ConnectorError(code, message, details);
}

/**
 * The body's bytes as an ArrayBuffer of their own, which can be transferred rather than
 * copied. A small Buffer lives in Node's shared pool: transferring that would hand other
 * Buffers' memory over, so it is copied.
 */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return buffer;
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

const CHUNK_ITEMS = 250;
const CHUNK_CHARS = 1_000_000;

/** Splits items into messages of at most CHUNK_ITEMS items or about CHUNK_CHARS characters. */
export function* chunkItems(items: ItemInput[]): Generator<ItemInput[]> {
  let chunk: ItemInput[] = [];
  let chars = 0;
  for (const item of items) {
    chunk.push(item);
    chars += item.title.length + (item.summary?.length ?? 0) + (item.content?.length ?? 0);
    if (chunk.length >= CHUNK_ITEMS || chars >= CHUNK_CHARS) {
      yield chunk;
      chunk = [];
      chars = 0;
    }
  }
  if (chunk.length) yield chunk;
}
