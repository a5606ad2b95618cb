/**
 * Souhaits: the list (what awaits the agent, or every wish it may see), one wish with its
 * moderation and its next step, and a wish entered on a citizen's behalf. Every change goes
 * through the voice's operations, which check the partner (a partner answers only the
 * wishes assigned to it) and give the French refusals shown as form errors.
 */
import type { Context, Middleware } from 'koa';
import { audited } from '../../hub/audit/index.js';
import { DomainError } from '../../hub/domain-errors.js';
import type { RouteGroup } from '../../hub/http/index.js';
import { WISH_STATUSES, type WishActor, type WishStatus } from '../../hub/voice/index.js';
import { validateAgainst, type WishAgentInput, type WishStatusInput } from '../../schemas/index.js';
import { can } from '../access.js';
import type { ConsoleDeps } from '../deps.js';
import { errorMap, field, fieldList, formBody, invalidFields, pageParam, queryParam } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { getViewer, requireCapability, type Viewer } from '../http/viewer.js';
import { WishEntryPage, type WishEntryValues } from '../pages/wish-entry-page.js';
import { WishPage, type WishStepValues } from '../pages/wish-page.js';
import { WishesPage, type WishView } from '../pages/wishes-page.js';

const PATH = '/console/souhaits';
const PAGE_SIZE = 20;
const MODERATION_ACTIONS = ['approve', 'reject', 'hide'] as const;
const DONE: Record<string, string> = { approve: 'approuvé', reject: 'refusé', hide: 'masqué' };

/** The agent as the voice's operations know it (its principal: account, role, partner). */
function actorOf(viewer: Viewer): WishActor {
  return viewer.principal;
}

function list(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const view: WishView = queryParam(ctx, 'vue') === 'tous' ? 'tous' : 'a-traiter';
    const asked = queryParam(ctx, 'statut');
    const status = (WISH_STATUSES as readonly string[]).includes(asked) ? asked : '';
    const page = pageParam(ctx);
    const result = await deps.voice.listAdminWishes(actorOf(viewer), {
      ...(view === 'a-traiter' ? { awaiting: true } : {}),
      ...(status ? { status: [status as WishStatus] } : {}),
      page,
      limit: PAGE_SIZE,
    });
    const platform = viewer.role === 'platform-admin';
    await renderScreen(ctx, deps, 'wishes', WishesPage, {
      view,
      status,
      wishes: result.wishes,
      total: result.total,
      page,
      pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
      // A pending wish has no partner yet: only the platform's moderators see it.
      moderates: platform,
      enters: true,
      platform,
    });
  };
}

