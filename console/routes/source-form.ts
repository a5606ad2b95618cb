/**
 * Creating and editing a source: one form whose buttons discover feeds from a site's
 * address, preview the configuration (nothing stored, the existing preview) or save it.
 * The console's script refreshes the preview while the agent types.
 */
import type { Context, Middleware } from 'koa';
import { discoverFeeds, type DiscoveredFeed } from '../../connectors/index.js';
import { audited } from '../../hub/audit/index.js';
import { DomainError } from '../../hub/domain-errors.js';
import type { RouteGroup } from '../../hub/http/index.js';
import {
  assertSourceSemantics,
  createSealedSource,
  previewUnsavedSource,
  snapshotSource,
  updateSealedSource,
  type SourceDoc,
} from '../../hub/sources/index.js';
import { validateAgainst, validatePatch, type SourceInput, type SourceKind } from '../../schemas/index.js';
import type { ConsoleDeps } from '../deps.js';
import { errorMap, field, formBody, invalidFields, type FormBody } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { getViewer, requireCapability } from '../http/viewer.js';
import { SourceFormPage, type SourceFormValues, type PreviewState } from '../pages/source-form-page.js';
import { loadOwnSource } from './sources.js';

const KINDS: SourceKind[] = ['feed', 'json-api', 'comarquage'];

function valuesOf(doc: SourceDoc): SourceFormValues {
  return {
    partnerId: doc.partnerId,
    kind: doc.kind,
    name: doc.name ?? '',
    url: doc.url,
    site: '',
    schedule: doc.schedule,
    mapping: doc.mapping ? JSON.stringify(doc.mapping, null, 2) : '',
  };
}

function readValues(body: FormBody, viewerPartner: string | undefined, current?: SourceDoc): SourceFormValues {
  const kind = field(body, 'kind');
  return {
    partnerId: current?.partnerId ?? viewerPartner ?? field(body, 'partnerId'),
    kind: current?.kind ?? ((KINDS as string[]).includes(kind) ? (kind as SourceKind) : 'feed'),
    name: field(body, 'name'),
    url: field(body, 'url'),
    site: field(body, 'site'),
    schedule: field(body, 'schedule'),
    mapping: typeof body.mapping === 'string' ? body.mapping : '',
  };
}

/** The form's values as a source configuration, or the fields at fault. */
function toInput(v: SourceFormValues): { input?: SourceInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let mapping: unknown;
  if (v.kind === 'json-api') {
    try {
      mapping = JSON.parse(v.mapping || 'null');
    } catch {
      errors.mapping = 'La correspondance doit être un objet JSON valide';
    }
  }
  const input = {
    partnerId: v.partnerId,
    kind: v.kind,
    url: v.url,
    ...(v.name ? { name: v.name } : {}),
    ...(v.schedule ? { schedule: v.schedule } : {}),
    ...(mapping ? { mapping } : {}),
  } as SourceInput;
  for (const e of validateAgainst('SourceInput', input)) errors[e.field.split('.')[0] || 'url'] ??= capital(e.message);
  return Object.keys(errors).length ? { errors } : { input, errors };
}

const fieldOfError = (f: string) => (f.startsWith('credentials') ? 'url' : f.split('.')[0] || 'url');

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

async function discover(deps: ConsoleDeps, site: string): Promise<{ feeds?: DiscoveredFeed[]; error?: string }> {
  if (!site) return { error: 'Saisissez l’adresse du site' };
  try {
    const feeds = await discoverFeeds(site, deps.fetcher);
    return feeds.length ? { feeds } : { error: 'Aucun flux annoncé par cette page : saisissez l’adresse du flux' };
  } catch (err) {
    return { error: capital(err instanceof Error ? err.message : 'cette page n’a pas pu être lue') };
  }
}

async function preview(deps: ConsoleDeps, input: SourceInput, current?: SourceDoc): Promise<PreviewState> {
  try {
    const { partnerId, kind, url, mapping } = input;
    const unsaved = { partnerId, kind, url, ...(mapping ? { mapping } : {}) };
    // In a reader thread under the run budgets, with the source's sealed credentials when editing.
    const result = await previewUnsavedSource(unsaved, deps.reader, deps.budget, current);
    return { items: result.items.slice(0, 10), rejected: result.rejected.length, fetched: result.fetched };
  } catch (err) {
    if (err instanceof DomainError) return { error: err.detail };
    throw err;
  }
}

