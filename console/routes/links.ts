/**
 * Liens cassés (issue 14): the partner's broken outbound links, and its services' permanent
 * redirects with a one-click « Mettre à jour l'adresse » (hub/online-services moves it).
 */
import type { Context, Middleware } from 'koa';
import { audited, type AuditSnapshot } from '../../hub/audit/index.js';
import { Conflict, NotFound } from '../../hub/domain-errors.js';
import type { RouteGroup } from '../../hub/http/index.js';
import { findLink, listLinks, readLastLinkCheck, toLinkView } from '../../hub/link-health/index.js';
import { formatDateTime } from '../../hub/locale/index.js';
import { canMoveAddress, findService, moveServiceAddress } from '../../hub/online-services/index.js';
import type { ConsoleDeps } from '../deps.js';
import { field, formBody, queryParam } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { assertOwnPartner, getViewer, requireCapability, scopePartner } from '../http/viewer.js';
import { LinksPage, type MovedLink } from '../pages/links-page.js';

const PATH = '/console/liens';

async function show(ctx: Context, deps: ConsoleDeps) {
  const viewer = getViewer(ctx);
  const partnerId = scopePartner(viewer, queryParam(ctx, 'partenaire'));
  const [links, last] = await Promise.all([listLinks(partnerId ? { partnerId } : {}), readLastLinkCheck()]);
  const broken = links.filter((l) => l.status === 'broken').map((l) => toLinkView(l, partnerId));
  const moved: MovedLink[] = [];
  for (const link of links.filter((l) => l.movedTo)) {
    const refs = link.refs.filter((r) => r.kind === 'service' && (!partnerId || r.partnerId === partnerId));
    const services = await Promise.all(refs.map((r) => findService(r.id)));
    const shown = services.flatMap((s) => (s && s.url === link.url ? [s] : []));
    if (shown.length === 0) continue;
    moved.push({
      link: toLinkView(link, partnerId),
      services: shown.map((s) => ({ id: s._id, name: s.name, movable: canMoveAddress(s) })),
    });
  }
  const partners = deps.catalog.partners.current();
  await renderScreen(ctx, deps, 'links', LinksPage, {
    broken,
    moved,
    ...(last ? { lastCheck: formatDateTime(last.finishedAt) } : {}),
    ...(partnerId ? {} : { partnerName: (id: string) => partners.get(id)?.name ?? id }),
  });
}

async function snapshotService(id: string): Promise<AuditSnapshot | undefined> {
  const doc = await findService(id);
  return doc ? { partnerId: doc.partnerId, label: doc.name, fields: { url: doc.url } } : undefined;
}

function move(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const service = await findService(String(ctx.params.id));
    if (!service) throw new NotFound('ce service en ligne');
    assertOwnPartner(getViewer(ctx), service.partnerId);
    const link = await findLink(field(formBody(ctx), 'lien'));
    if (!link?.movedTo || link.url !== service.url)
      throw new Conflict('no_redirect_offer', "cette adresse n'est plus redirigée de façon permanente");
    const updated = await moveServiceAddress({
      id: service._id,
      from: link.url,
      to: link.movedTo,
      allowedHosts: deps.config.sourceAllowedHosts,
    });
    deps.servicesChanged();
    await redirectWithFlash(ctx, PATH, {
      kind: 'success',
      message: `Adresse de « ${updated.name} » mise à jour : ${updated.url}. Elle sera vérifiée à la prochaine vérification.`,
    });
  };
}

export function addLinkScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  addPage(
    group,
    PATH,
    'Les liens cassés et les adresses déplacées du partenaire',
    { partenaire: { description: 'Un partenaire (administrateurs de la plateforme)' } },
    agent,
    requireCapability('contents'),
    (ctx) => show(ctx, deps),
  );
  addAction(
    group,
    `${PATH}/services/:id/adresse`,
    "Remplacer l'adresse d'un service par celle vers laquelle elle redirige de façon permanente",
    agent,
    requireCapability('contents.write'),
    audited({ action: 'service.update', target: 'service', snapshot: snapshotService }),
    move(deps),
  );
}