/** The wish's page; `step` keeps a refused step's values and the refusal's messages. */
async function showWish(
  ctx: Context,
  deps: ConsoleDeps,
  step?: { values: WishStepValues; errors: Record<string, string> },
  status = 200,
): Promise<void> {
  const viewer = getViewer(ctx);
  const wish = await deps.voice.readAdminWish(String(ctx.params.id), actorOf(viewer));
  const own = viewer.partnerId;
  const mayAnswer =
    can(viewer.role, 'wishes.answer') &&
    wish.moderation === 'published' &&
    (!own || wish.partners.some((p) => p.id === own) || wish.status === 'nouveau');
  const partners = [...(await deps.catalog.partners.get()).values()]
    .map((p) => ({ value: p.id, label: p.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  await renderScreen(
    ctx,
    deps,
    'wishes',
    WishPage,
    {
      wish,
      next: mayAnswer ? [...deps.voice.nextStatuses(wish.status as WishStatus)] : [],
      partners,
      moderates:
        can(viewer.role, 'wishes.moderate') &&
        (viewer.role === 'platform-admin' || wish.partners.some((p) => p.id === own)),
      ...(step ?? {}),
    },
    status,
  );
}

/** An id typed as such or as an address ending with it (/souhaits/ID, /articles/ID). */
function idFrom(text: string): string {
  const path = text.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

function stepInput(values: WishStepValues, current: string[]): WishStatusInput {
  const chosen = values.partnerIds ?? [];
  const changed = chosen.length !== current.length || chosen.some((id) => !current.includes(id));
  return {
    status: values.status as WishStatus,
    ...(values.answer ? { answer: values.answer } : {}),
    ...(changed && chosen.length ? { partnerIds: chosen as WishStatusInput['partnerIds'] } : {}),
    ...(values.status === 'doublon' && values.duplicateOf ? { duplicateOf: idFrom(values.duplicateOf) } : {}),
    ...(values.status === 'publie' && values.itemId ? { itemId: idFrom(values.itemId) } : {}),
  };
}

function takeStep(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const id = String(ctx.params.id);
    const body = formBody(ctx);
    const values: WishStepValues = {
      status: field(body, 'status'),
      answer: field(body, 'answer'),
      partnerIds: fieldList(body, 'partnerIds'),
      duplicateOf: field(body, 'duplicateOf'),
      itemId: field(body, 'itemId'),
    };
    const wish = await deps.voice.readAdminWish(id, actorOf(viewer));
    const input = stepInput(
      values,
      wish.partners.map((p) => p.id),
    );
    const refused = validateAgainst('WishStatusInput', input);
    if (refused.length) return showWish(ctx, deps, { values, errors: errorMap(refused) }, 400);
    try {
      await deps.voice.changeStatus(id, input, actorOf(viewer));
    } catch (err) {
      const fields = invalidFields(err);
      if (fields) return showWish(ctx, deps, { values, errors: errorMap(fields) }, 400);
      // A step no longer possible (someone else just moved the wish): said on the form.
      if (err instanceof DomainError && err.kind === 'conflict')
        return showWish(ctx, deps, { values, errors: { status: err.detail } }, 409);
      throw err;
    }
    if (values.answer) ctx.state.auditNote = values.answer.slice(0, 200);
    await redirectWithFlash(ctx, `${PATH}/${id}`, { kind: 'success', message: 'Étape enregistrée et publiée.' });
  };
}

/** Back to the list or the wish the form came from; nothing else. */
function backTo(body: Record<string, unknown>, id: string): string {
  const asked = field(body, 'retour');
  return /^\/console\/souhaits(\/[A-Za-z0-9_-]+)?(\?[\w=&%-]*)?$/.test(asked) ? asked : `${PATH}/${id}`;
}

function moderate(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const id = String(ctx.params.id);
    const body = formBody(ctx);
    const action = field(body, 'action');
    const back = backTo(body, id);
    if (!(MODERATION_ACTIONS as readonly string[]).includes(action))
      return redirectWithFlash(ctx, back, { kind: 'alert', message: 'Choisissez une action.' });
    const reason = field(body, 'reason');
    if (reason) ctx.state.auditNote = reason;
    await deps.voice.moderate(
      id,
      action as (typeof MODERATION_ACTIONS)[number],
      actorOf(getViewer(ctx)),
      reason || undefined,
    );
    await redirectWithFlash(ctx, back, { kind: 'success', message: `Souhait ${DONE[action] ?? action}.` });
  };
}

function entryValues(body: Record<string, unknown>): WishEntryValues {
  const values: WishEntryValues = {};
  for (const name of ['title', 'body', 'network', 'postUrl', 'commune', 'campaign'] as const)
    values[name] = field(body, name);
  return values;
}

function enter(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const values = entryValues(formBody(ctx));
    const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) as unknown as WishAgentInput;
    const refused = validateAgainst('WishAgentInput', input);
    const show = (errors: Record<string, string>) =>
      renderScreen(ctx, deps, 'wishes', WishEntryPage, { values, errors }, 400);
    if (refused.length) return show(errorMap(refused));
    try {
      const wish = await deps.voice.enterWish(input, actorOf(getViewer(ctx)));
      ctx.state.auditTargets = [wish.id];
      await redirectWithFlash(ctx, `${PATH}/${wish.id}`, {
        kind: 'success',
        message: 'Souhait publié, avec le lien vers la publication d’origine.',
      });
    } catch (err) {
      const fields = invalidFields(err);
      if (fields) return show(errorMap(fields));
      throw err;
    }
  };
}

export function addWishScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  const may = requireCapability('wishes');
  const journal = (action: string, ids?: (ctx: Context) => string[]) =>
    audited({ action, target: 'wish', snapshot: (id) => deps.voice.snapshotWish(id), ...(ids ? { ids } : {}) });
  addPage(
    group,
    PATH,
    'Les souhaits : à traiter (modérer ou répondre) ou tous',
    {
      vue: { description: 'a-traiter (défaut) ou tous' },
      statut: { description: 'Un statut' },
      page: { description: 'Page' },
    },
    agent,
    may,
    list(deps),
  );
  addPage(group, `${PATH}/nouveau`, 'Saisir un souhait pour un citoyen', undefined, agent, may, (ctx) =>
    renderScreen(ctx, deps, 'wishes', WishEntryPage, {}),
  );
  addAction(
    group,
    `${PATH}/nouveau`,
    'Publier un souhait recueilli sur un réseau social',
    agent,
    may,
    journal('wish.enter', () => []),
    enter(deps),
  );
  addPage(group, `${PATH}/:id`, 'Un souhait : modération, étapes, historique', undefined, agent, may, (ctx) =>
    showWish(ctx, deps),
  );
  addAction(
    group,
    `${PATH}/:id/moderation`,
    'Approuver, refuser ou masquer un souhait',
    agent,
    requireCapability('wishes.moderate'),
    journal('wish.moderate'),
    moderate(deps),
  );
  addAction(
    group,
    `${PATH}/:id/etape`,
    'Confier, accepter, publier, refuser un souhait ou le marquer comme doublon',
    agent,
    requireCapability('wishes.answer'),
    journal('wish.status'),
    takeStep(deps),
  );
}
