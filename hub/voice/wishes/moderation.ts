/**
 * Moderation of wishes, with the comments' rules: the mode (WISHES_MODERATION, pre by
 * default), the same actions and transitions, and 3 distinct reports hiding a wish until
 * a moderator looks at it.
 */
import { isDuplicateKey } from '../../db/index.js';
import { Conflict, Forbidden } from '../../domain-errors.js';
import { interactionNow, MODERATION_FROM, MODERATION_TARGET } from '../../interaction/index.js';
import type { WishActor } from './status.js';
import { WishFlagModel } from './wish-flag-model.js';
import { WishModel, type WishDoc, type WishModeration, type WishSigner } from './wish-model.js';

export type WishModerationAction = 'approve' | 'reject' | 'hide' | 'auto-hide';

/** Distinct reporters that hide a wish until reviewed (as comments). */
export const WISH_FLAGS_TO_HIDE = 3;

// The comments' table: the same actions lead to the same statuses from the same ones.
const TARGET = MODERATION_TARGET as Record<WishModerationAction, WishModeration>;
const FROM = MODERATION_FROM as Record<WishModerationAction, WishModeration[]>;

const SYSTEM: WishSigner = { kind: 'system', name: 'Signalements des visiteurs' };

/** Platform admins moderate every wish; a partner's moderators and admins those assigned to it. */
export function checkModerator(actor: WishActor, wish: WishDoc): void {
  if (actor.role === 'platform-admin') return;
  if (!actor.partnerId || !wish.partnerIds.includes(actor.partnerId))
    throw new Forbidden(`ce souhait n'est pas confié au partenaire ${actor.partnerId ?? '?'}`, 'wish_not_assigned');
}

function changesFor(action: WishModerationAction, wish: WishDoc, at: Date) {
  const $set: Record<string, unknown> = { moderation: TARGET[action] };
  const $unset: Record<string, 1> = {};
  if (action === 'approve') {
    $set.approvedAt = at;
    if (wish.hiddenReason === 'flags') $set.flagsClearedAt = at;
    $unset.hiddenReason = 1;
  } else if (action === 'reject') $unset.hiddenReason = 1;
  else $set.hiddenReason = action === 'auto-hide' ? 'flags' : 'moderator';
  return Object.keys($unset).length ? { $set, $unset } : { $set };
}

/** Applies a moderation action (logged on the wish); 409 invalid_transition or wish_changed. */
export async function moderateWish(
  wish: WishDoc,
  action: WishModerationAction,
  by: WishSigner,
  reason?: string,
): Promise<WishDoc> {
  const from = wish.moderation;
  if (!FROM[action].includes(from))
    throw new Conflict('invalid_transition', `action ${action} impossible sur un souhait ${from}`);
  const at = interactionNow();
  const entry = { at, action, from, to: TARGET[action], by, ...(reason ? { reason } : {}) };
  const updated = await WishModel.findOneAndUpdate(
    { _id: wish._id, moderation: from },
    { ...changesFor(action, wish, at), $push: { moderationLog: entry } },
    { new: true },
  ).lean<WishDoc>();
  if (!updated) throw new Conflict('wish_changed', 'le souhait vient de changer : rechargez la liste');
  return updated;
}

/** Records a visitor's report (409 already_flagged the second time); hides the wish at 3. */
export async function flagWish(wish: WishDoc, visitorHash: string, reason: string): Promise<void> {
  try {
    await WishFlagModel.create({ wishId: wish._id, visitor: visitorHash, reason, createdAt: interactionNow() });
  } catch (err) {
    if (isDuplicateKey(err)) throw new Conflict('already_flagged', 'vous avez déjà signalé ce souhait');
    throw err;
  }
  if (wish.moderation !== 'published' || wish.origin.kind !== 'citizen') return;
  const since = wish.flagsClearedAt ?? new Date(0);
  const flags = await WishFlagModel.countDocuments({ wishId: wish._id, createdAt: { $gt: since } });
  if (flags < WISH_FLAGS_TO_HIDE) return;
  // Several reporters may cross the threshold at once: a lost race is nothing left to do.
  await moderateWish(wish, 'auto-hide', SYSTEM, `${flags} signalements`).catch(() => undefined);
}
