/**
 * /api/v1/lab-reviews/:token — an outside reviewer's link: it opens one lab, to read it
 * and comment, nothing else (no approval, no edit, no other lab). Outside the admin area:
 * the link is the credential.
 */
import type { Context } from 'koa';
import type { LabCommentInput } from '../../schemas/index.js';
import { DomainError } from '../domain-errors.js';
import { readBody, RouteGroup } from '../http/index.js';
import { addComment, listCommentThreads } from './comments.js';
import { loadLab } from './labs.js';
import type { LabDoc } from './lab-model.js';
import { resolveReviewer } from './people.js';
import { OBJECT } from './route-docs.js';
import type { PublishDeps } from './publish.js';
import { reportComment } from './report-comment.js';
import type { LabCommentDoc, ReviewerDoc } from './social-models.js';
import { toCommentView, toThreadView, viewLab } from './views.js';

const PATH = '/api/v1/lab-reviews/:token';

/** The reviewer and lab of the link; 404 review_link_invalid when unknown, revoked or expired. */
export async function loadReviewLink(token: string) {
  const reviewer = await resolveReviewer(token);
  if (!reviewer) {
    throw new DomainError('not_found', 'review_link_invalid', 'ce lien de relecture est inconnu, révoqué ou expiré', {
      title: 'Lien de relecture invalide',
    });
  }
  return { reviewer, lab: await loadLab(reviewer.labId) };
}

/** A comment or reply by an outside reviewer, signed with their name, reported like any other. */
export async function commentAsReviewer(
  deps: PublishDeps,
  reviewer: ReviewerDoc,
  lab: LabDoc,
  input: LabCommentInput,
): Promise<LabCommentDoc> {
  const author = {
    id: `reviewer:${reviewer._id}`,
    name: `${reviewer.name} (relecteur extérieur)`,
    reviewerId: reviewer._id,
  };
  const comment = await addComment(lab, input, author);
  await reportComment(deps, lab, comment);
  return comment;
}

function privately(ctx: Context): void {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('X-Robots-Tag', 'noindex');
}

/** The reviewer's reading and commenting. */
export function labReviewRoutes(deps: PublishDeps): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: PATH,
        tag: 'labs',
        summary: "Lire l'atelier par un lien de relecteur extérieur",
        responses: {
          200: { description: '{lab, comments, reviewer}', schema: OBJECT },
          404: { description: 'review_link_invalid' },
        },
      },
      async (ctx) => {
        privately(ctx);
        const { reviewer, lab } = await loadReviewLink(String(ctx.params.token));
        const { permissions: _p, ...view } = await viewLab(lab);
        ctx.body = {
          reviewer: { name: reviewer.name, expiresAt: reviewer.expiresAt.toISOString() },
          lab: view,
          comments: (await listCommentThreads(lab._id)).map(toThreadView),
        };
      },
    )
    .add(
      {
        method: 'post',
        path: `${PATH}/comments`,
        tag: 'labs',
        summary: 'Commenter par un lien de relecteur extérieur',
        body: 'LabInput#/definitions/LabCommentInput',
        responses: { 201: { description: 'Commentaire', schema: OBJECT }, 404: { description: 'review_link_invalid' } },
      },
      async (ctx) => {
        privately(ctx);
        const { reviewer, lab } = await loadReviewLink(String(ctx.params.token));
        const input = readBody<LabCommentInput>(ctx, 'LabInput#/definitions/LabCommentInput');
        const comment = await commentAsReviewer(deps, reviewer, lab, input);
        ctx.status = 201;
        ctx.body = toCommentView(comment);
      },
    );
}
