/**
 * What agents read of page feedback: per item the useful rate, the reasons and the free
 * texts (never public); per partner its items, least useful first. Counted from the
 * records each time, so exact whatever happened concurrently.
 */
import { FeedbackModel, type FeedbackDoc } from './feedback-model.js';
import { FEEDBACK_REASONS } from './feedback.js';

export interface ItemFeedbackReport {
  itemId: string;
  useful: number;
  notUseful: number;
  /** useful / (useful + notUseful), 0 to 1; null without answers. */
  usefulRate: number | null;
  reasons: Record<string, number>;
  texts: { text: string; useful: boolean; reasons: string[]; at: string }[];
}

export interface ItemFeedbackRow {
  itemId: string;
  useful: number;
  notUseful: number;
  usefulRate: number;
  /** Why the « non » of this item: count per reason (reasons never given are left out). */
  reasons: Record<string, number>;
}

function rate(useful: number, notUseful: number): number | null {
  const total = useful + notUseful;
  return total ? Math.round((useful / total) * 1000) / 1000 : null;
}

function emptyReasons(): Record<string, number> {
  return Object.fromEntries(FEEDBACK_REASONS.map((r) => [r, 0]));
}

/** One item's counts, reasons and the latest 100 texts. */
export async function reportItemFeedback(itemId: string): Promise<ItemFeedbackReport> {
  const docs = await FeedbackModel.find({ itemId }).sort({ updatedAt: -1 }).lean<FeedbackDoc[]>();
  const reasons = emptyReasons();
  let useful = 0;
  for (const doc of docs) {
    if (doc.useful) useful += 1;
    for (const r of doc.reasons) reasons[r] = (reasons[r] ?? 0) + 1;
  }
  const notUseful = docs.length - useful;
  return {
    itemId,
    useful,
    notUseful,
    usefulRate: rate(useful, notUseful),
    reasons,
    texts: docs
      .filter((d) => d.text)
      .slice(0, 100)
      .map((d) => ({ text: d.text!, useful: d.useful, reasons: d.reasons, at: d.updatedAt.toISOString() })),
  };
}

export interface PartnerFeedbackReport {
  partnerId: string;
  useful: number;
  notUseful: number;
  usefulRate: number | null;
  reasons: Record<string, number>;
  /** Items with answers, least useful first (then the most answered). */
  items: ItemFeedbackRow[];
}

/** A partner's totals and its items, least useful first. */
export async function reportPartnerFeedback(partnerId: string, limit = 100): Promise<PartnerFeedbackReport> {
  const docs = await FeedbackModel.find({ partnerId }, { itemId: 1, useful: 1, reasons: 1 }).lean<
    Pick<FeedbackDoc, 'itemId' | 'useful' | 'reasons'>[]
  >();
  const byItem = new Map<string, { useful: number; notUseful: number; reasons: Record<string, number> }>();
  const reasons = emptyReasons();
  for (const doc of docs) {
    const row = byItem.get(doc.itemId) ?? { useful: 0, notUseful: 0, reasons: {} };
    if (doc.useful) row.useful += 1;
    else row.notUseful += 1;
    byItem.set(doc.itemId, row);
    for (const r of doc.reasons) {
      reasons[r] = (reasons[r] ?? 0) + 1;
      row.reasons[r] = (row.reasons[r] ?? 0) + 1;
    }
  }
  const items = [...byItem]
    .map(([itemId, r]) => ({ itemId, ...r, usefulRate: rate(r.useful, r.notUseful) ?? 0 }))
    .sort((a, b) => a.usefulRate - b.usefulRate || b.notUseful - a.notUseful || a.itemId.localeCompare(b.itemId));
  const useful = docs.filter((d) => d.useful).length;
  return {
    partnerId,
    useful,
    notUseful: docs.length - useful,
    usefulRate: rate(useful, docs.length - useful),
    reasons,
    items: items.slice(0, limit),
  };
}
