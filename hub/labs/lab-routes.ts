/**
 * /api/v1/admin/labs — labs, their document and its revisions, diffs. Any agent reads;
 * the rules of access.ts decide the rest.
 */
import type { Context } from 'koa';
import type { LabInput, LabRevisionInput, LabStatusInput } from '../../schemas/index.js';
import { getPrincipal } from '../auth/index.js';
import { InvalidInput } from '../domain-errors.js';
import { readBody, RouteGroup } from '../http/index.js';
import { actorOf, demand, leadsLab, permissionsOf } from './access.js';
import { findLastApprovedRevision, listPublications } from './approvals.js';
import { diffRevisions } from './diff.js';
import { createLab, listLabs, loadLab, setLabStage } from './labs.js';
import { isMember } from './people.js';
import { findLatestRevision, listRevisions, loadRevision, saveRevision } from './revisions.js';
import type { PublishDeps } from './publish.js';
import { listApprovals } from './approvals.js';
import { summarizeLab, toRevisionSummary, viewLab } from './views.js';
import { LAB_VIEW, LABS_PATH as PATH, OBJECT, bearer } from './route-docs.js';

/** The lab of the :id parameter (404 otherwise). */
export const labParam = (ctx: Context) => loadLab(String(ctx.params.id ?? ''));

async function requireEditor(ctx: Context) {
  const lab = await labParam(ctx);
  const principal = getPrincipal(ctx);
  const { edit } = permissionsOf(lab, principal, await isMember(lab._id, principal.tokenId));
  demand(edit, 'lab_edit_forbidden', "seuls les partenaires concernés et les membres acceptés modifient l'atelier");
  return lab;
}

function parseRevisionRef(value: unknown, field: string): number | 'approved' | 'published' | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'approved' || value === 'published') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidInput([{ field, message: 'un numéro de révision, approved ou published' }]);
  return n;
}

async function diffFor(ctx: Context) {
  const lab = await labParam(ctx);
  const from = parseRevisionRef(ctx.query.from, 'from');
  const to = parseRevisionRef(ctx.query.to, 'to');
  const latest = (await findLatestRevision(lab))?.number ?? 0;
  const resolve = async (ref: typeof from, field: string): Promise<number> => {
    if (ref === undefined) return latest;
    if (ref === 'approved') {
      const n = await findLastApprovedRevision(lab);
      if (!n)
        throw new InvalidInput([
          { field, message: "aucune révision n'a encore été approuvée par tous les partenaires" },
        ]);
      return n;
    }
    if (ref === 'published') {
      const n = (await listPublications(lab._id)).at(-1)?.revision;
      if (!n) throw new InvalidInput([{ field, message: "l'atelier n'a pas encore été publié" }]);
      return n;
    }
    return ref;
  };
  if (from === undefined) throw new InvalidInput([{ field: 'from', message: 'requis' }]);
  const [a, b] = [await resolve(from, 'from'), await resolve(to, 'to')];
  const [before, after] = [await loadRevision(lab._id, a), await loadRevision(lab._id, b)];
  return { from: a, to: b, ...diffRevisions(before.body, after.body) };
}

