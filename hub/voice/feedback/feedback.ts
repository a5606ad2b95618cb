/**
 * Page feedback: the records are the truth, counted when read (no stored counter to
 * lose increments). One answer per visitor and item: the first is an insert under the
 * unique index, a later one replaces it in place.
 */
import type { FeedbackInput } from '../../../schemas/index.js';
import { isDuplicateKey } from '../../db/index.js';
import { InvalidInput } from '../../domain-errors.js';
import { interactionNow, normalizeBody } from '../../interaction/index.js';
import { FeedbackModel } from './feedback-model.js';

export const FEEDBACK_REASONS = ['pas-clair', 'incomplet', 'obsolete', 'hors-situation', 'lien-casse'] as const;

/** The labels citizens and agents read. */
export const FEEDBACK_REASON_LABELS: Record<(typeof FEEDBACK_REASONS)[number], string> = {
  'pas-clair': "Ce n'est pas clair",
  incomplet: "L'information est incomplète",
  obsolete: "L'information est obsolète ou erronée",
  'hors-situation': 'Cela ne correspond pas à ma situation',
  'lien-casse': 'Un lien ne fonctionne pas',
};

export interface FeedbackTarget {
  itemId: string;
  partnerId: string;
}

/** Stores or replaces the visitor's answer; returns whether it replaced an earlier one. */
export async function recordFeedback(
  target: FeedbackTarget,
  input: FeedbackInput,
  visitorHash: string,
  spendToken: () => Promise<void>,
): Promise<{ changed: boolean }> {
  const reasons = input.useful ? [] : (input.reasons ?? []);
  if (input.useful && input.reasons?.length)
    throw new InvalidInput([{ field: 'reasons', message: 'les raisons accompagnent une réponse « Non »' }]);
  await spendToken();
  const text = input.text ? normalizeBody(input.text).slice(0, 500) : '';
  const at = interactionNow();
  const fields = { useful: input.useful, reasons, updatedAt: at, ...(text ? { text } : {}) };
  try {
    await FeedbackModel.create({ ...target, visitor: visitorHash, createdAt: at, ...fields });
    return { changed: false };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  await FeedbackModel.updateOne(
    { itemId: target.itemId, visitor: visitorHash },
    text ? { $set: fields } : { $set: fields, $unset: { text: 1 } },
  );
  return { changed: true };
}

/** The visitor's current answer on an item, if any (to show it again). */
export async function readOwnFeedback(itemId: string, visitorHash: string) {
  const doc = await FeedbackModel.findOne({ itemId, visitor: visitorHash }, { useful: 1, reasons: 1 }).lean<{
    useful: boolean;
    reasons: string[];
  }>();
  return doc ? { useful: doc.useful, reasons: doc.reasons } : undefined;
}
