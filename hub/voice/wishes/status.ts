/**
 * A wish's life, each step dated and signed by the partner that took it:
 * nouveau → a-l-etude (assigned) → accepte → publie (an item answers it) / refuse (a
 * public answer) / doublon (of another wish; supports are not moved). A partner acts only
 * on wishes assigned to it (it may take up an unassigned one for itself); platform admins
 * act on any. The update is conditional on the version read (exact on MongoDB; see the
 * interaction README for FerretDB).
 */
import type { FieldError, WishStatusInput } from '../../../schemas/index.js';
import { Conflict, Forbidden, InvalidInput } from '../../domain-errors.js';
import { interactionNow } from '../../interaction/index.js';
import { findItem } from '../../items/index.js';
import { findPartner } from '../../partners/index.js';
import { normalizeBody } from '../../interaction/index.js';
import {
  CLOSED_STATUSES,
  WishModel,
  type WishDoc,
  type WishSigner,
  type WishStatus,
  type WishStep,
} from './wish-model.js';

/** Who acts, as the auth guard knows them. */
export interface WishActor {
  tokenId: string;
  name: string;
  role: string;
  partnerId?: string;
}

const NEXT: Record<WishStatus, WishStatus[]> = {
  nouveau: ['a-l-etude', 'refuse', 'doublon'],
  'a-l-etude': ['a-l-etude', 'accepte', 'publie', 'refuse', 'doublon'],
  accepte: ['accepte', 'publie', 'refuse'],
  publie: [],
  refuse: [],
  doublon: [],
};

/** The statuses a wish in `status` may go to (staying in a-l-etude or accepte re-assigns or answers). */
export function nextStatuses(status: WishStatus): readonly WishStatus[] {
  return NEXT[status];
}

/** Statuses that answer a wish (the clock of response times stops at the first). */
export const ANSWER_STATUSES: readonly WishStatus[] = ['accepte', 'publie', 'refuse', 'doublon'];

function isPlatform(actor: WishActor): boolean {
  return actor.role === 'platform-admin';
}

function signerOf(actor: WishActor): WishSigner {
  return {
    kind: 'agent',
    name: actor.name,
    tokenId: actor.tokenId,
    ...(actor.partnerId && !isPlatform(actor) ? { partnerId: actor.partnerId } : {}),
  };
}

/** 403 wish_not_assigned when a partner acts on a wish that is not theirs. */
function checkAuthority(actor: WishActor, wish: WishDoc, input: WishStatusInput): void {
  if (isPlatform(actor)) return;
  const own = actor.partnerId;
  const assigned = !!own && wish.partnerIds.includes(own);
  const takesItUp =
    !!own && wish.status === 'nouveau' && input.status === 'a-l-etude' && !!input.partnerIds?.includes(own);
  if (!assigned && !takesItUp)
    throw new Forbidden(
      `ce souhait n'est pas confié au partenaire ${own ?? '?'}`,
      'wish_not_assigned',
      'Souhait non confié',
    );
  if (input.partnerIds && own && !input.partnerIds.includes(own))
    throw new Forbidden('un partenaire ne peut pas se retirer lui-même du souhait', 'wish_not_assigned');
}

async function checkRequirements(wish: WishDoc, input: WishStatusInput, answer: string | undefined): Promise<void> {
  const errors: FieldError[] = [];
  const to = input.status;
  if (to === 'a-l-etude' && !input.partnerIds && !wish.partnerIds.length)
    errors.push({ field: 'partnerIds', message: 'confiez le souhait à au moins un partenaire' });
  for (const id of input.partnerIds ?? [])
    if (!(await findPartner(id))) errors.push({ field: 'partnerIds', message: `partenaire inconnu : ${id}` });
  if (to === 'refuse' && !answer) errors.push({ field: 'answer', message: 'un refus demande une réponse publique' });
  if (to === 'doublon') await checkDuplicateTarget(wish, input.duplicateOf, errors);
  if (to === 'publie') {
    const item = input.itemId ? await findItem(input.itemId) : undefined;
    if (!item || item.status !== 'published')
      errors.push({ field: 'itemId', message: 'indiquez le contenu publié qui répond au souhait' });
  }
  if ((to === 'a-l-etude' || to === 'accepte') && to === wish.status && !answer && !input.partnerIds)
    errors.push({ field: 'answer', message: 'rien ne change : ajoutez une réponse ou des partenaires' });
  if (errors.length) throw new InvalidInput(errors);
}

async function checkDuplicateTarget(wish: WishDoc, targetId: string | undefined, errors: FieldError[]): Promise<void> {
  if (!targetId) {
    errors.push({ field: 'duplicateOf', message: 'indiquez le souhait dont celui-ci est le doublon' });
    return;
  }
  const target = await WishModel.findById(targetId, { moderation: 1, status: 1 }).lean<WishDoc>();
  if (!target || target._id === wish._id || target.moderation !== 'published' || target.status === 'doublon')
    errors.push({ field: 'duplicateOf', message: 'souhait introuvable, lui-même ou déjà doublon' });
}

function buildStep(wish: WishDoc, input: WishStatusInput, answer: string | undefined, actor: WishActor): WishStep {
  return {
    at: interactionNow(),
    from: wish.status,
    status: input.status,
    by: signerOf(actor),
    ...(answer ? { answer } : {}),
    ...(input.partnerIds ? { partnerIds: input.partnerIds } : {}),
    ...(input.status === 'doublon' && input.duplicateOf ? { duplicateOf: input.duplicateOf } : {}),
    ...(input.status === 'publie' && input.itemId ? { itemId: input.itemId } : {}),
  };
}

function changesFor(step: WishStep, input: WishStatusInput): Record<string, unknown> {
  const $set: Record<string, unknown> = { status: step.status, updatedAt: step.at };
  if (step.partnerIds) $set.partnerIds = step.partnerIds;
  if (step.answer) $set.answer = step.answer;
  if (step.answer || ANSWER_STATUSES.includes(step.status)) $set.answeredAt = step.at;
  if (CLOSED_STATUSES.includes(step.status)) $set.closedAt = step.at;
  if (step.duplicateOf) $set.duplicateOf = step.duplicateOf;
  if (step.itemId) $set.itemId = step.itemId;
  if (input.topic) $set.topic = input.topic;
  return $set;
}

/** Applies a status step; 400 (missing answer, wish or item), 403 wish_not_assigned, 409 invalid_transition. */
export async function changeWishStatus(wish: WishDoc, input: WishStatusInput, actor: WishActor): Promise<WishDoc> {
  if (wish.moderation !== 'published')
    throw new Conflict('wish_not_published', "ce souhait n'est pas publié : modérez-le d'abord");
  checkAuthority(actor, wish, input);
  if (!NEXT[wish.status].includes(input.status))
    throw new Conflict('invalid_transition', `un souhait ${wish.status} ne peut pas passer à ${input.status}`);
  const answer = input.answer ? normalizeBody(input.answer) || undefined : undefined;
  await checkRequirements(wish, input, answer);
  const step = buildStep(wish, input, answer, actor);
  const updated = await WishModel.findOneAndUpdate(
    { _id: wish._id, status: wish.status, updatedAt: wish.updatedAt },
    { $set: changesFor(step, input), $push: { history: step } },
    { new: true },
  ).lean<WishDoc>();
  if (!updated) throw new Conflict('wish_changed', 'le souhait vient de changer : rechargez-le');
  return updated;
}