/** Labs, their document, revisions and diffs. */
export function labCoreRoutes(deps: PublishDeps): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'post',
        path: PATH,
        tag: 'labs',
        auth: bearer,
        summary: 'Ouvrir un atelier (le premier partenaire le pilote)',
        body: 'LabInput',
        responses: {
          201: { description: 'Atelier', schema: LAB_VIEW },
          400: { description: 'Entrée invalide' },
          403: { description: 'Réservé aux rédacteurs et administrateurs du partenaire pilote' },
        },
      },
      async (ctx) => {
        const input = readBody<LabInput>(ctx, 'LabInput');
        const principal = getPrincipal(ctx);
        demand(
          principal.role === 'platform-admin' ||
            (['editor', 'partner-admin'].includes(principal.role) && principal.partnerId === input.partnerIds[0]),
          'lab_create_forbidden',
          "un atelier s'ouvre par un rédacteur ou un administrateur du partenaire pilote (le premier de partnerIds)",
        );
        const lab = await createLab(input, actorOf(principal));
        ctx.status = 201;
        ctx.set('Location', `${PATH}/${lab._id}`);
        ctx.body = await viewLab(lab, principal);
      },
    )
    .add(
      {
        method: 'get',
        path: PATH,
        tag: 'labs',
        auth: bearer,
        summary: 'Les ateliers ; todo=true : ceux qui attendent l’approbation de mon partenaire',
        query: {
          todo: { description: 'true : « À traiter »', schema: { type: 'string', enum: ['true', 'false'] } },
          partner: { description: 'Partenaire concerné', schema: { type: 'string' } },
          status: { description: 'Statut', schema: { type: 'string' } },
        },
        responses: { 200: { description: '{total, labs}', schema: OBJECT } },
      },
      async (ctx) => {
        const principal = getPrincipal(ctx);
        const todo = ctx.query.todo === 'true';
        const partner =
          typeof ctx.query.partner === 'string' ? ctx.query.partner : todo ? principal.partnerId : undefined;
        if (todo && !principal.partnerId)
          throw new InvalidInput([{ field: 'todo', message: "« À traiter » concerne l'agent d'un partenaire" }]);
        const summaries = await Promise.all((await listLabs(partner)).map(summarizeLab));
        const labs = summaries
          .filter(
            (s) => !todo || (s.status === 'en-relecture' && s.missingApprovals.includes(principal.partnerId as string)),
          )
          .filter((s) => !ctx.query.status || s.status === ctx.query.status)
          .map(({ latest: _l, publications: _p, ...s }) => s);
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { total: labs.length, labs };
      },
    )
    .add(
      {
        method: 'get',
        path: `${PATH}/:id`,
        tag: 'labs',
        auth: bearer,
        summary: "L'atelier : dernière révision, approbations, statut, permissions",
        responses: { 200: { description: 'Atelier', schema: LAB_VIEW }, 404: { description: 'Inconnu' } },
      },
      async (ctx) => {
        ctx.set('Cache-Control', 'no-store');
        ctx.body = await viewLab(await labParam(ctx), getPrincipal(ctx));
      },
    )
    .add(
      {
        method: 'post',
        path: `${PATH}/:id/status`,
        tag: 'labs',
        auth: bearer,
        summary: 'Demander la relecture, abandonner ou reprendre (partenaire pilote)',
        body: 'LabInput#/definitions/LabStatusInput',
        responses: { 200: { description: 'Atelier', schema: LAB_VIEW } },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        const { status } = readBody<LabStatusInput>(ctx, 'LabInput#/definitions/LabStatusInput');
        demand(leadsLab(lab, getPrincipal(ctx)), 'lab_lead_forbidden', "réservé au partenaire pilote de l'atelier");
        await setLabStage(lab, status);
        if (status === 'en-relecture' && lab.stage !== 'en-relecture') {
          await deps.onEvent?.({ type: 'review-requested', lab, by: actorOf(getPrincipal(ctx)) });
        }
        ctx.body = await viewLab({ ...lab, stage: status }, getPrincipal(ctx));
      },
    )
    .add(
      {
        method: 'get',
        path: `${PATH}/:id/revisions`,
        tag: 'labs',
        auth: bearer,
        summary: 'Les révisions (sans leur texte)',
        responses: { 200: { description: '{revisions}', schema: OBJECT } },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        ctx.body = { revisions: (await listRevisions(lab._id)).map(toRevisionSummary) };
      },
    )
    .add(
      {
        method: 'get',
        path: `${PATH}/:id/revisions/:n`,
        tag: 'labs',
        auth: bearer,
        summary: 'Une révision avec son texte',
        responses: { 200: { description: 'Révision', schema: OBJECT }, 404: { description: 'Inconnue' } },
      },
      async (ctx) => {
        const lab = await labParam(ctx);
        const revision = await loadRevision(lab._id, Number(ctx.params.n));
        ctx.body = { ...toRevisionSummary(revision), body: revision.body };
      },
    )
    .add(
      {
        method: 'post',
        path: `${PATH}/:id/revisions`,
        tag: 'labs',
        auth: bearer,
        summary: 'Enregistrer une révision ; base périmée → 409 revision_conflict avec les deux textes',
        body: 'LabInput#/definitions/LabRevisionInput',
        responses: {
          201: { description: '{revision}', schema: OBJECT },
          200: { description: 'Texte inchangé : rien écrit', schema: OBJECT },
          409: { description: 'revision_conflict : yours, theirs, latestRevision' },
        },
      },
      async (ctx) => {
        const lab = await requireEditor(ctx);
        const input = readBody<LabRevisionInput>(ctx, 'LabInput#/definitions/LabRevisionInput');
        const by = actorOf(getPrincipal(ctx));
        const { revision, unchanged } = await saveRevision(lab, input, by);
        const voided = unchanged ? [] : await listApprovals(lab, revision.number - 1);
        if (voided.length) {
          const partnerIds = voided.map((a) => a.partnerId);
          await deps.onEvent?.({ type: 'approvals-voided', lab, revision: revision.number, partnerIds, by });
        }
        ctx.status = unchanged ? 200 : 201;
        ctx.body = { revision: revision.number, unchanged, ...toRevisionSummary(revision) };
      },
    )
    .add(
      {
        method: 'get',
        path: `${PATH}/:id/diff`,
        tag: 'labs',
        auth: bearer,
        summary: 'Différences mot à mot entre deux révisions (from=N|approved|published, to=N, la dernière par défaut)',
        query: {
          from: { description: 'N, approved ou published', required: true },
          to: { description: 'N (dernière par défaut)' },
        },
        responses: { 200: { description: '{from, to, parts, inserted, deleted, readable}', schema: OBJECT } },
      },
      async (ctx) => {
        ctx.body = await diffFor(ctx);
      },
    );
}
