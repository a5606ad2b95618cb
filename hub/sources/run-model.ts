import { Schema, model } from 'mongoose';
import type { Run } from '../../schemas/index.js';

/** A run as stored: the schema's Run with `_id` and real dates. */
export type RunDoc = Omit<Run, 'id' | 'startedAt' | 'finishedAt'> & { _id: string; startedAt: Date; finishedAt?: Date };

const schema = new Schema<RunDoc>(
  {
    _id: { type: String, required: true },
    sourceId: { type: String, required: true },
    partnerId: { type: String, required: true },
    trigger: String,
    status: { type: String, required: true },
    notModified: Boolean,
    httpStatus: Number,
    error: { type: Schema.Types.Mixed },
    notice: { type: Schema.Types.Mixed },
    counts: { type: Schema.Types.Mixed, required: true },
    itemErrors: { type: Schema.Types.Mixed, default: [] },
    startedAt: { type: Date, required: true },
    finishedAt: Date,
    durationMs: Number,
  },
  { versionKey: false, minimize: true },
);
// Run history of a source, newest first.
schema.index({ sourceId: 1, startedAt: -1 });

export const RunModel = model<RunDoc>('Run', schema, 'runs');
