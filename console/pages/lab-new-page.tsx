/** Opening a lab: title, the lead partner and the other concerned partners, type, due date. */
import {
  applyFrenchTypography,
  Button,
  ErrorSummary,
  SelectField,
  TextField,
  type Choice,
} from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { ConsoleLayout } from '../layout.js';

export interface LabNewValues {
  title: string;
  lead: string;
  others: string[];
  dueDate: string;
}

export interface LabNewPageProps {
  chrome: Chrome;
  partners: Choice[];
  /** Agents of a partner lead for it; a platform admin chooses. */
  leadChoices: Choice[];
  values: LabNewValues;
  errors: Record<string, string>;
}

export function LabNewPage({ chrome, partners, leadChoices, values, errors }: LabNewPageProps) {
  const list = Object.entries(errors).map(([field, message]) => ({ field, message }));
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Ouvrir un atelier"
      refused={list.length > 0}
      breadcrumbs={[{ label: 'Ateliers', href: '/console/ateliers' }, { label: 'Ouvrir un atelier' }]}
    >
      {list.length > 0 && <ErrorSummary errors={list} />}
      <form method="post" action="/console/ateliers/nouveau" class="pl-form" novalidate>
        <CsrfField token={chrome.csrf} />
        <TextField
          name="title"
          label="Titre"
          hint="Ce que le contenu explique : « Inscrire son enfant à l’école »."
          value={values.title}
          error={errors.title}
        />
        <SelectField
          name="lead"
          label="Partenaire pilote"
          options={leadChoices}
          value={values.lead}
          error={errors.lead}
        />
        <fieldset class="pl-fieldset" id="others" aria-describedby={errors.others ? 'others-error' : undefined}>
          <legend>{applyFrenchTypography('Autres partenaires concernés (un au moins)')}</legend>
          {errors.others && (
            <p class="pl-field__error" id="others-error">
              <span class="pl-visually-hidden">Erreur : </span>
              {applyFrenchTypography(errors.others)}
            </p>
          )}
          <ul class="pl-lab-partners">
            {partners.map((p) => (
              <li key={p.value}>
                <input
                  type="checkbox"
                  name="others[]"
                  id={`p-${p.value}`}
                  value={p.value}
                  checked={values.others.includes(p.value)}
                />{' '}
                <label for={`p-${p.value}`}>{p.label}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <TextField
          name="dueDate"
          label="Échéance (facultative)"
          hint="Au format AAAA-MM-JJ, par exemple 2027-01-15."
          value={values.dueDate}
          error={errors.dueDate}
        />
        <Button>Ouvrir l’atelier</Button>
      </form>
    </ConsoleLayout>
  );
}
