import { Schema, model } from 'mongoose';

/** What names an address: a service's way out, an item's own page, a partner's website. */
export type LinkRefKind = 'service' | 'item' | 'partner';

export interface LinkRef {
  kind: LinkRefKind;
  /** The service's, item's or partner's id. */
  id: string;
  /** Who owns the matter (and sees the broken link in the console). */
  partnerId: string;
  /** How the console names it: the service's name, the item's title, the partner's name. */
  label: string;
}

export interface LinkRedirect {
  url: string;
  status: number;
}

/**
 * One checked address. `_id` is a hash of the address, so that each address has exactly
 * one document (created by an insert under that id); only the link check, one run at a
 * time under its claim, writes them.
 */
export interface LinkDoc {
  _id: string;
  url: string;
  status: 'ok' | 'broken' | 'unchecked';
  consecutiveFailures: number;
  refs: LinkRef[];
  /** The owners of the refs, for the partner filter. */
  partnerIds: string[];
  firstSeenAt: Date;
  lastCheckedAt?: Date;
  lastOkAt?: Date;
  /** When the current broken episode started (its first failed check). */
  failingSince?: Date;
  /** When the link became broken (its second failed check in a row). */
  brokenSince?: Date;
  /** The last answer's status (after redirects), when there was one. */
  httpStatus?: number;
  /** The last failure, classified like a source's (code) and said in French (message). */
  error?: { code: string; message: string };
  /** Where the last successful check ended, after redirects. */
  finalUrl?: string;
  /** The redirects of the last successful check, in order. */
  redirects: LinkRedirect[];
  /** The address to use instead: every redirect was permanent (301, 308). */
  movedTo?: string;
  /** Validators of the last success, sent back as a conditional request. */
  etag?: string;
  lastModified?: string;
}

const ref = new Schema<LinkRef>(
  {
    kind: { type: String, required: true },
    id: { type: String, required: true },
    partnerId: { type: String, required: true },
    label: { type: String, required: true },
  },
  { _id: false },
);

const schema = new Schema<LinkDoc>(
  {
    _id: { type: String, required: true },
    url: { type: String, required: true },
    status: { type: String, required: true },
    consecutiveFailures: { type: Number, required: true },
    refs: { type: [ref], default: [] },
    partnerIds: { type: [String], default: [] },
    firstSeenAt: { type: Date, required: true },
    lastCheckedAt: Date,
    lastOkAt: Date,
    failingSince: Date,
    brokenSince: Date,
    httpStatus: Number,
    error: { type: new Schema({ code: String, message: String }, { _id: false }), default: undefined },
    finalUrl: String,
    redirects: { type: [new Schema({ url: String, status: Number }, { _id: false })], default: [] },
    movedTo: String,
    etag: String,
    lastModified: String,
  },
  { versionKey: false },
);
schema.index({ partnerIds: 1, status: 1 });

export const LinkModel = model<LinkDoc>('Link', schema, 'links');
