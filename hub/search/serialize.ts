/**
 * Serialized form of a search index: gzip of length-prefixed frames: a JSON header, the doc
 * store, facets and vocabulary as JSON, then the compact postings (postings.ts) as binary:
 * the terms (newline-separated UTF-8), then offsets, document numbers (delta-encoded per
 * posting list) and weights as uint32 split into byte planes (all low bytes, then all
 * second bytes…, whatever the machine's byte order), which deflate squeezes far better than interleaved integers.
 * A format this code does not know (another version, an older JSON lunr index) throws a
 * `search:` error: the index is derived data, the caller rebuilds it.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzipSync } from 'node:zlib';
import { bitsetFromList, listBits, type Bitset } from './internal/bitset.js';
import { assembleIndex } from './build-index.js';
import { createFacetIndex } from './internal/facets.js';
import type { Postings } from './internal/postings.js';
import { FACET_NAMES, type DocStore, type FacetIndex, type SearchIndex } from './types.js';
import type { Vocabulary } from './internal/vocabulary.js';

const FORMAT = 'passerelle-search-index';
/**
 * 4: the doc store carries events; 5: the `keywords` field (citizens' wording) joined the
 * postings; 6: the `anchors` field (how other items' links name an item); 7: the doc store
 * carries each story's other items (`alsoPublished`); 8: the doc store carries each item's
 * categories and territory (a partner edit is laid over the index from them); 9: the doc
 * store carries the question fiches' parents (`askedBy`, internal/question-order.ts).
 */
const VERSION = 9;
/** The indexing analysis the postings come from: another one needs a rebuild. */
const PIPELINE = ['passerelle-fold-fr', 'passerelle-stop-fr', 'passerelle-stem-fr'];
const gunzipAsync = promisify(gunzip);

interface Header {
  format: string;
  version: number;
  builtAt: string;
  fields: string[];
  pipeline: string[];
  terms: number;
  entries: number;
  /** Average length of each field in terms (absent before the change log: optional). */
  averages?: number[];
}

function frame(body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length);
  return Buffer.concat([head, body]);
}

const jsonFrame = (value: unknown): Buffer => frame(Buffer.from(JSON.stringify(value), 'utf8'));

/** uint32 values → 4 byte planes (low bytes first). */
function toPlanes(values: Uint32Array): Buffer {
  const n = values.length;
  const out = Buffer.alloc(n * 4);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    out[i] = v & 0xff;
    out[n + i] = (v >>> 8) & 0xff;
    out[2 * n + i] = (v >>> 16) & 0xff;
    out[3 * n + i] = v >>> 24;
  }
  return out;
}

function fromPlanes(bytes: Buffer, n: number): Uint32Array {
  if (bytes.length !== n * 4) throw new Error('search: corrupt serialized index (array length)');
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++)
    out[i] = (bytes[i]! | (bytes[n + i]! << 8) | (bytes[2 * n + i]! << 16) | (bytes[3 * n + i]! << 24)) >>> 0;
  return out;
}

/** Document numbers as gaps within each posting list (the first one as is). */
function deltaDocs(postings: Postings): Uint32Array {
  const { offsets, docs } = postings;
  const out = new Uint32Array(docs.length);
  for (let l = 0; l + 1 < offsets.length; l++) {
    for (let p = offsets[l]!; p < offsets[l + 1]!; p++) out[p] = p === offsets[l] ? docs[p]! : docs[p]! - docs[p - 1]!;
  }
  return out;
}

function undeltaDocs(offsets: Uint32Array, gaps: Uint32Array): Uint32Array {
  for (let l = 0; l + 1 < offsets.length; l++) {
    for (let p = offsets[l]! + 1; p < offsets[l + 1]!; p++) gaps[p]! += gaps[p - 1]!;
  }
  return gaps;
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
  return Object.fromEntries(
    FACET_NAMES.map((name) => [name, Object.fromEntries([...facets[name]].map(([v, bits]) => [v, listBits(bits)]))]),
  );
}

/** Serializes an index to a gzip Buffer that `loadSearchIndex` reads back. */
export function serializeSearchIndex(index: SearchIndex): Buffer {
  const { postings } = index;
  const header: Header = {
    format: FORMAT,
    version: VERSION,
    builtAt: index.builtAt,
    fields: [...postings.fields],
    pipeline: PIPELINE,
    terms: postings.terms.length,
    entries: postings.docs.length,
    ...(postings.averageFieldLengths ? { averages: [...postings.averageFieldLengths] } : {}),
  };
  const vocabulary = {
    words: index.vocabulary.words,
    display: index.vocabulary.display,
    freq: Array.from(index.vocabulary.freq),
  };
  const frames = [
    jsonFrame(header),
    jsonFrame(encodeDocs(index.docs)),
    jsonFrame(encodeFacets(index.facets)),
    jsonFrame(vocabulary),
    frame(Buffer.from(postings.terms.join('\n'), 'utf8')),
    frame(toPlanes(postings.offsets)),
    frame(toPlanes(deltaDocs(postings))),
    frame(toPlanes(postings.weights)),
  ];
  return gzipSync(Buffer.concat(frames), { level: 6 });
}

