/**
 * Every source, held in memory for the listings read on each console page (the sources
 * list, the failing sources counted in the navigation, the names in « Contenus »): FerretDB
 * 1.24 scans the collection for any filter, 30 ms for 200 sources of a few hundred bytes.
 * A token in `meta` (`_id: 'sources'`) is replaced after every write of a source (this
 * folder's writes call sourcesChanged()); a listing reads it by `_id` — one small lookup —
 * and reloads every source only when it moved, whichever hub process wrote.
 */
import { randomBytes } from 'node:crypto';
import { Schema, model } from 'mongoose';
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

let cached: { version: string; sources: SourceDoc[] } | undefined;
let loading: Promise<{ version: string; sources: SourceDoc[] }> | undefined;

/** Marks the sources as changed, for every process's listings. */
export async function sourcesChanged(): Promise<void> {
  cached = undefined;
  const version = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
  await TokenModel.updateOne({ _id: 'sources' }, { $set: { version } }, { upsert: true });
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
  const version = await readVersion();
  if (cached?.version !== version) {
    // Concurrent pages share one load.
    loading ??= load(version).finally(() => (loading = undefined));
    const fresh = await loading;
    if (fresh.version === version) cached = fresh;
    else return fresh.sources.slice();
  }
  return cached.sources.slice();
}
