/** What moderators see of a comment: everything but the hashes, plus its flags and item. */
import { findItemTitles } from '../../items/index.js';
import { findPartner } from '../../partners/index.js';
import type { CommentDoc } from '../comments/comment-model.js';
import { MAX_LINKS_UNMODERATED, moderationMode, type ModerationMode } from '../comments/decide-status.js';
import { countLinks } from '../comments/text.js';
import { FlagModel, type FlagDoc } from '../flags/flag-model.js';
import { sumFlagWeights } from '../flags/flag-weight.js';

/**
 * Why a comment waits for a moderator: more than 2 links, the partner's pre-moderation,
 * a visitor's first comment (first-time mode), hidden by visitors' flags, or held when
 * the partner moderated differently (its mode changed since).
 */
export type WaitReason = 'links' | 'pre-moderation' | 'first-comment' | 'flags' | 'held';

export interface AdminComment {
  id: string;
  itemId: string;
  item?: { title: string; url: string };
  partnerId: string;
  parentId: string | null;
  author: string;
  body: string;
  status: string;
  hiddenReason?: string;
  official?: { partnerId: string; partnerName: string };
  createdAt: string;
  editedAt?: string;
  approvedAt?: string;
  /** Short, stable reference of the visitor: tells moderators which comments share an author. */
  visitorRef?: string;
  /** Reports: how many, why, and what they weigh together (3 hides; fresh visitor keys weigh less). */
  flags: { total: number; weight: number; reasons: Record<string, number> };
  /** Set on comments awaiting review: why they wait. */
  waitReasons?: WaitReason[];
}

export const ADMIN_COMMENT_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    itemId: { type: 'string' },
    item: { type: 'object', properties: { title: { type: 'string' }, url: { type: 'string' } } },
    partnerId: { type: 'string' },
    parentId: { type: ['string', 'null'] },
    author: { type: 'string' },
    body: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'published', 'rejected', 'hidden', 'deleted'] },
    hiddenReason: { type: 'string', enum: ['flags', 'moderator'] },
    official: { $ref: 'Comment#/definitions/OfficialBadge' },
    createdAt: { type: 'string' },
    editedAt: { type: 'string' },
    approvedAt: { type: 'string' },
    visitorRef: { type: 'string' },
    flags: {
      type: 'object',
      properties: { total: { type: 'integer' }, weight: { type: 'number' }, reasons: { type: 'object' } },
    },
    waitReasons: {
      type: 'array',
      items: { type: 'string', enum: ['links', 'pre-moderation', 'first-comment', 'flags', 'held'] },
    },
  },
};

/** Why a pending or flag-hidden comment waits; undefined for the others. */
export function explainWait(doc: CommentDoc, mode: ModerationMode): WaitReason[] | undefined {
  if (doc.status === 'hidden' && doc.hiddenReason === 'flags') return ['flags'];
  if (doc.status !== 'pending') return undefined;
  const reasons: WaitReason[] = [];
  if (countLinks(doc.body) > MAX_LINKS_UNMODERATED) reasons.push('links');
  if (mode === 'pre') reasons.push('pre-moderation');
  if (mode === 'first-time') reasons.push('first-comment');
  return reasons.length ? reasons : ['held'];
}

function toAdminComment(
  doc: CommentDoc,
  flags: FlagDoc[],
  item: { title: string; url: string } | undefined,
  mode: ModerationMode,
): AdminComment {
  const reasons: Record<string, number> = {};
  for (const f of flags) reasons[f.reason] = (reasons[f.reason] ?? 0) + 1;
  const waitReasons = explainWait(doc, mode);
  return {
    id: doc._id,
    itemId: doc.itemId,
    ...(item ? { item } : {}),
    partnerId: doc.partnerId,
    parentId: doc.parentId,
    author: doc.author,
    body: doc.body,
    status: doc.status,
    ...(doc.hiddenReason ? { hiddenReason: doc.hiddenReason } : {}),
    ...(doc.official ? { official: { partnerId: doc.official.partnerId, partnerName: doc.official.partnerName } } : {}),
    createdAt: doc.createdAt.toISOString(),
    ...(doc.editedAt ? { editedAt: doc.editedAt.toISOString() } : {}),
    ...(doc.approvedAt ? { approvedAt: doc.approvedAt.toISOString() } : {}),
    ...(doc.visitor ? { visitorRef: doc.visitor.slice(0, 10) } : {}),
    flags: { total: flags.length, weight: sumFlagWeights(flags.map((f) => f.weight)), reasons },
    ...(waitReasons ? { waitReasons } : {}),
  };
}

/** Admin views of several comments, with their flags and item titles (two queries). */
export async function toAdminComments(docs: CommentDoc[]): Promise<AdminComment[]> {
  const ids = docs.map((d) => d._id);
  const partnerIds = [...new Set(docs.map((d) => d.partnerId))];
  const [flags, itemById, partners] = await Promise.all([
    FlagModel.find({ commentId: { $in: ids } }).lean<FlagDoc[]>(),
    findItemTitles(docs.map((d) => d.itemId)),
    Promise.all(partnerIds.map((id) => findPartner(id))),
  ]);
  const modes = new Map(partnerIds.map((id, i) => [id, partners[i] ? moderationMode(partners[i]) : 'post']));
  return docs.map((d) =>
    toAdminComment(
      d,
      flags.filter((f) => f.commentId === d._id),
      itemById.get(d.itemId),
      modes.get(d.partnerId) ?? 'post',
    ),
  );
}