/** Yields each frame's bytes, in order. */
function* readFrames(raw: Buffer): Generator<Buffer> {
  for (let at = 0; at < raw.length;) {
    if (at + 4 > raw.length) throw new Error('search: truncated serialized index');
    const length = raw.readUInt32LE(at);
    if (at + 4 + length > raw.length) throw new Error('search: truncated serialized index');
    yield raw.subarray(at + 4, at + 4 + length);
    at += 4 + length;
  }
}

function toBuffer(serialized: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(serialized)
    ? serialized
    : Buffer.from(serialized.buffer, serialized.byteOffset, serialized.byteLength);
}

function isGzip(bytes: Buffer): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function parseJson(bytes: Buffer | undefined): unknown {
  if (!bytes) throw new Error('search: truncated serialized index');
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Error('search: not a serialized search index (unreadable frame)');
  }
}

/** Checks the first frame: a format or version this code does not read throws (the caller rebuilds). */
function readHeader(bytes: Buffer | undefined): Header {
  const header = parseJson(bytes) as Partial<Header> | null;
  if (header?.format !== FORMAT) throw new Error('search: not a serialized search index');
  if (header.version !== VERSION) {
    throw new Error(
      `search: serialized index format version ${String(header.version)} is not supported (expected ${VERSION}); rebuild the index`,
    );
  }
  if (JSON.stringify(header.pipeline) !== JSON.stringify(PIPELINE))
    throw new Error('search: serialized index was built with another analysis; rebuild the index');
  return header as Header;
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
    for (const [value, list] of Object.entries(raw[name] ?? {}))
      facets[name].set(value, bitsetFromList(size, list) as Bitset);
  }
  return facets;
}

function decodePostings(header: Header, frames: Buffer[]): Postings {
  const [termsRaw, offsetsRaw, docsRaw, weightsRaw] = frames;
  if (!weightsRaw || frames.length !== 4) throw new Error('search: truncated serialized index');
  const terms = header.terms === 0 ? [] : termsRaw!.toString('utf8').split('\n');
  if (terms.length !== header.terms) throw new Error('search: corrupt serialized index (terms)');
  const offsets = fromPlanes(offsetsRaw!, header.terms * header.fields.length + 1);
  if (offsets[offsets.length - 1] !== header.entries) throw new Error('search: corrupt serialized index (offsets)');
  const docs = undeltaDocs(offsets, fromPlanes(docsRaw!, header.entries));
  return {
    fields: header.fields,
    terms,
    offsets,
    docs,
    weights: fromPlanes(weightsRaw, header.entries),
    ...(header.averages ? { averageFieldLengths: header.averages } : {}),
  };
}

/** Decoding steps, frame by frame: the async loader yields to the event loop between them. */
function* decodeSteps(frames: Buffer[]): Generator<void, SearchIndex> {
  const header = readHeader(frames[0]);
  const [, docsRaw, facetsRaw, vocabRaw, ...binary] = frames;
  const docs = decodeDocs(parseJson(docsRaw) as Record<string, unknown>);
  yield;
  const vocab = parseJson(vocabRaw) as Vocabulary & { freq: number[] };
  const vocabulary = { words: vocab.words, display: vocab.display, freq: Uint32Array.from(vocab.freq) };
  yield;
  const facets = decodeFacets(parseJson(facetsRaw) as Record<string, Record<string, number[]>>, docs.ids.length);
  yield;
  return assembleIndex(decodePostings(header, binary), docs, facets, vocabulary, header.builtAt);
}

/** Loads an index serialized by `serializeSearchIndex` (gzip or already gunzipped). */
export function loadSearchIndex(serialized: Buffer | Uint8Array): SearchIndex {
  const bytes = toBuffer(serialized);
  const steps = decodeSteps([...readFrames(isGzip(bytes) ? gunzipSync(bytes) : bytes)]);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Same as loadSearchIndex, for a busy main thread: gunzips off-thread and yields to the
 * event loop between decoding steps, so requests keep being served while a new index loads.
 */
export async function loadSearchIndexAsync(serialized: Buffer | Uint8Array): Promise<SearchIndex> {
  const bytes = toBuffer(serialized);
  const raw = isGzip(bytes) ? await gunzipAsync(bytes) : bytes;
  const steps = decodeSteps([...readFrames(raw)]);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToEventLoop();
  }
}
