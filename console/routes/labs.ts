/**
 * Ateliers (issue 13): the list (« À traiter » or all), opening a lab, and a lab's page
 * with its actions — ask for review, abandon, approve, publish (forced with a reason by a
 * platform admin), comment, resolve, ask to join and decide, invite and revoke reviewers.
 * The rules are the labs domain's (hub/labs/access.ts): the console calls the same
 * operations as the API.
 */
import type { Context, Middleware } from 'koa';
import {
  actorOf,
  addComment,
  approveRevision,
  decideMembership,
  inviteReviewer,
  listCommentThreads,
  listLabs,
  listMemberships,
  listReviewers,
  loadComment,
  loadLab,
  pingPresence,
  publishLab,
  reportComment,
  requestMembership,
  resolveComment,
  revokeReviewer,
  setLabStage,
  summarizeLab,
  toThreadView,
  type LabDeps,
} from '../../hub/labs/index.js';
import { Forbidden } from '../../hub/domain-errors.js';
import type { RouteGroup } from '../../hub/http/index.js';
import type { ConsoleDeps } from '../deps.js';
import { field, formBody } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { getViewer } from '../http/viewer.js';
import { LabPage } from '../pages/lab-page.js';
import { LabsPage } from '../pages/labs-page.js';
import { addLabEditorScreens } from './lab-editor.js';
import { loadLabScreen, partnerNames, type LabScreen } from './lab-context.js';
import type { Flash } from '../chrome.js';
import { presenceText } from '../components/lab-labels.js';
import { applyFrenchTypography } from '../../hub/ui/index.js';
import { InvalidInput } from '../../hub/domain-errors.js';
import { validateAgainst } from '../../schemas/index.js';
import { addLabNewScreens } from './lab-new.js';
import { findLabsAwaitingApproval } from '../registry/todo-labs.js';

const PATH = '/console/ateliers';

function list(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const view = viewer.partnerId && ctx.query.vue !== 'tous' ? 'a-traiter' : 'tous';
    const labs =
      view === 'a-traiter'
        ? await findLabsAwaitingApproval(viewer.partnerId as string)
        : (await Promise.all((await listLabs()).map(summarizeLab))).map(({ latest: _l, publications: _p, ...l }) => l);
    await renderScreen(ctx, deps, 'labs', LabsPage, {
      labs,
      view,
      hasPartner: !!viewer.partnerId,
      canOpen: viewer.role !== 'moderator',
      partnerName: partnerNames(deps),
    });
  };
}

async function showLab(ctx: Context, deps: ConsoleDeps) {
  const { viewer, doc, lab, partnerName } = await loadLabScreen(ctx, deps);
  const [threads, memberships, reviewers, present] = await Promise.all([
    listCommentThreads(doc._id),
    listMemberships(doc._id),
    lab.permissions.invite ? listReviewers(doc._id) : Promise.resolve([]),
    pingPresence(doc, actorOf(viewer.principal)),
  ]);
  await renderScreen(ctx, deps, 'labs', LabPage, {
    lab,
    threads: threads.map(toThreadView),
    memberships: memberships.map((m) => ({ id: m._id, agent: m.agent, status: m.status })),
    reviewers: reviewers.map((r) => ({
      id: r._id,
      name: r.name,
      expiresAt: r.expiresAt.toISOString(),
      revokedAt: r.revokedAt?.toISOString() ?? null,
    })),
    present: present.map((p) => p.agent),
    partnerName,
    ...(viewer.partnerId && lab.partnerIds.includes(viewer.partnerId) ? { myPartner: viewer.partnerId } : {}),
  });
}

/** An action on a lab: run `act`, then back to the lab with a message. */
function labAction(deps: ConsoleDeps, act: (ctx: Context, screen: LabScreen) => Promise<string | Flash>) {
  return async (ctx: Context) => {
    const screen = await loadLabScreen(ctx, deps);
    const done = await act(ctx, screen);
    const flash: Flash = typeof done === 'string' ? { kind: 'success', message: done } : done;
    await redirectWithFlash(ctx, `${PATH}/${screen.doc._id}`, flash);
  };
}

const demand = (ok: boolean) => {
  if (!ok)
    throw new Forbidden('votre rôle ou votre partenaire ne permet pas cette action sur cet atelier', 'forbidden');
};

