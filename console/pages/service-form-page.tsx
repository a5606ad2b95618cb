/** One online service: the form to add it or to change it (a fiche's service: only what the fiche does not say). */
import {
  Breadcrumbs,
  Button,
  CheckboxField,
  ErrorSummary,
  SelectField,
  TextareaField,
  TextField,
  applyFrenchTypography,
} from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { bindFields, errorEntries, type FieldErrors } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import { ConsoleLayout } from '../layout.js';
import { SERVICES_PATH } from './services-page.js';

export interface ServiceFormValues {
  partnerId: string;
  name: string;
  url: string;
  description: string;
  keywords: string;
  cost: string;
  duration: string;
  accountRequired: boolean;
}

export interface ServiceFormPageProps {
  chrome: Chrome;
  values: ServiceFormValues;
  errors?: FieldErrors;
  /** Absent for a new service. */
  serviceId?: string;
  /** Fields a fiche or a source holds: shown, not editable. */
  locked?: readonly string[];
  /** Partners a platform admin may choose for a new service. */
  partners?: { id: string; name: string }[];
}

export function ServiceFormPage({
  chrome,
  values,
  errors = {},
  serviceId,
  locked = [],
  partners,
}: ServiceFormPageProps) {
  const summary = errorEntries(errors);
  const field = bindFields(values, errors);
  const title = serviceId ? `Modifier « ${values.name} »` : 'Ajouter une démarche en ligne';
  const open = (name: string) => !locked.includes(name);
  return (
    <ConsoleLayout
      chrome={chrome}
      title={title}
      refused={summary.length > 0}
      breadcrumbs={<Breadcrumbs items={[{ label: 'Démarches en ligne', href: SERVICES_PATH }, { label: title }]} />}
      {...(locked.length
        ? {
            lede: applyFrenchTypography(
              'Cette démarche vient des fiches DILA : leur nom et leur adresse suivent la fiche, vous pouvez compléter le reste.',
            ),
          }
        : {})}
    >
      <ErrorSummary errors={summary} />
      <PostForm action={serviceId ? `${SERVICES_PATH}/${serviceId}` : SERVICES_PATH} csrf={chrome.csrf}>
        {partners ? (
          <SelectField
            name="partnerId"
            label="Partenaire"
            options={partners.map((p) => ({ value: p.id, label: p.name }))}
            value={values.partnerId}
            placeholder="Choisissez un partenaire"
            error={errors.partnerId}
          />
        ) : (
          <input type="hidden" name="partnerId" value={values.partnerId} />
        )}
        {open('name') && <TextField {...field('name')} label="Nom de la démarche" required />}
        {open('url') && (
          <TextField
            {...field('url')}
            type="url"
            label="Adresse de la démarche"
            hint="Une adresse publique en https:// (les adresses privées ou locales sont refusées)."
            required
            spellcheck={false}
          />
        )}
        <TextareaField
          {...field('description')}
          label="Ce que la démarche permet de faire (facultatif)"
          rows={3}
          maxLength={1000}
        />
        <TextareaField
          {...field('keywords')}
          label="Mots des citoyens (facultatif)"
          hint="Un par ligne : ils servent à la recherche et ne sont pas affichés."
          rows={3}
        />
        <TextField {...field('cost')} label="Coût (facultatif)" hint="« Gratuit », « 3 000 F CFP »." />
        <TextField {...field('duration')} label="Durée habituelle (facultatif)" hint="« 10 minutes », « 15 jours »." />
        <CheckboxField
          name="accountRequired"
          value="oui"
          label="Un compte chez le partenaire est nécessaire"
          checked={values.accountRequired}
        />
        <Button>{serviceId ? 'Enregistrer' : 'Ajouter la démarche'}</Button>
      </PostForm>
    </ConsoleLayout>
  );
}
