/** /api/v1/admin/sources: CRUD, preview, run now, run history, alerts. */
import type { Context } from 'koa';
import { type Run, type SourceInput, validatePatch } from '../../schemas/index.js';
import type { ReaderPool, RunBudget } from '../../connectors/index.js';
import { assertPartnerAccess, getPrincipal, requireRole, scopedPartnerId } from '../auth/index.js';
import { audited } from '../audit/index.js';
import { conflict, invalidInput, notFound, readBody, RouteGroup } from '../http/index.js';
import { previewBody, previewSource } from './connector-source.js';
import {
  assertSourceSemantics as assertSemantics,
  createSealedSource,
  previewUnsavedSource,
  snapshotSource,
  updateSealedSource,
} from './operations.js';
import { listRuns } from './runs.js';
import { deleteSource, findSource, listSources } from './sources.js';
import type { SourceDoc } from './source-model.js';
import { toRun, toSource } from './views.js';

export interface SourceRouteDeps {
  /** Looks for due sources now rather than at the next tick (after a source is created). */
  nudge: () => void;
  /**
   * Runs a source now for an admin: the finished report, or, when a run of the source is
   * already going on, that run (finished if it ends within a few seconds, else running);
   * undefined only when no report can be had.
   */
  runNow: (sourceId: string) => Promise<Run | undefined>;
  /** Reads previews in the reader threads, under the same budgets as runs. */
  reader: ReaderPool;
  budget: RunBudget;
  /** Called after a change that withdrew items (source deleted). */
  onItemsChanged: () => Promise<void> | void;
  /** SOURCE_ALLOWED_HOSTS: private hosts sources may reach all the same. */
  allowedHosts: readonly string[];
}

const auth = 'bearer' as const;
const ADMINS = ['partner-admin'] as const;
const SOURCE_LIST = {
  type: 'object',
  properties: { total: { type: 'integer' }, sources: { type: 'array', items: { $ref: 'Source' } } },
};
const PREVIEW = {
  type: 'object',
  properties: {
    httpStatus: { type: 'integer' },
    fetched: { type: 'integer' },
    complete: { type: 'boolean' },
    notice: { $ref: 'Run#/definitions/RunNotice' },
    items: { type: 'array', items: { $ref: 'ItemInput' } },
    rejected: {
      type: 'array',
      items: {
        type: 'object',
        properties: { index: { type: 'integer' }, guid: { type: 'string' }, reason: { type: 'string' } },
      },
    },
  },
};

async function loadSource(ctx: Context): Promise<SourceDoc> {
  const source = await findSource(String(ctx.params.id));
  if (!source) throw notFound(`la source ${ctx.params.id}`);
  assertPartnerAccess(getPrincipal(ctx), source.partnerId, [...ADMINS]);
  return source;
}

