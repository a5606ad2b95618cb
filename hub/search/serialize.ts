/**
 * Serialized form of a search index: gzip of length-prefixed JSON frames (header, doc
 * store, facets, vocabulary, then lunr's inverted index in chunks; no field vectors, see
 * posting-weights.ts).
 * Chunks keep every JSON string small: one JSON.stringify of a 50k-item lunr index would
 * approach V8's string size limit and double the memory peak.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzipSync } from 'node:zlib';
import { lunr, registerPipeline } from './analysis/index.js';
import { bitsetFromList, listBits, type Bitset } from './internal/bitset.js';
import { assembleIndex } from './build-index.js';
import { createFacetIndex } from './internal/facets.js';
import { FACET_NAMES, type DocStore, type FacetIndex, type SearchIndex } from './types.js';
import type { Vocabulary } from './internal/vocabulary.js';

const FORMAT = 'passerelle-search-index';
const VERSION = 2;
const CHUNK = 5_000;
const gunzipAsync = promisify(gunzip);

interface Header {
  format: string;
  version: number;
  builtAt: string;
  lunr: { version: string; fields: string[]; pipeline: string[] };
  chunks: { invertedIndex: number };
}

type LunrJson = { version: string; fields: string[]; pipeline: string[]; invertedIndex: unknown[] };

function frame(value: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length);
  return Buffer.concat([head, body]);
}

function chunked(list: unknown[]): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

function encodeDocs(docs: DocStore): unknown {
  return {
    ...docs,
    dates: Array.from(docs.dates, (d) => (Number.isNaN(d) ? null : d)),
    likes: Array.from(docs.likes),
    comments: Array.from(docs.comments),
  };
}

function encodeFacets(facets: FacetIndex): unknown {
  return Object.fromEntries(FACET_NAMES.map((name) => [name, Object.fromEntries([...facets[name]].map(([v, bits]) => [v, listBits(bits)]))]));
}

/** Serializes an index to a gzip Buffer that `loadSearchIndex` reads back. */
export function serializeSearchIndex(index: SearchIndex): Buffer {
  const json = index.lunr.toJSON() as unknown as LunrJson;
  const inverted = chunked(json.invertedIndex);
  const header: Header = {
    format: FORMAT, version: VERSION, builtAt: index.builtAt,
    lunr: { version: json.version, fields: json.fields, pipeline: json.pipeline },
    chunks: { invertedIndex: inverted.length },
  };
  const vocabulary = { words: index.vocabulary.words, display: index.vocabulary.display, freq: Array.from(index.vocabulary.freq) };
  const frames = [header, encodeDocs(index.docs), encodeFacets(index.facets), vocabulary, ...inverted].map(frame);
  return gzipSync(Buffer.concat(frames), { level: 6 });
}

/** Yields each frame's parsed JSON, in order. */
function* readFrames(raw: Buffer): Generator<unknown> {
  for (let at = 0; at < raw.length; ) {
    if (at + 4 > raw.length) throw new Error('search: truncated serialized index');
    const length = raw.readUInt32LE(at);
    if (at + 4 + length > raw.length) throw new Error('search: truncated serialized index');
    yield JSON.parse(raw.toString('utf8', at + 4, at + 4 + length));
    at += 4 + length;
  }
}

function toBuffer(serialized: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(serialized) ? serialized : Buffer.from(serialized.buffer, serialized.byteOffset, serialized.byteLength);
}

function isGzip(bytes: Buffer): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function decodeDocs(raw: Record<string, unknown>): DocStore {
  const docs = raw as unknown as DocStore & { dates: (number | null)[]; likes: number[]; comments: number[] };
  return {
    ...docs,
    dates: Float64Array.from(docs.dates, (d) => (d === null ? NaN : d)),
    likes: Uint32Array.from(docs.likes),
    comments: Uint32Array.from(docs.comments),
  };
}

function decodeFacets(raw: Record<string, Record<string, number[]>>, size: number): FacetIndex {
  const facets = createFacetIndex();
  for (const name of FACET_NAMES) {
    for (const [value, list] of Object.entries(raw[name] ?? {})) facets[name].set(value, bitsetFromList(size, list) as Bitset);
  }
  return facets;
}

function assemble(frames: unknown[]): SearchIndex {
  registerPipeline();
  const [header, docsRaw, facetsRaw, vocabRaw, ...chunks] = frames as [Header, Record<string, unknown>, never, Vocabulary & { freq: number[] }, ...unknown[][]];
  if (header?.format !== FORMAT || header.version !== VERSION) throw new Error('search: not a serialized search index (or another version)');
  if (chunks.length !== header.chunks.invertedIndex) throw new Error('search: truncated serialized index');
  const index = lunr.Index.load({ ...header.lunr, invertedIndex: chunks.flat(), fieldVectors: [] } as unknown as object);
  const docs = decodeDocs(docsRaw);
  const vocabulary = { words: vocabRaw.words, display: vocabRaw.display, freq: Uint32Array.from(vocabRaw.freq) };
  return assembleIndex(index, docs, decodeFacets(facetsRaw, docs.ids.length), vocabulary, header.builtAt);
}

/** Loads an index serialized by `serializeSearchIndex` (gzip or already gunzipped). */
export function loadSearchIndex(serialized: Buffer | Uint8Array): SearchIndex {
  const bytes = toBuffer(serialized);
  return assemble([...readFrames(isGzip(bytes) ? gunzipSync(bytes) : bytes)]);
}

/**
 * Same as loadSearchIndex, for a busy main thread: gunzips off-thread and yields to the
 * event loop between frames, so requests keep being served while a new index loads
 * (a 10k-item index is ~300 ms of JSON parsing, in slices of a few ms).
 */
export async function loadSearchIndexAsync(serialized: Buffer | Uint8Array): Promise<SearchIndex> {
  const bytes = toBuffer(serialized);
  const raw = isGzip(bytes) ? await gunzipAsync(bytes) : bytes;
  const frames: unknown[] = [];
  for (const frame of readFrames(raw)) {
    frames.push(frame);
    await yieldToEventLoop();
  }
  return assemble(frames);
}
