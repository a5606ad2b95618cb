/** Comments, requests to join, outside reviewers and presence of a lab. */
import type { Context } from 'koa';
import type {
  LabCommentInput,
  LabMembershipDecision,
  LabResolutionInput,
  LabReviewerInput,
} from '../../schemas/index.js';
import { getPrincipal } from '../auth/index.js';
import { readBody, RouteGroup } from '../http/index.js';
import { actorOf, demand, leadsLab, permissionsOf, writesForPartner } from './access.js';
import { addComment, listCommentThreads, loadComment, resolveComment } from './comments.js';
import { labParam } from './lab-routes.js';
import {
  decideMembership,
  inviteReviewer,
  isMember,
  listMemberships,
  listReviewers,
  pingPresence,
  requestMembership,
  revokeReviewer,
} from './people.js';
import { LABS_PATH as PATH, OBJECT, bearer } from './route-docs.js';
import type { PublishDeps } from './publish.js';
import { reportComment } from './report-comment.js';
import { toCommentView, toThreadView } from './views.js';
import type { MembershipDoc, ReviewerDoc } from './social-models.js';

const toMembershipView = (m: MembershipDoc) => ({
  id: m._id,
  agent: m.agent,
  status: m.status,
  requestedAt: m.requestedAt.toISOString(),
  decided: m.decided ? { by: m.decided.by, at: m.decided.at.toISOString() } : null,
});

