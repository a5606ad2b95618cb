/** Partenaire: the list, and one partner with its form, its widget snippets and its feeds. */
import { h } from 'preact';
import type { Partner } from '../../schemas/index.js';
import {
  applyFrenchTypography,
  Breadcrumbs,
  Button,
  ErrorSummary,
  RadiosField,
  Table,
  TextareaField,
  TextField,
} from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { bindFields, errorEntries, type FieldErrors } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import { SecretBox } from '../components/secret-box.js';
import { ConsoleLayout } from '../layout.js';

export interface PartnerFormValues {
  website: string;
  allowedOrigins: string;
  moderation: string;
  contactEmail: string;
  contactPhone: string;
}

export function PartnersPage({ chrome, partners }: { chrome: Chrome; partners: Partner[] }) {
  return (
    <ConsoleLayout chrome={chrome} title="Partenaires">
      <Table
        id="partenaires"
        caption={`${partners.length} partenaires`}
        rows={partners}
        rowKey={(p) => p.id}
        columns={[
          { header: 'Partenaire', rowHeader: true, cell: (p) => <a href={`/console/partenaires/${p.id}`}>{p.name}</a> },
          { header: 'Identifiant', cell: (p) => <code>{p.id}</code> },
          { header: 'Modération', cell: (p) => MODE_LABELS[p.moderation?.mode ?? 'post'] },
        ]}
      />
    </ConsoleLayout>
  );
}

const MODE_LABELS: Record<string, string> = {
  post: 'Publiés aussitôt, modérés après',
  'first-time': 'Le premier commentaire de chaque visiteur attend',
  pre: 'Tous les commentaires attendent',
};

export interface PartnerPageProps {
  chrome: Chrome;
  partner: Partner;
  values: PartnerFormValues;
  errors?: FieldErrors;
  canEdit: boolean;
  publicUrl: string;
}

export function PartnerPage({ chrome, partner, values, errors = {}, canEdit, publicUrl }: PartnerPageProps) {
  const summary = errorEntries(errors);
  const field = bindFields(values, errors);
  const hub = publicUrl.replace(/\/$/, '');
  const snippet = `<script src="${hub}/widgets/v1/embed.js" defer></script>\n<passerelle-news partner="${partner.id}" limit="5"></passerelle-news>`;
  const feeds = ['rss', 'atom', 'json'].map((f) => `${hub}/feeds/items.${f}?partner=${encodeURIComponent(partner.id)}`);
  return (
    <ConsoleLayout
      chrome={chrome}
      title={partner.name}
      refused={summary.length > 0}
      breadcrumbs={
        chrome.user.partnerName ? undefined : (
          <Breadcrumbs items={[{ label: 'Partenaires', href: '/console/partenaires' }, { label: partner.name }]} />
        )
      }
    >
      <ErrorSummary errors={summary} />
      <p>
        <a href={`/console/partenaires/${partner.id}/coordonnees`}>Coordonnées et horaires d’accueil</a>
        {' · '}
        <a href={`/console/demarches?partenaire=${partner.id}`}>Démarches en ligne</a>
      </p>
      <section class="pl-section" aria-labelledby="widget-titre">
        <h2 id="widget-titre">Widget à coller sur votre site</h2>
        <p>
          {applyFrenchTypography(
            'Copiez ce code dans une page de votre site : vos dernières actualités y apparaissent et se mettent à jour seules.',
          )}
        </p>
        <SecretBox id="extrait" label="Le code du widget « Actualités »" value={snippet} />
        <h3>Aperçu</h3>
        <div class="pl-widget-preview">{h('passerelle-news', { partner: partner.id, limit: '3' })}</div>
        <script src="/widgets/v1/embed.js" defer />
      </section>
      <section class="pl-section" aria-labelledby="flux-titre">
        <h2 id="flux-titre">Vos flux</h2>
        <ul>
          {feeds.map((f) => (
            <li key={f}>
              <a href={f}>{f}</a>
            </li>
          ))}
        </ul>
      </section>
      {canEdit && (
        <section class="pl-section" aria-labelledby="infos-titre">
          <h2 id="infos-titre">Informations</h2>
          <PostForm action={`/console/partenaires/${partner.id}`} csrf={chrome.csrf}>
            <TextField {...field('website')} label="Site du partenaire" type="url" />
            <TextareaField
              {...field('allowedOrigins')}
              label="Sites autorisés à afficher les commentaires"
              hint="Une origine par ligne, par exemple https://www.koumac.nc"
              rows={3}
            />
            <RadiosField
              name="moderation"
              label="Modération des commentaires"
              options={Object.entries(MODE_LABELS).map(([value, label]) => ({ value, label }))}
              value={values.moderation}
              error={errors.moderation}
            />
            <TextField {...field('contactEmail')} label="E-mail de contact" type="email" />
            <TextField {...field('contactPhone')} label="Téléphone de contact (facultatif)" type="tel" />
            <Button>Enregistrer</Button>
          </PostForm>
        </section>
      )}
    </ConsoleLayout>
  );
}
