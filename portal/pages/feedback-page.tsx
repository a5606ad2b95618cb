/** /articles/:id/avis: the page feedback form (a token of its own, honeypot), and its thanks. */
import {
  Button,
  CheckboxField,
  ErrorSummary,
  Notice,
  RadiosField,
  TextareaField,
  applyFrenchTypography,
  type FieldErrorEntry,
} from '../../hub/ui/index.js';
import { Honeypot } from '../components/honeypot.js';
import { PortalLayout } from '../layout.js';

export const FEEDBACK_REASONS: [string, string][] = [
  ['pas-clair', 'Ce n’est pas clair'],
  ['incomplet', 'L’information est incomplète'],
  ['obsolete', 'L’information est obsolète ou erronée'],
  ['hors-situation', 'Cela ne correspond pas à ma situation'],
  ['lien-casse', 'Un lien ne fonctionne pas'],
];

export interface FeedbackPageProps {
  itemId: string;
  itemTitle: string;
  formToken?: string;
  thanks?: boolean;
  useful?: 'oui' | 'non';
  reasons?: string[];
  text?: string;
  errors?: FieldErrorEntry[];
}

export function FeedbackPage(props: FeedbackPageProps) {
  const itemPath = `/articles/${encodeURIComponent(props.itemId)}`;
  const errors = props.errors ?? [];
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const title = `${errors.length ? 'Erreur : ' : ''}Votre avis sur « ${props.itemTitle} »`;
  return (
    <PortalLayout
      title={applyFrenchTypography(title)}
      breadcrumbs={[
        { label: 'Accueil', href: '/' },
        { label: props.itemTitle, href: itemPath },
        { label: 'Votre avis' },
      ]}
      meta={{ canonicalPath: `${itemPath}/avis`, description: 'Dites si cette page vous a été utile.', noindex: true }}
    >
      {props.thanks ? (
        <>
          <Notice kind="success" title="Merci pour votre réponse.">
            {applyFrenchTypography(
              'Elle aide les services publics à améliorer leurs pages. Vous pouvez la changer à tout moment.',
            )}
          </Notice>
          <p>
            <a href={itemPath}>{applyFrenchTypography(`Revenir à « ${props.itemTitle} »`)}</a>
          </p>
        </>
      ) : (
        <form method="post" action={`${itemPath}/avis`} class="pl-form" novalidate>
          <ErrorSummary errors={errors} />
          <input type="hidden" name="formToken" value={props.formToken ?? ''} />
          <RadiosField
            name="utile"
            label="Cette page vous a-t-elle été utile ?"
            inline
            value={props.useful}
            error={errorOf('utile')}
            options={[
              { value: 'oui', label: 'Oui' },
              { value: 'non', label: 'Non' },
            ]}
          />
          <fieldset class="pl-fieldset">
            <legend class="pl-legend">{applyFrenchTypography('Si non : qu’est-ce qui n’allait pas ?')}</legend>
            {FEEDBACK_REASONS.map(([value, label], i) => (
              <CheckboxField
                key={value}
                name="raisons"
                id={i === 0 ? 'raisons' : `raisons-${value}`}
                value={value}
                label={label}
                checked={props.reasons?.includes(value)}
              />
            ))}
          </fieldset>
          <TextareaField
            name="texte"
            label="Précisez (facultatif, 500 caractères au plus)"
            hint="N’indiquez pas de données personnelles (nom, adresse, numéro de dossier…) : ce texte est lu par les agents."
            value={props.text}
            error={errorOf('texte')}
            maxLength={500}
          />
          <Honeypot />
          <Button type="submit">Envoyer mon avis</Button>
        </form>
      )}
    </PortalLayout>
  );
}
