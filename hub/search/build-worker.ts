/**
 * Worker-thread entry: builds and serializes an index off the main thread, which then
 * only has to load it. Receives `{ items, partners }` as workerData, posts back the
 * serialized index as a transferred ArrayBuffer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex } from './build-index.js';
import { serializeSearchIndex } from './serialize.js';
import type { IndexableItem, PartnerMap } from './types.js';

const job = workerData as { items: IndexableItem[]; partners: PartnerMap };
const serialized = serializeSearchIndex(buildSearchIndex(job.items, job.partners));
// A fresh ArrayBuffer that can be transferred (a Buffer may share a pooled one).
const out = serialized.buffer.slice(serialized.byteOffset, serialized.byteOffset + serialized.byteLength);
parentPort?.postMessage(out, [out as ArrayBuffer]);
