/** A link record as the admin API and the console give it. */
import type { LinkDoc, LinkRedirect, LinkRef } from './link-model.js';

export interface LinkView {
  id: string;
  url: string;
  status: LinkDoc['status'];
  consecutiveFailures: number;
  lastCheckedAt?: string;
  lastOkAt?: string;
  brokenSince?: string;
  httpStatus?: number;
  error?: { code: string; message: string };
  finalUrl?: string;
  redirects: LinkRedirect[];
  movedTo?: string;
  refs: LinkRef[];
}

/** The view of a record; `partnerId` keeps only that partner's refs (a partner sees its own matters). */
export function toLinkView(doc: LinkDoc, partnerId?: string): LinkView {
  const iso = (d: Date | undefined) => (d ? { value: new Date(d).toISOString() } : undefined);
  const out: LinkView = {
    id: doc._id,
    url: doc.url,
    status: doc.status,
    consecutiveFailures: doc.consecutiveFailures,
    redirects: doc.redirects ?? [],
    refs: partnerId ? doc.refs.filter((r) => r.partnerId === partnerId) : doc.refs,
  };
  const dates = {
    lastCheckedAt: iso(doc.lastCheckedAt),
    lastOkAt: iso(doc.lastOkAt),
    brokenSince: iso(doc.brokenSince),
  };
  for (const [key, d] of Object.entries(dates)) if (d) Object.assign(out, { [key]: d.value });
  if (doc.httpStatus !== undefined) out.httpStatus = doc.httpStatus;
  if (doc.error) out.error = { code: doc.error.code, message: doc.error.message };
  if (doc.finalUrl) out.finalUrl = doc.finalUrl;
  if (doc.movedTo) out.movedTo = doc.movedTo;
  return out;
}
