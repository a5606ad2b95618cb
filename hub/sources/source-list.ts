/**
 * Every source, held in memory for the listings read on each console page (the sources
 * list, the failing sources counted in the navigation, the names in « Contenus »): FerretDB
 * 1.24 scans the collection for any filter, 30 ms for 200 sources of a few hundred bytes.
 * A token in `meta` (`_id: 'sources'`) is replaced after every write of a source (this
 * folder's writes call sourcesChanged()); a listing reads it by `_id` — one small lookup —
 * and reloads every source only when it moved, whichever hub process wrote. The token is
 * read at most once every TOKEN_HOLD_MS (every console page listed the sources, for the
 * failing ones counted in the navigation or the names in « Contenus »: one FerretDB round
 * trip in sequence after the session's): another process's write shows within a second,
 * this process's at once (sourcesChanged drops the copy, and a read overlapping it is not kept).
 */
import { randomBytes } from 'node:crypto';
import { Schema, model } from 'mongoose';
import { heldValues } from '../held/index.js';
import { SourceModel, type SourceDoc } from './source-model.js';

interface TokenDoc {
  _id: string;
  version: string;
}

const TokenModel = model<TokenDoc>(
  'SourcesVersion',
  new Schema<TokenDoc>({ _id: String, version: String }, { versionKey: false }),
  'meta',
);

/** How long a token read stands for this process (another process's write shows within it). */
export const TOKEN_HOLD_MS = 1_000;

/** The token as last read, held TOKEN_HOLD_MS (this process's writes drop it). */
const token = heldValues<string>({ freshMs: TOKEN_HOLD_MS });

interface Listing {
  version: string;
  sources: SourceDoc[];
}

let cached: Listing | undefined;
let loading: { version: string; promise: Promise<{ version: string; sources: SourceDoc[] }> } | undefined;
/** Moved by this process's writes: a read that overlapped one is not kept. */
let generation = 0;

/** Marks the sources as changed, for every process's listings. */
export async function sourcesChanged(): Promise<void> {
  cached = undefined;
  generation += 1;
  token.forget();
  const version = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
  await TokenModel.updateOne({ _id: 'sources' }, { $set: { version } }, { upsert: true });
  // The write is in: what was read before it (or during it) is not kept.
  cached = undefined;
  generation += 1;
  token.forget();
}

async function readVersion(): Promise<string> {
  return (await TokenModel.findById('sources').lean<TokenDoc>())?.version ?? '0';
}

async function load(version: string): Promise<{ version: string; sources: SourceDoc[] }> {
  // The token first: a write after it moves it again, and the next listing reloads.
  const sources = await SourceModel.find({}).sort({ partnerId: 1, createdAt: 1 }).lean<SourceDoc[]>();
  return { version, sources };
}

/** Every source, ordered by partner then creation (the array is the caller's; the documents are shared). */
export async function allSources(): Promise<SourceDoc[]> {
  const startedIn = generation;
  const version = await token.get('sources', readVersion);
  if (cached?.version === version) return cached.sources.slice();
  // Concurrent pages share one load of the same token (never an older one's).
  if (loading?.version !== version) {
    const current = { version, promise: load(version) };
    current.promise.finally(() => loading === current && (loading = undefined)).catch(() => undefined);
    loading = current;
  }
  const fresh = await loading.promise;
  if (fresh.version === version && startedIn === generation) cached = fresh;
  return fresh.sources.slice();
}