export function addLabScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware, labDeps: LabDeps): void {
  addPage(
    group,
    PATH,
    'Les ateliers : à traiter, ou tous',
    { vue: { description: 'a-traiter ou tous' } },
    agent,
    list(deps),
  );
  addLabNewScreens(group, deps, agent);
  addPage(group, `${PATH}/:id`, 'Un atelier : document, discussions, approbations', undefined, agent, (ctx) =>
    showLab(ctx, deps),
  );
  addLabEditorScreens(group, deps, agent, labDeps);
  group.add(
    {
      method: 'post',
      path: `${PATH}/:id/presence`,
      tag: 'console',
      summary: 'Signaler que l’atelier est ouvert (script de la console, toutes les 30 s) ; qui d’autre l’a ouvert',
      responses: {
        200: { description: '{text} : « Aussi ouvert par : … », ou vide', contentType: 'application/json' },
        403: { description: 'Sans jeton CSRF ou sans session', contentType: 'text/html' },
      },
    },
    agent,
    async (ctx) => {
      const doc = await loadLab(String(ctx.params.id));
      const present = await pingPresence(doc, actorOf(getViewer(ctx).principal));
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        text: applyFrenchTypography(
          presenceText(
            present.map((p) => p.agent),
            partnerNames(deps),
          ),
        ),
      };
    },
  );
  const act = (path: string, summary: string, fn: Parameters<typeof labAction>[1]) =>
    addAction(group, `${PATH}/:id/${path}`, summary, agent, labAction(deps, fn));
  act('statut', 'Demander la relecture, abandonner ou reprendre', async (ctx, { doc, lab, viewer }) => {
    demand(lab.permissions.lead);
    const status = field(formBody(ctx), 'status');
    if (status !== 'en-relecture' && status !== 'abandonne' && status !== 'brouillon')
      throw new Forbidden('statut inconnu');
    await setLabStage(doc, status);
    if (status === 'en-relecture')
      await labDeps.onEvent?.({ type: 'review-requested', lab: doc, by: actorOf(viewer.principal) });
    return {
      'en-relecture': 'Relecture demandée aux partenaires concernés.',
      abandonne: 'Atelier abandonné : ses révisions restent consultables.',
      brouillon: 'Atelier repris.',
    }[status];
  });
  act('approbation', 'Approuver la dernière révision pour son partenaire', async (ctx, { doc, lab, viewer }) => {
    demand(lab.permissions.approve && !!viewer.partnerId);
    const revision = Number(field(formBody(ctx), 'revision'));
    const { approval, created } = await approveRevision(
      doc,
      revision,
      viewer.partnerId as string,
      actorOf(viewer.principal),
    );
    if (created)
      await labDeps.onEvent?.({
        type: 'approval-given',
        lab: doc,
        revision,
        partnerId: approval.partnerId,
        by: approval.by,
      });
    return `Révision ${revision} approuvée.`;
  });
  act('publication', 'Publier la dernière révision', async (ctx, { doc, lab, viewer }) => {
    demand(lab.permissions.lead);
    const body = formBody(ctx);
    const force = field(body, 'force') === 'oui';
    const note = field(body, 'note');
    const input = { ...(force ? { force, reason: field(body, 'reason') } : {}), ...(note ? { note } : {}) };
    const platformAdmin = viewer.role === 'platform-admin';
    const publication = await publishLab(doc, { input, by: actorOf(viewer.principal), platformAdmin }, labDeps);
    return `Révision ${publication.revision} publiée${publication.forced ? ' (publication forcée)' : ''}.`;
  });
  act('commentaires', 'Commenter une section ou répondre', async (ctx, { doc, viewer }) => {
    const body = formBody(ctx);
    const section = field(body, 'section');
    const parentId = field(body, 'parentId');
    const comment = await addComment(
      doc,
      {
        body: field(body, 'body'),
        ...(section && section !== 'introduction' ? { section } : {}),
        ...(parentId ? { parentId } : {}),
      },
      actorOf(viewer.principal),
    );
    await reportComment(labDeps, doc, comment);
    return 'Commentaire publié dans l’atelier.';
  });
  act('commentaires/:commentId/resolution', 'Résoudre ou rouvrir une discussion', async (ctx, { doc, lab, viewer }) => {
    const comment = await loadComment(doc, String(ctx.params.commentId));
    demand(lab.permissions.edit || comment.author.id === viewer.principal.tokenId);
    const resolved = field(formBody(ctx), 'resolved') === 'oui';
    await resolveComment(comment, resolved, actorOf(viewer.principal));
    return resolved ? 'Discussion résolue.' : 'Discussion rouverte.';
  });
  act('membres', 'Demander à rejoindre l’atelier', async (_ctx, { doc, viewer }) => {
    await requestMembership(doc, actorOf(viewer.principal));
    return 'Demande envoyée au partenaire pilote.';
  });
  act('membres/:memberId', 'Accepter ou refuser une demande', async (ctx, { doc, lab, viewer }) => {
    demand(lab.permissions.lead);
    const accept = field(formBody(ctx), 'accept') === 'oui';
    await decideMembership(doc, String(ctx.params.memberId), accept, actorOf(viewer.principal));
    return accept ? 'Demande acceptée : l’agent peut modifier le document.' : 'Demande refusée.';
  });
  act('relecteurs/:reviewerId/revoquer', 'Révoquer le lien d’un relecteur', async (ctx, { doc, lab }) => {
    demand(lab.permissions.invite);
    await revokeReviewer(doc, String(ctx.params.reviewerId));
    return 'Lien révoqué : il ne donne plus accès à l’atelier.';
  });
  act('relecteurs', 'Inviter un relecteur extérieur', async (ctx, { doc, lab, viewer }) => {
    demand(lab.permissions.invite);
    const body = formBody(ctx);
    const email = field(body, 'email');
    const input = { name: field(body, 'name'), ...(email ? { email } : {}) };
    const errors = validateAgainst('LabInput#/definitions/LabReviewerInput', input);
    if (errors.length) throw new InvalidInput(errors);
    const { token } = await inviteReviewer(doc, input, actorOf(viewer.principal));
    return {
      kind: 'success',
      message: `${input.name} est invité à relire et commenter pendant 14 jours.`,
      secret: `${deps.config.publicUrl.replace(/\/$/, '')}/console/relecture/${token}`,
      secretLabel: 'Lien à transmettre (affiché une seule fois)',
    };
  });
}
