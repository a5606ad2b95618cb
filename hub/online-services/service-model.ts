import { Schema, model } from 'mongoose';
import type { OnlineService } from '../../schemas/index.js';

/** An online service as stored: the schema's OnlineService with `_id` and real dates. */
export type ServiceDoc = Omit<OnlineService, 'id' | 'exitUrl' | 'createdAt' | 'updatedAt'> & {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<ServiceDoc>(
  {
    _id: { type: String, required: true },
    partnerId: { type: String, required: true },
    name: { type: String, required: true },
    description: String,
    url: { type: String, required: true },
    audience: { type: [String], default: [] },
    territory: { type: Schema.Types.Mixed, required: true },
    topics: { type: [String], default: [] },
    keywords: { type: [String], default: [] },
    accountRequired: Boolean,
    cost: String,
    duration: String,
    provider: String,
    kind: String,
    itemIds: { type: [String], default: [] },
    origin: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: true },
);
schema.index({ partnerId: 1 });
// Ingestion reads the services of one source at each run.
schema.index({ 'origin.sourceId': 1 });

export const ServiceModel = model<ServiceDoc>('OnlineService', schema, 'online_services');

/** One way out through /sortie/:id: the service and the Nouméa day, nothing about the visitor. */
export interface ExitDoc {
  _id: string;
  serviceId: string;
  /** YYYY-MM-DD in Pacific/Noumea. */
  day: string;
  /** Set on a day's compacted record (_id `${serviceId}:${day}`): the exits it replaces. */
  total?: number;
}

const exitSchema = new Schema<ExitDoc>(
  {
    _id: { type: String, required: true },
    serviceId: { type: String, required: true },
    day: { type: String, required: true },
    total: { type: Number },
  },
  { versionKey: false },
);
exitSchema.index({ day: 1, serviceId: 1 });

export const ExitModel = model<ExitDoc>('ServiceExit', exitSchema, 'service_exits');
