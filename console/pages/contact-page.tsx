/** Coordonnées: where and when a partner receives the public, as the portal's « Qui peut m'aider ? » shows it. */
import type { OpeningDay, OpeningState } from '../../hub/partners/index.js';
import {
  applyFrenchTypography,
  Breadcrumbs,
  Button,
  ErrorSummary,
  formatDateTime,
  Notice,
  TextareaField,
  TextField,
} from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { ConsoleLayout } from '../layout.js';

export const CONTACT_FIELDS = [
  'name',
  'address',
  'postalCode',
  'city',
  'postalAddress',
  'phone',
  'email',
  'openingHours',
  'hoursNote',
  'mapUrl',
] as const;
export type ContactValues = Record<(typeof CONTACT_FIELDS)[number], string>;

export interface ContactPreview {
  state?: OpeningState;
  week: OpeningDay[];
  mapUrl?: string;
}

export interface ContactPageProps {
  chrome: Chrome;
  partner: { id: string; name: string };
  values: ContactValues;
  errors?: Record<string, string>;
  canEdit: boolean;
  preview: ContactPreview;
}

export function ContactPage({ chrome, partner, values, errors = {}, canEdit, preview }: ContactPageProps) {
  const summary = Object.entries(errors).map(([field, message]) => ({ field, message }));
  const path = `/console/partenaires/${partner.id}/coordonnees`;
  return (
    <ConsoleLayout
      chrome={chrome}
      title={`Coordonnées de ${partner.name}`}
      refused={summary.length > 0}
      breadcrumbs={
        <Breadcrumbs
          items={[{ label: partner.name, href: `/console/partenaires/${partner.id}` }, { label: 'Coordonnées' }]}
        />
      }
      lede={applyFrenchTypography(
        "Ce que le portail montre dans « Qui peut m'aider ? » : l'adresse, le téléphone, le courriel et les horaires d'accueil.",
      )}
    >
      <ErrorSummary errors={summary} />
      <Preview preview={preview} />
      <form method="post" action={path} class="pl-form" novalidate>
        <CsrfField token={chrome.csrf} />
        <fieldset class="pl-fieldset" disabled={!canEdit}>
          <legend>Accueil du public</legend>
          <TextField
            name="name"
            label="Nom du lieu"
            hint="« Mairie de Koumac »."
            value={values.name}
            error={errors.name}
          />
          <TextareaField
            name="address"
            label="Adresse"
            hint="Une ligne par ligne, sans la commune."
            value={values.address}
            error={errors.address}
            rows={2}
          />
          <TextField
            name="postalCode"
            label="Code postal"
            value={values.postalCode}
            error={errors.postalCode}
            width={5}
            inputMode="numeric"
          />
          <TextField name="city" label="Commune" value={values.city} error={errors.city} />
          <TextField
            name="postalAddress"
            label="Adresse postale (facultatif)"
            hint="« BP 12, 98850 Koumac »."
            value={values.postalAddress}
            error={errors.postalAddress}
          />
          <TextField
            name="phone"
            type="tel"
            label="Téléphone"
            hint="« 47 61 00 » ou « +687 47 61 00 »."
            value={values.phone}
            error={errors.phone}
            autocomplete="off"
          />
          <TextField
            name="email"
            type="email"
            label="Courriel"
            value={values.email}
            error={errors.email}
            autocomplete="off"
            spellcheck={false}
          />
          <TextField
            name="openingHours"
            label="Horaires d'ouverture"
            hint="Syntaxe OpenStreetMap, heure de Nouméa : « Mo-Fr 07:30-11:30,12:15-16:00; Sa 08:00-11:00 »."
            value={values.openingHours}
            error={errors.openingHours}
            spellcheck={false}
          />
          <TextField
            name="hoursNote"
            label="Note sur les horaires (facultatif)"
            hint="« Fermé les jours fériés »."
            value={values.hoursNote}
            error={errors.hoursNote}
          />
          <TextField
            name="mapUrl"
            type="url"
            label="Lien vers une carte (facultatif)"
            hint="Sinon le portail en fait un à partir de l'adresse."
            value={values.mapUrl}
            error={errors.mapUrl}
            spellcheck={false}
          />
        </fieldset>
        {canEdit && <Button>Enregistrer les coordonnées</Button>}
      </form>
    </ConsoleLayout>
  );
}

function Preview({ preview }: { preview: ContactPreview }) {
  const { state, week, mapUrl } = preview;
  return (
    <section class="pl-section" aria-labelledby="apercu-titre">
      <h2 id="apercu-titre">Aperçu</h2>
      {state ? (
        <Notice kind={state.open ? 'success' : 'info'}>
          {applyFrenchTypography(
            `${state.unknown ? 'Sur rendez-vous ou selon la note' : state.open ? 'Ouvert maintenant' : 'Fermé maintenant'}${
              state.nextChange ? ` (${state.open ? 'ferme' : 'ouvre'} le ${formatDateTime(state.nextChange)})` : ''
            }, heure de Nouméa.`,
          )}
        </Notice>
      ) : (
        <p>Aucun horaire enregistré.</p>
      )}
      {week.length > 0 && (
        <ul class="pl-inline-list" aria-label="Horaires de la semaine">
          {week.map((d) => (
            <li key={d.day}>
              {applyFrenchTypography(
                `${d.day} : ${d.intervals.length ? d.intervals.map((i) => `${i.from}–${i.to}`).join(', ') : 'fermé'}`,
              )}
            </li>
          ))}
        </ul>
      )}
      {mapUrl && (
        <p>
          <a href={mapUrl}>Voir sur la carte</a>
        </p>
      )}
    </section>
  );
}
