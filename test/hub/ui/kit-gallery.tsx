/** Every component of the kit on one page, errors included: validated, rendered in Chromium and checked by axe. */
import {
  Breadcrumbs,
  Button,
  CheckboxField,
  ErrorSummary,
  ItemCard,
  Notice,
  PageShell,
  Pagination,
  RadiosField,
  SearchForm,
  SelectField,
  TextareaField,
  TextField,
  type CardItem,
} from '../../../hub/ui/index.js';

export const GALLERY_CARDS: CardItem[] = [
  {
    id: 'a',
    title: "Coupure d'eau à Vao",
    type: 'alert',
    partnerName: "L'Île-des-Pins",
    summary: 'Travaux sur le réseau : coupure mardi matin.',
    publishedAt: '2026-10-06T00:00:00.000Z',
  },
  {
    id: 'b',
    title: 'Foire de Koumac',
    type: 'event',
    partnerName: 'Province Nord',
    summary: 'Bétail, artisanat et produits du terroir.',
    event: { start: '2027-03-11T13:00:00.000Z', end: '2027-03-13T13:00:00.000Z', place: 'Champ de foire' },
  },
  {
    id: 'c',
    title: 'Réouverture de la <piscine> du Ouen Toro',
    type: 'news',
    partnerName: 'Nouméa',
    snippetHtml: 'La <mark>piscine</mark> municipale rouvre &amp; accueille le public.',
    publishedAt: '2026-10-01T00:00:00.000Z',
  },
];

export function KitGallery() {
  return (
    <PageShell
      face="portal"
      title="Galerie du kit"
      siteName="Passerelle"
      brand={{ name: 'Passerelle', tagline: 'Les services publics de Nouvelle-Calédonie', href: '/' }}
      nav={[
        { label: 'Accueil', href: '/' },
        { label: 'Galerie', href: '/galerie', current: true },
      ]}
      breadcrumbs={<Breadcrumbs items={[{ label: 'Accueil', href: '/' }, { label: 'Galerie du kit' }]} />}
      lede="Chaque composant, dans ses états."
      intro={<SearchForm action="/" label="Rechercher" value="piscine" hint="Un ou plusieurs mots" />}
      footer={<p>Pied de page</p>}
    >
      <ErrorSummary
        errors={[
          { field: 'nom', message: 'Indiquez votre nom' },
          { field: 'public', message: 'Choisissez un public' },
        ]}
      />
      <form method="post" action="/galerie">
        <TextField
          name="nom"
          label="Nom"
          hint="Tel qu'il figure sur vos papiers"
          value="<b>Marie</b>"
          error="Indiquez votre nom"
          autocomplete="family-name"
        />
        <TextField name="code" label="Code postal" value="98800" width={5} inputMode="numeric" />
        <TextareaField name="message" label="Votre message" value="Bonjour !" rows={3} />
        <SelectField
          name="commune"
          label="Commune"
          placeholder="Choisir une commune"
          value="98818"
          options={[
            { value: '98818', label: 'Nouméa' },
            { value: '98811', label: 'Koné' },
          ]}
        />
        <RadiosField
          name="public"
          label="Vous êtes"
          error="Choisissez un public"
          inline
          options={[
            { value: 'particuliers', label: 'Un particulier' },
            { value: 'professionnels', label: 'Un professionnel', hint: 'Entreprise ou indépendant' },
          ]}
        />
        <CheckboxField name="accord" label="J'accepte d'être recontacté" hint="Par courriel uniquement" checked />
        <div class="pl-button-group">
          <Button>Envoyer</Button>
          <Button variant="secondary" type="button">
            Annuler
          </Button>
          <Button href="/aide" variant="secondary">
            Aide
          </Button>
        </div>
      </form>
      <Notice title="Pour information">
        <p>Un message neutre.</p>
      </Notice>
      <Notice kind="success" title="Enregistré" status />
      <Notice kind="alert" title="Attention">
        <p>Un message important.</p>
      </Notice>
      <section class="pl-section" aria-labelledby="cartes">
        <h2 class="pl-section__title" id="cartes">
          Cartes
        </h2>
        <ul class="pl-cards">
          {GALLERY_CARDS.map((item) => (
            <li key={item.id}>
              <ItemCard item={item} href={`https://www.example.nc/${item.id}`} />
            </li>
          ))}
        </ul>
        <Pagination page={5} pageCount={12} hrefFor={(p) => `/galerie?page=${p}`} />
      </section>
    </PageShell>
  );
}
