import { Schema, model } from 'mongoose';
import type { Item } from '../../schemas/index.js';

/** An item as stored: the schema's Item with `_id` as its stable id and real dates. */
export type ItemDoc = Omit<
  Item,
  'id' | 'publishedAt' | 'updatedAt' | 'firstSeenAt' | 'lastSeenAt' | 'withdrawnAt' | 'event' | 'changeNotes'
> & {
  _id: string;
  publishedAt?: Date;
  updatedAt?: Date;
  firstSeenAt: Date;
  lastSeenAt: Date;
  withdrawnAt?: Date;
  event?: { start: Date; end?: Date; place?: string };
  /** Public dated notes of a lab item's later publications (hub/labs). */
  changeNotes?: { date: Date; note: string }[];
  /** The version of this stored shape (ITEM_SCHEMA_VERSION); absent on items written before versions. */
  schemaVersion?: number;
};

/**
 * The version of the item's stored shape that this code writes. Readers accept every
 * version still in the database (hub/migrations/README.md); raise it with a migration.
 */
export const ITEM_SCHEMA_VERSION = 1;

const media = new Schema(
  { url: { type: String, required: true }, alt: String, type: String, length: Number, title: String },
  { _id: false },
);

const link = new Schema(
  { title: { type: String, required: true }, url: { type: String, required: true }, kind: String },
  { _id: false },
);
const linkBlocks = new Schema(
  {
    services: { type: [link], default: undefined },
    questions: { type: [link], default: undefined },
    seeAlso: { type: [link], default: undefined },
    moreInfo: { type: [link], default: undefined },
    references: { type: [link], default: undefined },
  },
  { _id: false },
);

const schema = new Schema<ItemDoc>(
  {
    _id: { type: String, required: true },
    partnerId: { type: String, required: true },
    sourceId: { type: String, required: true },
    guid: { type: String, required: true },
    url: { type: String, required: true },
    title: { type: String, required: true },
    summary: String,
    content: String,
    type: { type: String, required: true },
    topics: { type: [String], default: [] },
    categories: { type: [String], default: undefined },
    keywords: { type: [String], default: undefined },
    localOffices: { type: [String], default: undefined },
    serviceFacts: {
      type: new Schema({ accountRequired: Boolean, cost: String, duration: String }, { _id: false }),
      default: undefined,
    },
    links: { type: linkBlocks, default: undefined },
    audience: { type: [String], default: [] },
    territory: {
      scope: { type: String, required: true },
      province: String,
      communes: { type: [String], default: undefined },
    },
    language: { type: String, required: true },
    author: String,
    coAuthors: { type: [String], default: undefined },
    changeNotes: {
      type: [
        new Schema({ date: { type: Date, required: true }, note: { type: String, required: true } }, { _id: false }),
      ],
      default: undefined,
    },
    unreviewedBy: { type: [String], default: undefined },
    storyId: String,
    storyDetached: Boolean,
    publishedAt: Date,
    updatedAt: Date,
    event: { type: new Schema({ start: Date, end: Date, place: String }, { _id: false }), default: undefined },
    image: { type: media, default: undefined },
    enclosures: { type: [media], default: undefined },
    contentHash: { type: String, required: true },
    status: { type: String, required: true },
    revision: { type: Number, required: true },
    firstSeenAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    withdrawnAt: Date,
    withdrawnBy: String,
    stats: { likes: { type: Number, default: 0 }, comments: { type: Number, default: 0 } },
    readability: {
      type: new Schema(
        {
          formula: String,
          score: Number,
          sentences: Number,
          words: Number,
          syllables: Number,
          wordsPerSentence: Number,
          syllablesPerWord: Number,
          lettersPerWord: Number,
          longSentences: Number,
        },
        { _id: false },
      ),
      default: undefined,
    },
    schemaVersion: Number,
  },
  { versionKey: false, minimize: true },
);
// Every item inserted through the model (create, insertMany) carries the current version,
// whoever writes it; updates set it themselves (ingest does, through toItemFields).
schema.pre('validate', function stampSchemaVersion() {
  if (this.isNew && this.schemaVersion === undefined) this.schemaVersion = ITEM_SCHEMA_VERSION;
});
// Upsert keys of ingestion: (sourceId, guid) is the identity; link and hash are fallbacks.
schema.index({ sourceId: 1, guid: 1 }, { unique: true });
schema.index({ sourceId: 1, url: 1 });
schema.index({ sourceId: 1, contentHash: 1 });
// Listings and feeds: newest published first, overall and per partner.
schema.index({ status: 1, publishedAt: -1 });
schema.index({ partnerId: 1, status: 1, publishedAt: -1 });
// The console's « Contenus »: a partner's items of every status, newest first (its sort).
schema.index({ partnerId: 1, publishedAt: -1, _id: 1 });
// The console's « hardest to read first » per partner.
schema.index({ partnerId: 1, 'readability.score': 1 });

export const ItemModel = model<ItemDoc>('Item', schema, 'items');
