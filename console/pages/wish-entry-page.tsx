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
import { bindFields, errorEntries, type FieldErrors } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
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
  errors?: FieldErrors;
}

const FIELDS = ['network', 'postUrl', 'title', 'body', 'commune', 'campaign'];

export function WishEntryPage({ chrome, values = {}, errors = {} }: WishEntryPageProps) {
  const summary = errorEntries(errors, FIELDS);
  const field = bindFields(values, errors);
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
      <PostForm action="/console/souhaits/nouveau" csrf={chrome.csrf}>
        <SelectField
          name="network"
          label="Réseau social"
          placeholder="Choisir le réseau"
          options={Object.entries(SOCIAL_NETWORK_LABELS).map(([value, label]) => ({ value, label }))}
          value={values.network}
          error={errors.network}
        />
        <TextField
          {...field('postUrl')}
          label="Lien vers la publication ou le commentaire"
          hint="Commence par https://"
          type="url"
        />
        <TextField
          {...field('title')}
          label="Titre du souhait"
          hint="De 5 à 140 caractères, dans les mots du citoyen."
        />
        <TextareaField
          {...field('body')}
          label="Description"
          hint="De 10 à 2 000 caractères. Ne recopiez ni nom ni coordonnées du citoyen."
          rows={5}
        />
        <TextField
          {...field('commune')}
          label="Commune concernée (facultatif)"
          hint="Code INSEE : 988 suivi de deux chiffres, par exemple 98818 pour Nouméa."
        />
        <TextField
          {...field('campaign')}
          label="Campagne (facultatif)"
          hint="Le nom court de la publication qui a suscité le souhait, par exemple « rentree-2027 »."
        />
        <Button>Publier le souhait</Button>
      </PostForm>
    </ConsoleLayout>
  );
}