/** The admin routes of sources; partner admins see and change only their partner's. */
export function adminSourceRoutes(deps: SourceRouteDeps): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/sources',
        tag: 'sources',
        auth,
        summary: 'Create a source (first run due at once)',
        body: 'SourceInput',
        responses: { 201: { description: 'Created', schema: 'Source' }, 400: { description: 'Invalid configuration' } },
      },
      audited({ action: 'source.create', target: 'source', snapshot: snapshotSource }),
      async (ctx) => {
        const input = readBody<SourceInput>(ctx, 'SourceInput');
        assertPartnerAccess(getPrincipal(ctx), input.partnerId, [...ADMINS]);
        await assertSemantics(input, deps.allowedHosts);
        const source = toSource(await createSealedSource(input));
        ctx.state.auditTargets = [source.id];
        deps.nudge();
        ctx.status = 201;
        ctx.set('Location', `/api/v1/admin/sources/${source.id}`);
        ctx.body = source;
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/sources',
        tag: 'sources',
        auth,
        summary: 'List sources (own partner for partner roles)',
        query: { partner: { description: "Only this partner's sources" } },
        responses: { 200: { description: 'Sources', schema: SOURCE_LIST } },
      },
      requireRole('platform-admin', 'partner-admin'),
      async (ctx) => {
        const scoped = scopedPartnerId(getPrincipal(ctx));
        const asked = typeof ctx.query.partner === 'string' ? ctx.query.partner : undefined;
        if (scoped && asked && asked !== scoped) assertPartnerAccess(getPrincipal(ctx), asked);
        const sources = (await listSources({ ...((scoped ?? asked) ? { partnerId: scoped ?? asked } : {}) })).map(
          toSource,
        );
        ctx.body = { total: sources.length, sources };
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/alerts',
        tag: 'sources',
        auth,
        summary: 'Sources failing 3 times or more in a row, with their last error',
        responses: { 200: { description: 'Sources with an alert', schema: SOURCE_LIST } },
      },
      requireRole('platform-admin', 'partner-admin'),
      async (ctx) => {
        const scoped = scopedPartnerId(getPrincipal(ctx));
        const sources = (await listSources({ alerts: true, ...(scoped ? { partnerId: scoped } : {}) })).map(toSource);
        ctx.body = { total: sources.length, sources };
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/sources/preview',
        tag: 'sources',
        auth,
        body: 'SourceInput',
        summary: 'Fetch, parse and map a configuration not yet saved; nothing is stored',
        responses: {
          200: { description: 'First 20 normalized items and every rejection', schema: PREVIEW },
          400: { description: 'Invalid configuration' },
          422: { description: 'The source could not be read' },
        },
      },
      async (ctx) => {
        const input = readBody<SourceInput>(ctx, 'SourceInput');
        assertPartnerAccess(getPrincipal(ctx), input.partnerId, [...ADMINS]);
        await assertSemantics(input, deps.allowedHosts);
        ctx.body = previewBody(await previewUnsavedSource(input, deps.reader, deps.budget), deps.budget);
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/sources/:id',
        tag: 'sources',
        auth,
        summary: 'One source with its state',
        responses: { 200: { description: 'Source', schema: 'Source' }, 404: { description: 'Unknown' } },
      },
      async (ctx) => {
        ctx.body = toSource(await loadSource(ctx));
      },
    )
    .add(
      {
        method: 'patch',
        path: '/api/v1/admin/sources/:id',
        tag: 'sources',
        auth,
        summary: 'Change a source (partnerId and kind are fixed)',
        body: 'SourceInput',
        responses: {
          200: { description: 'Updated', schema: 'Source' },
          400: { description: 'Invalid configuration' },
          404: { description: 'Unknown' },
        },
      },
      audited({ action: 'source.update', target: 'source', snapshot: snapshotSource }),
      async (ctx) => {
        const current = await loadSource(ctx);
        const errors = validatePatch('SourceInput', ctx.request.body, ['partnerId', 'kind']);
        if (errors.length) throw invalidInput(errors);
        const patch = ctx.request.body as Partial<SourceInput>;
        await assertSemantics(
          {
            ...patch,
            kind: current.kind,
            ...(patch.mapping || current.kind !== 'json-api' ? {} : { mapping: current.mapping }),
          },
          deps.allowedHosts,
        );
        const updated = await updateSealedSource(current, patch);
        if (!updated) throw notFound(`la source ${current._id}`);
        ctx.body = toSource(updated);
      },
    )
    .add(
      {
        method: 'delete',
        path: '/api/v1/admin/sources/:id',
        tag: 'sources',
        auth,
        summary: 'Delete a source; its items are withdrawn, never deleted',
        responses: { 204: { description: 'Deleted' }, 404: { description: 'Unknown' } },
      },
      audited({ action: 'source.delete', target: 'source', snapshot: snapshotSource }),
      async (ctx) => {
        const source = await loadSource(ctx);
        await deleteSource(source._id);
        await deps.onItemsChanged();
        ctx.status = 204;
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/sources/:id/preview',
        tag: 'sources',
        auth,
        summary: 'Fetch, parse and map a saved source; nothing is stored',
        responses: {
          200: { description: 'First 20 normalized items and every rejection', schema: PREVIEW },
          422: { description: 'The source could not be read' },
        },
      },
      async (ctx) => {
        ctx.body = previewBody(await previewSource(await loadSource(ctx), deps.reader, deps.budget), deps.budget);
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/sources/:id/run',
        tag: 'sources',
        auth,
        summary:
          'Run a source now, reading it whole (no conditional GET); when a run is already going on, answers with that run',
        responses: {
          200: { description: 'The finished run report', schema: 'Run' },
          202: {
            description: 'A run of this source is still in progress (status running): read it later in /runs',
            schema: 'Run',
          },
          409: { description: 'source_busy: another hub holds the source and its run cannot be read' },
        },
      },
      audited({ action: 'source.run', target: 'source', snapshot: snapshotSource, always: true }),
      async (ctx) => {
        const source = await loadSource(ctx);
        const run = await deps.runNow(source._id);
        if (!run) throw conflict('source_busy', `la source ${source._id} est déjà en cours d'exécution`);
        ctx.status = run.status === 'running' ? 202 : 200;
        if (ctx.status === 202) ctx.set('Location', `/api/v1/admin/sources/${source._id}/runs`);
        ctx.body = run;
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/sources/:id/runs',
        tag: 'sources',
        auth,
        summary: 'Run history, newest first',
        query: {
          limit: { description: '1 to 200, default 50', schema: { type: 'integer', minimum: 1, maximum: 200 } },
        },
        responses: {
          200: {
            description: 'Runs',
            schema: { type: 'object', properties: { runs: { type: 'array', items: { $ref: 'Run' } } } },
          },
        },
      },
      async (ctx) => {
        const source = await loadSource(ctx);
        const limit = Number(ctx.query.limit ?? 50);
        if (!Number.isInteger(limit) || limit < 1 || limit > 200)
          throw invalidInput([{ field: 'limit', message: 'doit être un entier de 1 à 200' }]);
        ctx.body = { runs: (await listRuns(source._id, limit)).map(toRun) };
      },
    );
}
