/**
 * One wish as agents see it: its text, origin and campaign, its public history, and the
 * forms the agent's role allows — moderate it, take a step (assign partners, answer,
 * accept, publish with the answering item, refuse, mark as duplicate).
 */
import type { AdminWish } from '../../hub/voice/index.js';
import {
  applyFrenchTypography,
  Breadcrumbs,
  Button,
  ErrorSummary,
  formatDateTime,
  SelectField,
  SummaryList,
  Table,
  Tag,
  TextareaField,
  TextField,
  type Choice,
} from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { bindFields, errorEntries, type FieldErrors } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import { SOCIAL_NETWORK_LABELS, WISH_MODERATION_LABELS, WISH_STATUS_LABELS } from '../labels.js';
import { ConsoleLayout } from '../layout.js';
import { WishModerationForm } from './wishes-page.js';

export interface WishStepValues {
  status?: string;
  answer?: string;
  partnerIds?: string[];
  duplicateOf?: string;
  itemId?: string;
}

export interface WishPageProps {
  chrome: Chrome;
  wish: AdminWish;
  /** Statuses the wish may go to; empty when closed or not the agent's to answer. */
  next: string[];
  partners: Choice[];
  moderates: boolean;
  values?: WishStepValues;
  /** Field → French message of a refused step (the API's own words). */
  errors?: FieldErrors;
}

const PATH = '/console/souhaits';

function Origin({ wish }: { wish: AdminWish }) {
  if (wish.origin.kind === 'search') return <>Une recherche sans réponse, par un agent</>;
  if (wish.origin.kind !== 'agent') return <>Formulaire du portail ou d’un site partenaire</>;
  const network = SOCIAL_NETWORK_LABELS[wish.origin.network ?? ''] ?? wish.origin.network ?? '';
  return (
    <>
      Saisi par un agent depuis {network}
      {wish.origin.postUrl && (
        <>
          {' '}
          (
          <a href={wish.origin.postUrl} rel="noopener noreferrer">
            la publication
          </a>
          )
        </>
      )}
    </>
  );
}

function facts(wish: AdminWish) {
  return [
    { label: 'Statut', value: <Tag>{WISH_STATUS_LABELS[wish.status] ?? wish.status}</Tag> },
    { label: 'Modération', value: WISH_MODERATION_LABELS[wish.moderation] ?? wish.moderation },
    { label: 'Soutiens', value: String(wish.supports) },
    { label: 'Confié à', value: wish.partners.map((p) => p.name).join(', ') || 'Personne pour l’instant' },
    { label: 'Origine', value: <Origin wish={wish} /> },
    ...(wish.campaign ? [{ label: 'Campagne', value: wish.campaign }] : []),
    ...(wish.communeName || wish.commune ? [{ label: 'Commune', value: wish.communeName ?? wish.commune }] : []),
    ...(wish.audience ? [{ label: 'Public', value: wish.audience }] : []),
    ...(wish.answer ? [{ label: 'Réponse publique', value: wish.answer }] : []),
    ...(wish.duplicateOf
      ? [{ label: 'Doublon de', value: <a href={`${PATH}/${wish.duplicateOf}`}>l’autre souhait</a> }]
      : []),
    ...(wish.itemId
      ? [{ label: 'Contenu qui répond', value: <a href={`/articles/${wish.itemId}`}>le contenu</a> }]
      : []),
    { label: 'Sur le portail', value: <a href={`/souhaits/${wish.id}`}>la page publique du souhait</a> },
  ];
}

const ERROR_ORDER = ['status', 'partnerIds', 'answer', 'duplicateOf', 'itemId'];

