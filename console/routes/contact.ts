/**
 * Coordonnées (issue 14): a partner's office as data — address, phone, e-mail, opening hours
 * in the OpenStreetMap syntax read by its library (a French message says what is wrong), a
 * preview « ouvert maintenant » in Nouméa's time and the map link the portal will show.
 */
import type { Context, Middleware } from 'koa';
import { audited } from '../../hub/audit/index.js';
import { NotFound } from '../../hub/domain-errors.js';
import type { RouteGroup } from '../../hub/http/index.js';
import {
  buildMapUrl,
  checkOpeningHours,
  describeOpeningWeek,
  editPartner,
  evaluateOpeningHours,
  findPartner,
  snapshotPartner,
} from '../../hub/partners/index.js';
import type { Office } from '../../schemas/index.js';
import { can } from '../access.js';
import type { ConsoleDeps } from '../deps.js';
import { errorMap, field, formBody, invalidFields } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { assertOwnPartner, getViewer, requireCapability } from '../http/viewer.js';
import { CONTACT_FIELDS, ContactPage, type ContactPreview, type ContactValues } from '../pages/contact-page.js';

async function loadPartner(ctx: Context) {
  const id = String(ctx.params.id);
  assertOwnPartner(getViewer(ctx), id);
  const doc = await findPartner(id);
  if (!doc) throw new NotFound('ce partenaire');
  return doc;
}

function valuesOf(office: Office | undefined): ContactValues {
  const values = {} as ContactValues;
  for (const name of CONTACT_FIELDS) values[name] = office?.[name] === undefined ? '' : String(office[name]);
  if (office?.address) values.address = office.address;
  return values;
}

/** The form as an office: empty fields left out, the geo point (not in the form) kept. */
function toOffice(values: ContactValues, before: Office | undefined): Office {
  const office: Record<string, unknown> = before?.geo ? { geo: before.geo } : {};
  for (const name of CONTACT_FIELDS) {
    const value = name === 'address' ? values.address.replace(/\r\n/g, '\n').trim() : values[name];
    if (value) office[name] = value;
  }
  return office as Office;
}

/** What the portal will show: open or closed now, the week, the map link (hours unread: no claim). */
function previewOf(office: Office, partnerName: string, now = new Date()): ContactPreview {
  const hours = office.openingHours && !checkOpeningHours(office.openingHours) ? office.openingHours : undefined;
  const mapUrl = buildMapUrl(office, partnerName);
  return {
    ...(hours ? { state: evaluateOpeningHours(hours, now), week: describeOpeningWeek(hours, now) } : { week: [] }),
    ...(mapUrl ? { mapUrl } : {}),
  };
}

function show(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const doc = await loadPartner(ctx);
    await renderScreen(ctx, deps, 'partner', ContactPage, {
      partner: { id: doc._id, name: doc.name },
      values: valuesOf(doc.office),
      canEdit: can(getViewer(ctx).role, 'partner.write'),
      preview: previewOf(doc.office ?? {}, doc.name),
    });
  };
}

function save(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const doc = await loadPartner(ctx);
    const body = formBody(ctx);
    const values = {} as ContactValues;
    for (const name of CONTACT_FIELDS)
      values[name] = name === 'address' && typeof body.address === 'string' ? body.address : field(body, name);
    const office = toOffice(values, doc.office);
    try {
      await editPartner(getViewer(ctx).principal, doc._id, { office });
    } catch (err) {
      const fields = invalidFields(err);
      if (!fields) throw err;
      return renderScreen(
        ctx,
        deps,
        'partner',
        ContactPage,
        {
          partner: { id: doc._id, name: doc.name },
          values,
          errors: errorMap(fields, (path) => path.replace(/^office[./]/, '').split(/[./]/)[0] ?? path),
          canEdit: true,
          preview: previewOf(doc.office ?? {}, doc.name),
        },
        400,
      );
    }
    await deps.partnersChanged();
    await redirectWithFlash(ctx, `/console/partenaires/${doc._id}/coordonnees`, {
      kind: 'success',
      message: 'Les coordonnées sont enregistrées : le portail les montre dès maintenant.',
    });
  };
}

export function addContactScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  addPage(
    group,
    '/console/partenaires/:id/coordonnees',
    "Les coordonnées d'un partenaire (« Qui peut m'aider ? »)",
    undefined,
    agent,
    requireCapability('partner'),
    show(deps),
  );
  addAction(
    group,
    '/console/partenaires/:id/coordonnees',
    "Modifier les coordonnées d'un partenaire",
    agent,
    requireCapability('partner.write'),
    audited({ action: 'partner.update', target: 'partner', snapshot: snapshotPartner }),
    save(deps),
  );
}