function handleForm(deps: ConsoleDeps, editing: boolean) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const current = editing ? await loadOwnSource(ctx) : undefined;
    const values = readValues(formBody(ctx), viewer.partnerId, current);
    const action = field(formBody(ctx), 'action');
    const show = (extra: Partial<Parameters<typeof SourceFormPage>[0]>, status = 200) =>
      renderScreen(
        ctx,
        deps,
        'sources',
        SourceFormPage,
        { values, editingId: current?._id, partners: partnerChoices(deps, viewer.partnerId), ...extra },
        status,
      );
    if (action === 'decouvrir') {
      const found = await discover(deps, values.site);
      if (found.feeds?.[0] && !values.url) values.url = found.feeds[0].url;
      return show(
        found.error ? { errors: { site: found.error } } : { discovered: found.feeds ?? [] },
        found.error ? 400 : 200,
      );
    }
    const { input, errors } = toInput(values);
    if (!input) return show({ errors }, 400);
    try {
      await assertSourceSemantics(input, deps.config.sourceAllowedHosts);
      // The script's live preview posts no button: anything but « Enregistrer » only previews.
      if (action !== 'enregistrer') return show({ preview: await preview(deps, input, current) });
      if (current) {
        const { partnerId: _p, kind: _k, ...patch } = input;
        const refused = validatePatch('SourceInput', patch, ['partnerId', 'kind']);
        if (refused.length) return show({ errors: errorMap(refused) }, 400);
        await updateSealedSource(current, patch);
        return redirectWithFlash(ctx, `/console/sources/${current._id}`, {
          kind: 'success',
          message: 'La source est enregistrée.',
        });
      }
      const created = await createSealedSource(input);
      ctx.state.auditTargets = [created._id];
      deps.nudge();
      await redirectWithFlash(ctx, `/console/sources/${created._id}`, {
        kind: 'success',
        message: 'La source est créée : sa première collecte a lieu dans un instant.',
      });
    } catch (err) {
      const fields = invalidFields(err);
      // The form has no credentials field: what is said of them concerns the address that carried them.
      if (fields) return show({ errors: errorMap(fields, (f) => fieldOfError(f)) }, 400);
      if (err instanceof DomainError && err.kind === 'conflict')
        return show({ errors: { url: capital(err.message) } }, 400);
      throw err;
    }
  };
}

function partnerChoices(deps: ConsoleDeps, own: string | undefined) {
  if (own) return undefined;
  return [...deps.catalog.partners.current().entries()]
    .map(([id, p]) => ({ value: id, label: p.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

function showForm(deps: ConsoleDeps, editing: boolean) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const current = editing ? await loadOwnSource(ctx) : undefined;
    const values: SourceFormValues = current
      ? valuesOf(current)
      : { partnerId: viewer.partnerId ?? '', kind: 'feed', name: '', url: '', site: '', schedule: '', mapping: '' };
    await renderScreen(ctx, deps, 'sources', SourceFormPage, {
      values,
      editingId: current?._id,
      partners: partnerChoices(deps, viewer.partnerId),
    });
  };
}

export function addSourceFormScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  const may = requireCapability('sources');
  addPage(group, '/console/sources/nouvelle', 'Ajouter une source', undefined, agent, may, showForm(deps, false));
  addAction(
    group,
    '/console/sources/nouvelle',
    'Découvrir les flux, prévisualiser ou créer la source',
    agent,
    may,
    audited({ action: 'source.create', target: 'source', snapshot: snapshotSource, ids: () => [] }),
    handleForm(deps, false),
  );
  addPage(group, '/console/sources/:id/modifier', 'Modifier une source', undefined, agent, may, showForm(deps, true));
  addAction(
    group,
    '/console/sources/:id/modifier',
    'Prévisualiser ou enregistrer la source',
    agent,
    may,
    audited({ action: 'source.update', target: 'source', snapshot: snapshotSource }),
    handleForm(deps, true),
  );
}
