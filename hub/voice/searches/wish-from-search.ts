/**
 * « En faire un souhait à étudier »: a search that found nothing becomes a published wish,
 * signed by the agent. A partner's agent puts it straight under study for its partner
 * (a-l-etude); a platform admin has no partner to assign it to, so it stays nouveau until
 * someone is assigned — the caller says which happened.
 */
import { changeWishStatus, type WishActor } from '../wishes/status.js';
import { createSearchWish } from '../wishes/create-wish.js';
import type { WishDoc } from '../wishes/wish-model.js';

function signerOf(actor: WishActor) {
  return {
    kind: 'agent' as const,
    name: actor.name,
    tokenId: actor.tokenId,
    ...(actor.partnerId && actor.role !== 'platform-admin' ? { partnerId: actor.partnerId } : {}),
  };
}

/** Creates the wish; under study for the agent's partner when it has one. */
export async function makeWishOfSearch(
  search: { query: string; count: number; week: string },
  actor: WishActor,
): Promise<WishDoc> {
  const times = search.count > 1 ? `${search.count} fois` : 'une fois';
  const wish = await createSearchWish(
    {
      title: `Recherche sans réponse : « ${search.query} »`,
      body: `Des citoyens ont cherché « ${search.query} » sans rien trouver (${times}, semaine ${search.week}). Quel contenu leur répondrait ?`,
    },
    signerOf(actor),
  );
  if (actor.role === 'platform-admin' || !actor.partnerId) return wish;
  return changeWishStatus(wish, { status: 'a-l-etude', partnerIds: [actor.partnerId] }, actor);
}
