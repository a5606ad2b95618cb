/** « À traiter »: comments awaiting moderation, each with why it waits. */
import { countAwaitingReview, queryModerationQueue } from '../../hub/interaction/index.js';
import { describeFlags, WAIT_REASON_LABELS } from '../labels.js';
import type { TodoProvider } from './todo.js';

export const commentsAwaitingModeration: TodoProvider = {
  id: 'comments-awaiting',
  title: 'Commentaires à modérer',
  capability: 'moderation',
  async count({ partnerId }) {
    let total = 0;
    for (const n of (await countAwaitingReview(partnerId)).values()) total += n;
    return total;
  },
  async rows({ partnerId, partnerName }, limit) {
    const { comments } = await queryModerationQueue({ ...(partnerId ? { partnerId } : {}), status: 'review', limit });
    return comments.map((c) => {
      const reasons = (c.waitReasons ?? []).map((r) =>
        r === 'flags' && c.flags.total
          ? `${WAIT_REASON_LABELS.flags} (${describeFlags(c.flags.reasons)})`
          : WAIT_REASON_LABELS[r],
      );
      const reason = reasons.join(' ; ');
      return {
        title: `${c.author} sur « ${c.item?.title ?? c.itemId} »`,
        href: `/console/moderation/${c.id}`,
        reason: reason.charAt(0).toUpperCase() + reason.slice(1),
        partnerName: partnerName(c.partnerId),
        since: c.createdAt,
        severity: 'info' as const,
      };
    });
  },
  more: { label: 'Toute la file de modération', href: '/console/moderation' },
};
