/**
 * A counter bumped whenever ingestion changes items. Derived data (search index, feeds)
 * compares its own version with it; several hub processes learn of changes this way.
 */
import { Schema, model } from 'mongoose';

interface MetaDoc {
  _id: string;
  version: number;
  changedAt: Date;
}

const MetaModel = model<MetaDoc>('Meta', new Schema<MetaDoc>({ _id: String, version: Number, changedAt: Date }, { versionKey: false }), 'meta');

/** Increments the items' data version; returns the new one. */
export async function bumpItemsVersion(): Promise<number> {
  const doc = await MetaModel.findOneAndUpdate(
    { _id: 'items' },
    { $inc: { version: 1 }, $set: { changedAt: new Date() } },
    { upsert: true, new: true },
  ).lean<MetaDoc>();
  return doc?.version ?? 0;
}

/** The current items' data version (0 before any change). */
export async function getItemsVersion(): Promise<number> {
  const doc = await MetaModel.findById('items').lean<MetaDoc>();
  return doc?.version ?? 0;
}
