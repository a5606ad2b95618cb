import { Schema, model } from 'mongoose';
import type { Source, SourceState } from '../../schemas/index.js';
import type { StoredCredentials } from './credentials.js';

/**
 * A source as stored; `lease` is the scheduler's claim and never leaves the database layer;
 * `credentials` are sealed (credentials.ts) and leave it only masked.
 */
export type SourceDoc = Omit<Source, 'id' | 'state' | 'createdAt' | 'updatedAt' | 'credentials' | 'hasCredentials'> & {
  _id: string;
  credentials?: StoredCredentials;
  /** The schema's SourceState with real dates, plus what only the hub keeps. */
  state: Omit<SourceState, 'lastRunAt' | 'lastSuccessAt' | 'nextRunAt' | 'alert'> & {
    lastRunAt?: Date;
    lastSuccessAt?: Date;
    nextRunAt?: Date;
    alert?: { since: Date; message: string };
    /** sha256 of the last complete body, to skip parsing the very same bytes. */
    bodyHash?: string;
    /** Bumped at the end of each run; claims are per generation (see scheduler/lease.ts). */
    generation?: number;
  };
  lease?: { owner: string; until: Date; runId: string; generation: number; attempt: number };
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<SourceDoc>(
  {
    _id: { type: String, required: true },
    partnerId: { type: String, required: true },
    kind: { type: String, required: true },
    name: String,
    url: { type: String, required: true },
    credentials: { type: Schema.Types.Mixed },
    schedule: { type: String, required: true },
    enabled: { type: Boolean, required: true },
    complete: { type: Boolean },
    entries: { type: String },
    defaults: { type: Schema.Types.Mixed },
    mapping: { type: Schema.Types.Mixed },
    state: { type: Schema.Types.Mixed, required: true },
    lease: { type: Schema.Types.Mixed },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: true },
);
// The scheduler claims enabled sources by their next run time.
schema.index({ enabled: 1, 'state.nextRunAt': 1 });
schema.index({ partnerId: 1 });
// One source per address and kind: the same feed twice would list every item twice.
schema.index({ kind: 1, url: 1 }, { unique: true });

export const SourceModel = model<SourceDoc>('Source', schema, 'sources');
