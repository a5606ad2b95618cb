/** « Saisir un souhait »: a wish collected in a social-network comment, entered on the citizen's behalf. */
import {
  applyFrenchTypography,
  Breadcrumbs,
  Button,
  ErrorSummary,
  SelectField,
  TextareaField,
  TextField,
} from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { SOCIAL_NETWORK_LABELS } from '../labels.js';
import { ConsoleLayout } from '../layout.js';

export interface WishEntryValues {
  title?: string;
  body?: string;
  network?: string;
  postUrl?: string;
  commune?: string;
  campaign?: string;
}

export interface WishEntryPageProps {
  chrome: Chrome;
  values?: WishEntryValues;
  errors?: Record<string, string>;
}

const FIELDS = ['network', 'postUrl', 'title', 'body', 'commune', 'campaign'];

export function WishEntryPage({ chrome, values = {}, errors = {} }: WishEntryPageProps) {
  const summary = FIELDS.filter((f) => errors[f]).map((f) => ({ field: f, message: errors[f] ?? '' }));
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Saisir un souhait"
      refused={summary.length > 0}
      breadcrumbs={<Breadcrumbs items={[{ label: 'Souhaits', href: '/console/souhaits' }, { label: 'Saisir' }]} />}
      lede={applyFrenchTypography(
        'Un citoyen a exprimé un souhait en commentaire d’une publication de votre partenaire : saisissez-le pour lui. Il est publié aussitôt, signé de votre nom, avec le lien vers la publication.',
      )}
    >
      <ErrorSummary errors={summary} />
      <form method="post" action="/console/souhaits/nouveau" class="pl-form" novalidate>
        <CsrfField token={chrome.csrf} />
        <SelectField
          name="network"
          label="Réseau social"
          placeholder="Choisir le réseau"
          options={Object.entries(SOCIAL_NETWORK_LABELS).map(([value, label]) => ({ value, label }))}
          value={values.network}
          error={errors.network}
        />
        <TextField
          name="postUrl"
          label="Lien vers la publication ou le commentaire"
          hint="Commence par https://"
          type="url"
          value={values.postUrl}
          error={errors.postUrl}
        />
        <TextField
          name="title"
          label="Titre du souhait"
          hint="De 5 à 140 caractères, dans les mots du citoyen."
          value={values.title}
          error={errors.title}
        />
        <TextareaField
          name="body"
          label="Description"
          hint="De 10 à 2 000 caractères. Ne recopiez ni nom ni coordonnées du citoyen."
          rows={5}
          value={values.body}
          error={errors.body}
        />
        <TextField
          name="commune"
          label="Commune concernée (facultatif)"
          hint="Code INSEE : 988 suivi de deux chiffres, par exemple 98818 pour Nouméa."
          value={values.commune}
          error={errors.commune}
        />
        <TextField
          name="campaign"
          label="Campagne (facultatif)"
          hint="Le nom court de la publication qui a suscité le souhait, par exemple « rentree-2027 »."
          value={values.campaign}
          error={errors.campaign}
        />
        <Button>Publier le souhait</Button>
      </form>
    </ConsoleLayout>
  );
}
