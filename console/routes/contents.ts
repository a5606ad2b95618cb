/**
 * Contenus: the partner's items (every status) with search and filters, each with its likes
 * and comments; one item's page, and withdraw / restore after a confirmation, journaled;
 * an item grouped with other partners' copies can be detached from that story (issue 14).
 */
import type { Context, Middleware } from 'koa';
import { audited, type AuditSnapshot } from '../../hub/audit/index.js';
import { NotFound } from '../../hub/domain-errors.js';
import type { RouteGroup } from '../../hub/http/index.js';
import {
  findItem,
  findListedItem,
  listPartnerItems,
  listStoryMembers,
  restoreItem,
  withdrawItem,
  type ListedItem,
} from '../../hub/items/index.js';
import { listSources } from '../../hub/sources/index.js';
import { detachItem } from '../../hub/stories/index.js';
import { ITEM_TYPE_LABELS } from '../../hub/ui/index.js';
import { can } from '../access.js';
import type { ConsoleDeps } from '../deps.js';
import { pageParam, queryParam } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { assertOwnPartner, getViewer, requireCapability, scopePartner } from '../http/viewer.js';
import {
  ContentPage,
  ContentsPage,
  ITEM_STATUSES,
  itemHref,
  type Confirm,
  type ContentFilters,
} from '../pages/contents-page.js';

const PAGE_SIZE = 25;
const STATUSES = ITEM_STATUSES.map((s) => s.value);
const CONFIRMS = ['retirer', 'retablir', 'detacher'];

/** The journal's view of an item: its partner, title and status. */
export async function snapshotItem(id: string): Promise<AuditSnapshot | undefined> {
  const item = await findItem(id);
  if (!item) return undefined;
  return { partnerId: item.partnerId, label: item.title, fields: { status: item.status } };
}

/** The journal's view of an item's story: whether it is detached, and the story it belonged to. */
export async function snapshotItemStory(id: string): Promise<AuditSnapshot | undefined> {
  const item = await findItem(id);
  if (!item) return undefined;
  return {
    partnerId: item.partnerId,
    label: item.title,
    fields: { storyId: item.storyId ?? null, storyDetached: item.storyDetached === true },
  };
}

/** An item the viewer may see: 404 when unknown, 403 when another partner's. */
async function loadOwnItem(ctx: Context) {
  const item = await findItem(String(ctx.params.id));
  if (!item) throw new NotFound('ce contenu');
  assertOwnPartner(getViewer(ctx), item.partnerId);
  return item;
}

/** One collator for every page: localeCompare with a locale builds one each call (ms for 200 sources). */
const FRENCH = new Intl.Collator('fr');

/** The partner's sources as choices, and a function naming a source. */
async function loadSourceNames(partnerId: string | undefined) {
  const sources = await listSources(partnerId ? { partnerId } : {});
  const names = new Map(sources.map((s) => [s._id, s.name ?? s.url]));
  const choices = [...names]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => FRENCH.compare(a.label, b.label));
  return { choices, nameOf: (id: string) => names.get(id) ?? id };
}

function listPage(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const partnerId = scopePartner(viewer, queryParam(ctx, 'partenaire'));
    const filters: ContentFilters = {
      q: queryParam(ctx, 'q').slice(0, 200),
      source: queryParam(ctx, 'source'),
      type: queryParam(ctx, 'type') in ITEM_TYPE_LABELS ? queryParam(ctx, 'type') : '',
      statut: STATUSES.includes(queryParam(ctx, 'statut')) ? queryParam(ctx, 'statut') : '',
      partenaire: viewer.partnerId ? '' : (partnerId ?? ''),
    };
    const page = pageParam(ctx);
    const [{ total, items }, sources] = await Promise.all([
      listPartnerItems({
        ...(partnerId ? { partnerId } : {}),
        ...(filters.q ? { q: filters.q } : {}),
        ...(filters.source ? { sourceId: filters.source } : {}),
        ...(filters.type ? { type: filters.type } : {}),
        ...(filters.statut ? { status: filters.statut as ListedItem['status'] } : {}),
        page,
        limit: PAGE_SIZE,
      }),
      loadSourceNames(partnerId),
    ]);
    await renderScreen(ctx, deps, 'contents', ContentsPage, {
      items,
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      filters,
      sources: sources.choices,
      types: Object.entries(ITEM_TYPE_LABELS).map(([value, label]) => ({ value, label })),
      sourceName: sources.nameOf,
    });
  };
}