const toReviewerView = (r: ReviewerDoc) => ({
  id: r._id,
  name: r.name,
  email: r.email ?? null,
  invitedBy: r.invitedBy,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

/** The path of the page an outside reviewer opens (served by the console). */
export const reviewerLinkPath = (token: string) => `/console/relecture/${token}`;

async function canEdit(ctx: Context) {
  const lab = await labParam(ctx);
  const principal = getPrincipal(ctx);
  return { lab, principal, edit: permissionsOf(lab, principal, await isMember(lab._id, principal.tokenId)).edit };
}

/** Comments, membership, reviewers and presence. */
export function labPeopleRoutes(deps: PublishDeps): RouteGroup {
  const { publicUrl } = deps;
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: `${PATH}/:id/comments`,
        tag: 'labs',
        auth: bearer,
        summary: 'Les discussions, par section, avec leurs réponses',
        responses: { 200: { description: '{comments}', schema: OBJECT } },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { comments: (await listCommentThreads(lab._id)).map(toThreadView) };
      },
    )
    .add(
      {
        method: 'post',
        path: `${PATH}/:id/comments`,
        tag: 'labs',
        auth: bearer,
        summary: 'Commenter une section (tout agent) ou répondre',
        body: 'LabInput#/definitions/LabCommentInput',
        responses: { 201: { description: 'Commentaire', schema: OBJECT } },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        const input = readBody<LabCommentInput>(ctx, 'LabInput#/definitions/LabCommentInput');
        const comment = await addComment(lab, input, actorOf(getPrincipal(ctx)));
        await reportComment(deps, lab, comment);
        ctx.status = 201;
        ctx.body = toCommentView(comment);
      },
    )
    .add(
      {
        method: 'post',
        path: `${PATH}/:id/comments/:commentId/resolution`,
        tag: 'labs',
        auth: bearer,
        summary: 'Marquer une discussion résolue ou la rouvrir (rédacteurs de l’atelier ou auteur)',
        body: 'LabInput#/definitions/LabResolutionInput',
        responses: { 200: { description: 'Commentaire', schema: OBJECT } },
      },
      async (ctx) => {
        const { lab, principal, edit } = await canEdit(ctx);
        const comment = await loadComment(lab, String(ctx.params.commentId));
        demand(
          edit || comment.author.id === principal.tokenId,
          'lab_resolve_forbidden',
          "seuls les rédacteurs de l'atelier et l'auteur résolvent une discussion",
        );
        const { resolved } = readBody<LabResolutionInput>(ctx, 'LabInput#/definitions/LabResolutionInput');
        ctx.body = toCommentView(await resolveComment(comment, resolved, actorOf(principal)));
      },
    )
    .add(
      {
        method: 'get',
        path: `${PATH}/:id/members`,
        tag: 'labs',
        auth: bearer,
        summary: 'Les demandes pour rejoindre l’atelier',
        responses: { 200: { description: '{members}', schema: OBJECT } },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        ctx.body = { members: (await listMemberships(lab._id)).map(toMembershipView) };
      },
    )
    .add(
      {
        method: 'post',
        path: `${PATH}/:id/members`,
        tag: 'labs',
        auth: bearer,
        summary: 'Demander à rejoindre l’atelier (pour le modifier)',
        responses: { 201: { description: 'Demande', schema: OBJECT } },
      },
      async (ctx) => {
        const { lab, edit } = await canEdit(ctx);
        demand(!edit, 'already_editor', 'vous modifiez déjà cet atelier');
        ctx.status = 201;
        ctx.body = toMembershipView(await requestMembership(lab, actorOf(getPrincipal(ctx))));
      },
    )
    .add(
      {
        method: 'post',
        path: `${PATH}/:id/members/:memberId/decision`,
        tag: 'labs',
        auth: bearer,
        summary: 'Accepter ou refuser une demande (partenaire pilote)',
        body: 'LabInput#/definitions/LabMembershipDecision',
        responses: { 200: { description: 'Demande', schema: OBJECT } },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        demand(leadsLab(lab, getPrincipal(ctx)), 'lab_lead_forbidden', "réservé au partenaire pilote de l'atelier");
        const { accept } = readBody<LabMembershipDecision>(ctx, 'LabInput#/definitions/LabMembershipDecision');
        ctx.body = toMembershipView(
          await decideMembership(lab, String(ctx.params.memberId), accept, actorOf(getPrincipal(ctx))),
        );
      },
    )
    .add(
      {
        method: 'get',
        path: `${PATH}/:id/reviewers`,
        tag: 'labs',
        auth: bearer,
        summary: 'Les relecteurs extérieurs invités',
        responses: { 200: { description: '{reviewers}', schema: OBJECT } },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        ctx.body = { reviewers: (await listReviewers(lab._id)).map(toReviewerView) };
      },
    )
    .add(
      {
        method: 'post',
        path: `${PATH}/:id/reviewers`,
        tag: 'labs',
        auth: bearer,
        summary:
          'Inviter un relecteur extérieur : un lien de 14 jours pour lire et commenter (le jeton est donné une fois)',
        body: 'LabInput#/definitions/LabReviewerInput',
        responses: { 201: { description: '{id, token, url, expiresAt}', schema: OBJECT } },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        demand(
          writesForPartner(lab, getPrincipal(ctx)),
          'lab_invite_forbidden',
          'seuls les rédacteurs des partenaires concernés invitent un relecteur',
        );
        const input = readBody<LabReviewerInput>(ctx, 'LabInput#/definitions/LabReviewerInput');
        const { reviewer, token } = await inviteReviewer(lab, input, actorOf(getPrincipal(ctx)));
        ctx.status = 201;
        ctx.body = {
          ...toReviewerView(reviewer),
          token,
          url: `${publicUrl.replace(/\/$/, '')}${reviewerLinkPath(token)}`,
        };
      },
    )
    .add(
      {
        method: 'delete',
        path: `${PATH}/:id/reviewers/:reviewerId`,
        tag: 'labs',
        auth: bearer,
        summary: 'Révoquer le lien d’un relecteur',
        responses: { 204: { description: 'Révoqué' } },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        demand(
          writesForPartner(lab, getPrincipal(ctx)),
          'lab_invite_forbidden',
          'seuls les rédacteurs des partenaires concernés révoquent un relecteur',
        );
        await revokeReviewer(lab, String(ctx.params.reviewerId));
        ctx.status = 204;
      },
    )
    .add(
      {
        method: 'post',
        path: `${PATH}/:id/presence`,
        tag: 'labs',
        auth: bearer,
        summary: 'Signaler que j’ai l’atelier ouvert (toutes les 30 s) ; répond qui d’autre l’a ouvert',
        responses: { 200: { description: '{present}', schema: OBJECT } },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        const others = await pingPresence(lab, actorOf(getPrincipal(ctx)));
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { present: others.map((p) => ({ ...p.agent, at: p.at.toISOString() })) };
      },
    );
}
