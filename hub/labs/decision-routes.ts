/** Approvals and publication of a lab. */
import type { LabApprovalInput, LabPublishInput } from '../../schemas/index.js';
import { getPrincipal } from '../auth/index.js';
import { readBody, RouteGroup } from '../http/index.js';
import { actorOf, approvingPartner, demand, leadsLab } from './access.js';
import { approveRevision, listApprovalHistory } from './approvals.js';
import { labParam } from './lab-routes.js';
import { publishLab, type PublishDeps } from './publish.js';
import { LABS_PATH as PATH, OBJECT, bearer } from './route-docs.js';
import { findLatestRevision } from './revisions.js';
import { toApprovalView, toPublicationView } from './views.js';

/** Approvals and publication. */
export function labDecisionRoutes(deps: PublishDeps): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: `${PATH}/:id/approvals`,
        tag: 'labs',
        auth: bearer,
        summary: 'Toutes les approbations, annulées comprises (voided : une révision plus récente existe)',
        responses: { 200: { description: '{approvals}', schema: OBJECT } },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        const latest = (await findLatestRevision(lab))?.number ?? 0;
        const history = await listApprovalHistory(lab._id);
        ctx.body = {
          revision: latest,
          approvals: history.map((a) => ({ ...toApprovalView(a), voided: a.revision !== latest })),
        };
      },
    )
    .add(
      {
        method: 'post',
        path: `${PATH}/:id/approvals`,
        tag: 'labs',
        auth: bearer,
        summary:
          "Approuver la dernière révision au nom de son partenaire (rédacteur ou administrateur d'un partenaire concerné)",
        body: 'LabInput#/definitions/LabApprovalInput',
        responses: {
          201: { description: 'Approbation', schema: OBJECT },
          200: { description: 'Déjà approuvée', schema: OBJECT },
          403: { description: 'Pas un partenaire concerné' },
          409: { description: 'revision_outdated' },
        },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        const principal = getPrincipal(ctx);
        const { revision } = readBody<LabApprovalInput>(ctx, 'LabInput#/definitions/LabApprovalInput');
        const partnerId = approvingPartner(lab, principal);
        demand(
          partnerId !== undefined,
          'lab_approve_forbidden',
          "seuls les rédacteurs et administrateurs d'un partenaire concerné approuvent",
        );
        const { approval, created, itemChanged } = await approveRevision(
          lab,
          revision,
          partnerId as string,
          actorOf(principal),
        );
        if (itemChanged) await deps.onItemsChanged();
        if (created)
          await deps.onEvent?.({
            type: 'approval-given',
            lab,
            revision,
            partnerId: partnerId as string,
            by: approval.by,
          });
        ctx.status = created ? 201 : 200;
        ctx.body = toApprovalView(approval);
      },
    )
    .add(
      {
        method: 'post',
        path: `${PATH}/:id/publish`,
        tag: 'labs',
        auth: bearer,
        summary:
          'Publier la dernière révision (un contenu co-signé) ; force + reason pour un administrateur de la plateforme',
        body: 'LabInput#/definitions/LabPublishInput',
        responses: {
          200: { description: '{itemId, revision, …}', schema: OBJECT },
          409: { description: 'approvals_missing (missing), already_published' },
          403: { description: 'Réservé au partenaire pilote ; forcer : administrateur de la plateforme' },
        },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        const principal = getPrincipal(ctx);
        const input = readBody<LabPublishInput>(ctx, 'LabInput#/definitions/LabPublishInput');
        demand(leadsLab(lab, principal), 'lab_lead_forbidden', "réservé au partenaire pilote de l'atelier");
        const publication = await publishLab(
          lab,
          { input, by: actorOf(principal), platformAdmin: principal.role === 'platform-admin' },
          deps,
        );
        ctx.body = toPublicationView(publication);
      },
    );
}
