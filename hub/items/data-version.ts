/**
 * A token replaced whenever ingestion changes items. Derived data (search index, feeds)
 * compares the token it was built from with the current one; several hub processes learn
 * of changes this way. A fresh random token rather than a counter: on FerretDB 1.24 two
 * concurrent `$inc` can leave one bump lost, whereas two concurrent `$set` of different
 * tokens always leave a token that differs from the one read before either change.
 */
import { randomBytes } from 'node:crypto';
import { Schema, model } from 'mongoose';
import { appendItemChange } from './change-log.js';

interface MetaDoc {
  _id: string;
  version: string;
  changedAt: Date;
  /** The last change-log entry written (a hint: see change-log.ts). */
  seq?: number;
}

const MetaModel = model<MetaDoc>(
  'Meta',
  new Schema<MetaDoc>({ _id: String, version: String, changedAt: Date, seq: Number }, { versionKey: false }),
  'meta',
);

/**
 * Marks the items as changed; returns the new token. The items this process changed since
 * the last call (noted by the writes of this folder) go to the change log first, with
 * `everything` when a change touched items nobody listed, `partners` when partners' indexed
 * fields changed (`directory` when only fields pages show did), or `storedSeq` when a full
 * index built up to that entry was stored.
 */
export async function bumpItemsVersion(
  options: { everything?: boolean; storedSeq?: number; partners?: string[]; directory?: boolean } = {},
): Promise<string> {
  const hint = (await getItemsVersionInfo()).seq;
  const seq = await appendItemChange(hint, options);
  const version = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
  await MetaModel.updateOne(
    { _id: 'items' },
    { $set: { version, changedAt: new Date(), ...(seq !== undefined ? { seq } : {}) } },
    { upsert: true },
  );
  return version;
}

/** The current token ('0' before any change). */
export async function getItemsVersion(): Promise<string> {
  return (await getItemsVersionInfo()).version;
}

/** The current token, when it was set (epoch for none) and the change log's hint. One read by `_id`. */
export async function getItemsVersionInfo(): Promise<{ version: string; changedAt: Date; seq: number }> {
  const doc = await MetaModel.findById('items').lean<MetaDoc>();
  return {
    version: doc?.version !== undefined ? String(doc.version) : '0',
    changedAt: doc?.changedAt instanceof Date ? doc.changedAt : new Date(0),
    seq: typeof doc?.seq === 'number' ? doc.seq : 0,
  };
}
