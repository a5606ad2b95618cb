/**
 * Partenaire: the list (platform admins), a partner's page with its edit form (allowed
 * origins, moderation mode, website, contact), its widget snippets with a live preview and
 * a copy button, and its feeds.
 */
import type { Context, Middleware } from 'koa';
import { audited } from '../../hub/audit/index.js';
import { NotFound } from '../../hub/domain-errors.js';
import type { RouteGroup } from '../../hub/http/index.js';
import { editPartner, findPartner, listPartners, snapshotPartner, toPartner } from '../../hub/partners/index.js';
import type { Partner } from '../../schemas/index.js';
import { can } from '../access.js';
import type { ConsoleDeps } from '../deps.js';
import { errorMap, field, formBody, invalidFields, lines } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { assertOwnPartner, getViewer, requireCapability } from '../http/viewer.js';
import { PartnerPage, PartnersPage, type PartnerFormValues } from '../pages/partner-page.js';

const MODES = ['post', 'first-time', 'pre'] as const;

async function loadOwnPartner(ctx: Context): Promise<Partner> {
  const viewer = getViewer(ctx);
  const id = String(ctx.params.id);
  assertOwnPartner(viewer, id);
  const doc = await findPartner(id);
  if (!doc) throw new NotFound('ce partenaire');
  const partner = toPartner(doc);
  // Older records may lack these lists: read them as empty.
  return {
    ...partner,
    contacts: partner.contacts ?? [],
    allowedOrigins: partner.allowedOrigins ?? [],
    moderation: partner.moderation ?? { mode: 'post' },
  };
}

function valuesOf(p: Partner): PartnerFormValues {
  const contact = p.contacts[0];
  return {
    website: p.website ?? '',
    allowedOrigins: p.allowedOrigins.join('\n'),
    moderation: p.moderation.mode,
    contactEmail: contact?.email ?? '',
    contactPhone: contact?.phone ?? '',
  };
}

function list(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    if (viewer.partnerId) return ctx.redirect(`/console/partenaires/${viewer.partnerId}`);
    const partners = (await listPartners()).map(toPartner).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    await renderScreen(ctx, deps, 'partner', PartnersPage, { partners });
  };
}

function show(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const partner = await loadOwnPartner(ctx);
    await renderScreen(ctx, deps, 'partner', PartnerPage, {
      partner,
      values: valuesOf(partner),
      canEdit: can(getViewer(ctx).role, 'partner.write'),
      publicUrl: deps.config.publicUrl,
    });
  };
}

function save(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const partner = await loadOwnPartner(ctx);
    const body = formBody(ctx);
    const values: PartnerFormValues = {
      website: field(body, 'website'),
      allowedOrigins: typeof body.allowedOrigins === 'string' ? body.allowedOrigins : '',
      moderation: field(body, 'moderation'),
      contactEmail: field(body, 'contactEmail'),
      contactPhone: field(body, 'contactPhone'),
    };
    const errors: Record<string, string> = {};
    if (!(MODES as readonly string[]).includes(values.moderation))
      errors.moderation = 'Choisissez un mode de modération';
    const rest = partner.contacts.slice(1);
    const patch = {
      ...(values.website ? { website: values.website } : {}),
      allowedOrigins: lines(values.allowedOrigins),
      moderation: { mode: values.moderation },
      contacts: values.contactEmail
        ? [
            {
              ...partner.contacts[0],
              email: values.contactEmail,
              ...(values.contactPhone ? { phone: values.contactPhone } : {}),
            },
            ...rest,
          ]
        : rest,
    };
    const again = (errs: Record<string, string>) =>
      renderScreen(
        ctx,
        deps,
        'partner',
        PartnerPage,
        { partner, values, errors: errs, canEdit: true, publicUrl: deps.config.publicUrl },
        400,
      );
    if (Object.keys(errors).length) return again(errors);
    try {
      await editPartner(getViewer(ctx).principal, partner.id, patch);
    } catch (err) {
      const fields = invalidFields(err);
      if (!fields) throw err;
      return again(errorMap(fields, renameField));
    }
    await deps.partnersChanged();
    await redirectWithFlash(ctx, `/console/partenaires/${partner.id}`, {
      kind: 'success',
      message: 'Les informations du partenaire sont enregistrées.',
    });
  };
}

/** Schema paths of the patch to the form's fields. */
function renameField(path: string): string {
  if (path.startsWith('allowedOrigins')) return 'allowedOrigins';
  if (path.startsWith('contacts')) return path.endsWith('phone') ? 'contactPhone' : 'contactEmail';
  if (path.startsWith('moderation')) return 'moderation';
  return path.split('.')[0] ?? path;
}

export function addPartnerScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  const may = requireCapability('partner');
  addPage(
    group,
    '/console/partenaires',
    'Les partenaires (administrateurs de la plateforme)',
    undefined,
    agent,
    may,
    list(deps),
  );
  addPage(
    group,
    '/console/partenaires/:id',
    'Un partenaire : informations, widgets et flux',
    undefined,
    agent,
    may,
    show(deps),
  );
  addAction(
    group,
    '/console/partenaires/:id',
    'Modifier le partenaire',
    agent,
    requireCapability('partner.write'),
    audited({ action: 'partner.update', target: 'partner', snapshot: snapshotPartner }),
    save(deps),
  );
}