/**
 * The item to show: from the console's listing in memory (hub/items/item-listing.ts), which
 * holds every field the page shows; the database only for an item the listing does not hold
 * yet (written by another process less than a second ago) or an unknown id. On FerretDB 1.24
 * a read by `_id` scans the items until it meets this one: 0.3 s for a recent item at 10,000.
 */
async function loadOwnListedItem(ctx: Context) {
  const id = String(ctx.params.id);
  const item = (await findListedItem(id)) ?? (await findItem(id));
  if (!item) throw new NotFound('ce contenu');
  assertOwnPartner(getViewer(ctx), item.partnerId);
  return item;
}

function itemPage(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const item = await loadOwnListedItem(ctx);
    // Both from memory behind a read each (the sources' token, the listing's catch-up): side by side.
    const [{ nameOf }, story] = await Promise.all([loadSourceNames(item.partnerId), listStoryMembers(item)]);
    const asked = queryParam(ctx, 'confirmer');
    const partners = deps.catalog.partners.current();
    await renderScreen(ctx, deps, 'contents', ContentPage, {
      item,
      story: story.map((m) => ({ ...m, partnerName: partners.get(m.partnerId)?.name ?? m.partnerId })),
      sourceName: nameOf(item.sourceId),
      partnerName: partners.get(item.partnerId)?.name ?? item.partnerId,
      confirm: (CONFIRMS.includes(asked) ? asked : undefined) as Confirm,
      mayWrite: can(getViewer(ctx).role, 'contents.write'),
    });
  };
}

function change(deps: ConsoleDeps, verb: 'withdraw' | 'restore') {
  return async (ctx: Context) => {
    const item = await loadOwnItem(ctx);
    if (verb === 'withdraw') await withdrawItem(item._id);
    else await restoreItem(item._id);
    await deps.itemsChanged();
    await redirectWithFlash(ctx, itemHref(item._id), {
      kind: 'success',
      message:
        verb === 'withdraw'
          ? `« ${item.title} » est retiré du portail, des flux et des widgets.`
          : `« ${item.title} » est rétabli.`,
    });
  };
}

/** « Détacher de l’histoire »: the item is shown on its own again, and never grouped again. */
function detach(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const item = await loadOwnItem(ctx);
    // The stories' own rule: the item's partner admins and editors, or a platform admin.
    await detachItem(getViewer(ctx).principal, item._id);
    await deps.itemsChanged();
    await redirectWithFlash(ctx, itemHref(item._id), {
      kind: 'success',
      message: `« ${item.title} » est détaché de l’histoire : il apparaît seul dans la recherche, les listes et les flux.`,
    });
  };
}

export function addContentScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  const may = requireCapability('contents');
  const mayWrite = requireCapability('contents.write');
  const filters = {
    q: { description: 'Mots du titre' },
    source: { description: 'Une source du partenaire' },
    type: { description: 'Un type de contenu' },
    statut: { description: 'published ou withdrawn' },
    partenaire: { description: 'Un partenaire (administrateurs de la plateforme)' },
    page: { description: 'Page' },
  };
  addPage(group, '/console/contenus', 'Les contenus du partenaire', filters, agent, may, listPage(deps));
  addPage(
    group,
    '/console/contenus/:id',
    'Un contenu : ses chiffres, le retirer ou le rétablir',
    { confirmer: { description: '« retirer », « retablir » ou « detacher » : la confirmation' } },
    agent,
    may,
    itemPage(deps),
  );
  const journal = (action: string) => audited({ action, target: 'item', snapshot: snapshotItem });
  addAction(
    group,
    '/console/contenus/:id/retirer',
    'Retirer un contenu du portail, des flux et des widgets',
    agent,
    mayWrite,
    journal('item.withdraw'),
    change(deps, 'withdraw'),
  );
  addAction(
    group,
    '/console/contenus/:id/retablir',
    'Rétablir un contenu retiré par un agent',
    agent,
    mayWrite,
    journal('item.restore'),
    change(deps, 'restore'),
  );
  addAction(
    group,
    '/console/contenus/:id/detacher',
    'Détacher un contenu de l’histoire où il est regroupé avec ceux d’autres partenaires',
    agent,
    mayWrite,
    audited({ action: 'item.story-detach', target: 'item', snapshot: snapshotItemStory }),
    detach(deps),
  );
}
