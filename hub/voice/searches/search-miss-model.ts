import { Schema, model } from 'mongoose';

/**
 * Searches that found nothing: one record per (normalized query, ISO week) per flush of a
 * hub process, with how many times it was asked meanwhile. Only inserts (FerretDB loses
 * concurrent $inc); the week's count is the sum of its records. Nothing about who searched:
 * no visitor key, no address, no time finer than the week.
 */
export interface SearchMissDoc {
  _id: string;
  query: string;
  week: string;
  count: number;
}

const schema = new Schema<SearchMissDoc>(
  {
    _id: String,
    query: { type: String, required: true },
    week: { type: String, required: true },
    count: { type: Number, required: true },
  },
  { versionKey: false },
);
schema.index({ week: 1 });

export const SearchMissModel = model<SearchMissDoc>('SearchMiss', schema, 'search_misses');
