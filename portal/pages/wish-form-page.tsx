/**
 * /souhaits/proposer: « Proposer un contenu » without an account. Works without
 * JavaScript; the portal's wish script (client/wish-suggest.ts) only adds suggestions of
 * existing pages and open wishes while the title is typed, never blocking the form.
 */
import {
  applyFrenchTypography,
  Button,
  ErrorSummary,
  Notice,
  SelectField,
  TextareaField,
  TextField,
  type FieldErrorEntry,
} from '../../hub/ui/index.js';
import { Honeypot } from '../components/honeypot.js';
import { PortalLayout } from '../layout.js';
import { AUDIENCE_CHOICES, listCommuneChoices, wishPath } from '../view/wishes.js';

export interface WishFormValues {
  titre?: string;
  description?: string;
  public?: string;
  commune?: string;
  email?: string;
}

export interface WishFormPageProps {
  values: WishFormValues;
  formToken?: string;
  campaign?: string;
  errors?: FieldErrorEntry[];
  /** The script that suggests while typing (its hashed address). */
  script: string;
  /** After sending: the wish's id when it is already public, and whether a confirmation mail left. */
  thanks?: { publishedId?: string; followUp: boolean };
}

export const PRIVACY_SENTENCE =
  'Votre adresse ne sert qu’à vous écrire au sujet de ce souhait : elle n’est jamais publiée ni transmise. Un premier message vous demande de la confirmer ; chaque message contient un lien pour arrêter le suivi, qui l’efface. Elle est effacée au plus tard 90 jours après la réponse au souhait.';

export function WishFormPage(props: WishFormPageProps) {
  const errors = props.errors ?? [];
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const title = props.thanks ? 'Merci pour votre proposition' : 'Proposer un contenu';
  return (
    <PortalLayout
      title={`${errors.length ? 'Erreur : ' : ''}${title}`}
      breadcrumbs={[
        { label: 'Accueil', href: '/' },
        { label: 'Souhaits', href: '/souhaits' },
        { label: 'Proposer un contenu' },
      ]}
      lede={
        props.thanks
          ? undefined
          : applyFrenchTypography(
              'Une information, une démarche, une page qui manque ? Dites-le aux services publics : votre proposition sera publiée (après relecture), d’autres habitants pourront la soutenir et les partenaires y répondront publiquement.',
            )
      }
      meta={{
        canonicalPath: '/souhaits/proposer',
        description: 'Proposez un contenu qui manque sur le portail des services publics de Nouvelle-Calédonie.',
        ...(props.thanks || errors.length ? { noindex: true } : {}),
      }}
      scripts={props.thanks ? [] : [props.script]}
    >
      {props.thanks ? <Thanks {...props.thanks} /> : <WishForm {...props} errors={errors} errorOf={errorOf} />}
    </PortalLayout>
  );
}

function Thanks({ publishedId, followUp }: { publishedId?: string; followUp: boolean }) {
  return (
    <>
      <Notice kind="success" title="Votre souhait est enregistré.">
        {publishedId ? (
          <a href={wishPath(publishedId)}>Voir votre souhait</a>
        ) : (
          applyFrenchTypography(
            'Il sera publié après relecture par l’équipe du portail, en général sous deux jours ouvrés.',
          )
        )}
      </Notice>
      {followUp && (
        <Notice kind="info" title="Confirmez votre adresse e-mail.">
          {applyFrenchTypography(
            'Nous venons de vous écrire : ouvrez le lien du message pour recevoir les nouvelles de ce souhait. Sans confirmation, votre adresse est effacée dans 7 jours.',
          )}
        </Notice>
      )}
      <p>
        <a href="/souhaits">{applyFrenchTypography('Voir tous les souhaits')}</a>
      </p>
    </>
  );
}

function WishForm(
  props: WishFormPageProps & { errors: FieldErrorEntry[]; errorOf: (field: string) => string | undefined },
) {
  const { values, errorOf } = props;
  return (
    <form method="post" action="/souhaits/proposer" class="pl-form" novalidate data-suggest="/api/v1/wishes/similar">
      <ErrorSummary errors={props.errors} />
      <input type="hidden" name="formToken" value={props.formToken ?? ''} />
      {props.campaign && <input type="hidden" name="campagne" value={props.campaign} />}
      <TextField
        name="titre"
        label="Ce qui manque, en une ligne"
        hint="Par exemple : « Les horaires des déchetteries de Dumbéa ». De 5 à 140 caractères."
        value={values.titre}
        error={errorOf('titre')}
        required
        autocomplete="off"
      />
      <div id="suggestions" class="pl-wish-suggestions" aria-live="polite" hidden />
      <TextareaField
        name="description"
        label="Votre besoin"
        hint="Pourquoi, pour qui, dans quelle situation. N’indiquez pas de données personnelles : ce texte sera public. 2 000 caractères au plus."
        value={values.description}
        error={errorOf('description')}
        required
        maxLength={2000}
      />
      <SelectField
        name="public"
        label="Pour qui (facultatif)"
        placeholder="Tout le monde"
        options={AUDIENCE_CHOICES}
        value={values.public}
        error={errorOf('public')}
      />
      <SelectField
        name="commune"
        label="Commune concernée (facultatif)"
        placeholder="Toute la Nouvelle-Calédonie"
        options={listCommuneChoices()}
        value={values.commune}
        error={errorOf('commune')}
      />
      <TextField
        name="email"
        type="email"
        label="Votre adresse e-mail, pour suivre la réponse (facultatif)"
        hint={PRIVACY_SENTENCE}
        value={values.email}
        error={errorOf('email')}
        autocomplete="email"
        spellcheck={false}
      />
      <Honeypot />
      <Button type="submit">Envoyer ma proposition</Button>
      <p class="pl-form__note">
        <a href="/donnees-personnelles">{applyFrenchTypography('Vos données personnelles')}</a>
      </p>
    </form>
  );
}