function StepForm({
  wish,
  next,
  partners,
  csrf,
  values = {},
  errors = {},
}: Omit<WishPageProps, 'chrome' | 'moderates'> & { csrf: string }) {
  const assigned = values.partnerIds ?? wish.partners.map((p) => p.id);
  const field = bindFields(values, errors);
  return (
    <PostForm action={`${PATH}/${wish.id}/etape`} csrf={csrf}>
      <SelectField
        name="status"
        label="Nouveau statut"
        options={next.map((s) => ({ value: s, label: WISH_STATUS_LABELS[s] ?? s }))}
        value={values.status ?? next[0]}
        error={errors.status}
        hint="Rester « À l’étude » ou « Accepté » sert à changer les partenaires ou à publier une réponse d’étape."
      />
      <fieldset
        class="pl-fieldset pl-fieldset--boxed"
        aria-describedby={errors.partnerIds ? 'partnerIds-error' : undefined}
      >
        <legend class="pl-legend">Partenaires à qui le souhait est confié</legend>
        {errors.partnerIds && (
          <p class="pl-field-error" id="partnerIds-error">
            <span class="pl-visually-hidden">Erreur : </span>
            {applyFrenchTypography(errors.partnerIds)}
          </p>
        )}
        <div class="pl-choices pl-choices--columns">
          {partners.map((p, i) => (
            <div class="pl-choice" key={p.value}>
              <input
                class="pl-choice__input"
                type="checkbox"
                name="partnerIds[]"
                value={p.value}
                id={i === 0 ? 'partnerIds' : `partnerIds-${p.value}`}
                checked={assigned.includes(p.value)}
              />
              <label class="pl-choice__label" for={i === 0 ? 'partnerIds' : `partnerIds-${p.value}`}>
                {p.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextareaField
        {...field('answer')}
        label="Réponse publique"
        hint="Publiée sur la page du souhait et envoyée à ceux qui le suivent. Obligatoire pour un refus."
        rows={4}
      />
      <TextField
        {...field('duplicateOf')}
        label="Doublon de (pour « Doublon »)"
        hint="L’identifiant ou l’adresse de l’autre souhait."
      />
      <TextField
        {...field('itemId')}
        label="Contenu qui répond (pour « Publié »)"
        hint="L’identifiant ou l’adresse (/articles/…) du contenu publié."
      />
      <Button>Enregistrer l’étape</Button>
    </PostForm>
  );
}

export function WishPage({ chrome, wish, next, partners, moderates, values, errors }: WishPageProps) {
  const refused = !!errors && Object.keys(errors).length > 0;
  const summary = errorEntries(errors, ERROR_ORDER);
  return (
    <ConsoleLayout
      chrome={chrome}
      title={wish.title}
      refused={refused}
      breadcrumbs={<Breadcrumbs items={[{ label: 'Souhaits', href: PATH }, { label: wish.title }]} />}
    >
      <ErrorSummary errors={summary} title="L’étape n’a pas été enregistrée" />
      <blockquote class="pl-comment__body">{wish.body}</blockquote>
      <SummaryList rows={facts(wish)} />
      {moderates && (
        <section class="pl-section" aria-labelledby="moderation-titre">
          <h2 id="moderation-titre">Modération</h2>
          <WishModerationForm wish={wish} csrf={chrome.csrf} back={`${PATH}/${wish.id}`} />
        </section>
      )}
      {next.length > 0 && (
        <section class="pl-section" aria-labelledby="etape-titre">
          <h2 id="etape-titre">Étape suivante</h2>
          <StepForm
            wish={wish}
            next={next}
            partners={partners}
            csrf={chrome.csrf}
            {...(values ? { values } : {})}
            {...(errors ? { errors } : {})}
          />
        </section>
      )}
      <section class="pl-section" aria-labelledby="historique-titre">
        <h2 id="historique-titre">Historique public</h2>
        <Table
          id="historique"
          caption="Chaque étape, datée et signée"
          rows={wish.history.map((step, i) => ({ ...step, by: wish.signatures[i]?.by.name ?? step.signedBy }))}
          rowKey={(s) => s.at + s.status}
          columns={[
            { header: 'Quand', rowHeader: true, cell: (s) => <time dateTime={s.at}>{formatDateTime(s.at)}</time> },
            { header: 'Statut', cell: (s) => WISH_STATUS_LABELS[s.status] ?? s.status },
            { header: 'Signé', cell: (s) => `${s.signedBy}${s.by !== s.signedBy ? ` (${s.by})` : ''}` },
            { header: 'Réponse', cell: (s) => s.answer ?? '—' },
          ]}
        />
      </section>
    </ConsoleLayout>
  );
}
