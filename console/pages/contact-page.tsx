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
import { bindFields, errorEntries, type FieldErrors } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
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
  errors?: FieldErrors;
  canEdit: boolean;
  preview: ContactPreview;
}

export function ContactPage({ chrome, partner, values, errors = {}, canEdit, preview }: ContactPageProps) {
  const summary = errorEntries(errors);
  const field = bindFields(values, errors);
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
      <PostForm action={path} csrf={chrome.csrf}>
        <fieldset class="pl-fieldset" disabled={!canEdit}>
          <legend>Accueil du public</legend>
          <TextField {...field('name')} label="Nom du lieu" hint="« Mairie de Koumac »." />
          <TextareaField {...field('address')} label="Adresse" hint="Une ligne par ligne, sans la commune." rows={2} />
          <TextField {...field('postalCode')} label="Code postal" width={5} inputMode="numeric" />
          <TextField {...field('city')} label="Commune" />
          <TextField {...field('postalAddress')} label="Adresse postale (facultatif)" hint="« BP 12, 98850 Koumac »." />
          <TextField
            {...field('phone')}
            type="tel"
            label="Téléphone"
            hint="« 47 61 00 » ou « +687 47 61 00 »."
            autocomplete="off"
          />
          <TextField {...field('email')} type="email" label="Courriel" autocomplete="off" spellcheck={false} />
          <TextField
            {...field('openingHours')}
            label="Horaires d'ouverture"
            hint="Syntaxe OpenStreetMap, heure de Nouméa : « Mo-Fr 07:30-11:30,12:15-16:00; Sa 08:00-11:00 »."
            spellcheck={false}
          />
          <TextField
            {...field('hoursNote')}
            label="Note sur les horaires (facultatif)"
            hint="« Fermé les jours fériés »."
          />
          <TextField
            {...field('mapUrl')}
            type="url"
            label="Lien vers une carte (facultatif)"
            hint="Sinon le portail en fait un à partir de l'adresse."
            spellcheck={false}
          />
        </fieldset>
        {canEdit && <Button>Enregistrer les coordonnées</Button>}
      </PostForm>
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
