/**
 * Contenus: the partner's items with filters, and one item with its withdraw / restore
 * action and, when it is grouped with other partners' copies, « Détacher de l’histoire ».
 */
import type { ListedItem } from '../../hub/items/index.js';
import {
  applyFrenchTypography,
  Breadcrumbs,
  Button,
  getItemTypeLabel,
  Pagination,
  SelectField,
  SummaryList,
  Table,
  Tag,
  TextField,
  type Choice,
} from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { When } from '../components/when.js';
import { ConsoleLayout } from '../layout.js';

/** The filters of the list as the query string carries them ('' when not set). */
export interface ContentFilters {
  q: string;
  source: string;
  type: string;
  statut: string;
  partenaire: string;
}

export const ITEM_STATUSES: readonly Choice[] = [
  { value: 'published', label: 'Publiés' },
  { value: 'withdrawn', label: 'Retirés' },
];

const when = (value?: Date | string) => <When value={value} />;

export const itemHref = (id: string) => `/console/contenus/${encodeURIComponent(id)}`;
export const moderationHref = (id: string) => `/console/moderation?statut=published&contenu=${encodeURIComponent(id)}`;

/** The list's address for a page, keeping the filters. */
export function contentsHref(filters: ContentFilters, page = 1): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/console/contenus?${query}` : '/console/contenus';
}

function ItemStatus({ item }: { item: Pick<ListedItem, 'status' | 'withdrawnBy'> }) {
  if (item.status === 'published') return <Tag tone="success">Publié</Tag>;
  return <Tag>{item.withdrawnBy === 'agent' ? 'Retiré par un agent' : 'Retiré (disparu de sa source)'}</Tag>;
}

export interface ContentsPageProps {
  chrome: Chrome;
  items: ListedItem[];
  total: number;
  page: number;
  pageCount: number;
  filters: ContentFilters;
  sources: Choice[];
  types: Choice[];
  sourceName(id: string): string;
}

export function ContentsPage(props: ContentsPageProps) {
  const { chrome, items, total, page, pageCount, filters } = props;
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Contenus"
      lede={applyFrenchTypography(
        'Les publications de vos sources : retirez-en une du portail, des flux et des widgets, ou rétablissez-la.',
      )}
    >
      <form
        method="get"
        action="/console/contenus"
        class="pl-form pl-filters"
        role="search"
        aria-label="Filtrer les contenus"
      >
        {filters.partenaire && <input type="hidden" name="partenaire" value={filters.partenaire} />}
        <TextField name="q" type="search" label="Mots du titre" value={filters.q} />
        <SelectField
          name="source"
          label="Source"
          placeholder="Toutes les sources"
          options={props.sources}
          value={filters.source}
        />
        <SelectField name="type" label="Type" placeholder="Tous les types" options={props.types} value={filters.type} />
        <SelectField
          name="statut"
          label="État"
          placeholder="Tous les états"
          options={[...ITEM_STATUSES]}
          value={filters.statut}
        />
        <Button variant="secondary">Filtrer</Button>
      </form>
      <Table
        id="contenus"
        caption={`${total} contenu${total > 1 ? 's' : ''}${pageCount > 1 ? `, page ${page} sur ${pageCount}` : ''}`}
        rows={items}
        rowKey={(i) => i._id}
        empty="Aucun contenu ne correspond à ces filtres."
        columns={[
          { header: 'Titre', rowHeader: true, cell: (i) => <a href={itemHref(i._id)}>{i.title}</a> },
          { header: 'Source', cell: (i) => props.sourceName(i.sourceId) },
          { header: 'Type', cell: (i) => getItemTypeLabel(i.type) },
          { header: 'État', cell: (i) => <ItemStatus item={i} /> },
          { header: 'Publié le', cell: (i) => when(i.publishedAt ?? i.firstSeenAt) },
          { header: 'J’aime', numeric: true, cell: (i) => i.stats?.likes ?? 0 },
          {
            header: 'Commentaires',
            numeric: true,
            cell: (i) => (
              <a href={moderationHref(i._id)} aria-label={`${i.stats?.comments ?? 0} commentaires : modérer`}>
                {i.stats?.comments ?? 0}
              </a>
            ),
          },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => contentsHref(filters, p)} />
    </ConsoleLayout>
  );
}

export type Confirm = 'retirer' | 'retablir' | 'detacher' | undefined;

/** Another partner's copy of the same story (hub/stories). */
export interface StoryMemberView {
  id: string;
  partnerId: string;
  partnerName: string;
  title: string;
}

export interface ContentPageProps {
  chrome: Chrome;
  item: ListedItem & { storyDetached?: boolean };
  /** The other items of its story; empty when it stands alone. */
  story: StoryMemberView[];
  sourceName: string;
  partnerName: string;
  confirm: Confirm;
  mayWrite: boolean;
}

export function ContentPage(props: ContentPageProps) {
  const { chrome, item, sourceName, partnerName, confirm, mayWrite } = props;
  const base = itemHref(item._id);
  const restorable = item.status === 'withdrawn' && item.withdrawnBy === 'agent';
  return (
    <ConsoleLayout
      chrome={chrome}
      title={item.title}
      breadcrumbs={<Breadcrumbs items={[{ label: 'Contenus', href: '/console/contenus' }, { label: item.title }]} />}
    >
      <SummaryList
        rows={[
          { label: 'État', value: <ItemStatus item={item} /> },
          { label: 'Partenaire', value: partnerName },
          { label: 'Source', value: sourceName },
          { label: 'Type', value: getItemTypeLabel(item.type) },
          { label: 'Adresse d’origine', value: <a href={item.url}>{item.url}</a> },
          { label: 'Publié le', value: when(item.publishedAt ?? item.firstSeenAt) },
          ...(item.withdrawnAt ? [{ label: 'Retiré le', value: when(item.withdrawnAt) }] : []),
          ...(item.storyDetached
            ? [{ label: 'Histoire', value: 'Détaché : montré seul, jamais regroupé avec d’autres partenaires' }]
            : []),
          { label: 'J’aime', value: String(item.stats?.likes ?? 0) },
          {
            label: 'Commentaires',
            value: <a href={moderationHref(item._id)}>{`${item.stats?.comments ?? 0} : les modérer`}</a>,
          },
        ]}
      />
      {mayWrite && !confirm && (item.status === 'published' || restorable) && (
        <p class="pl-actions">
          {item.status === 'published' ? (
            <a href={`${base}?confirmer=retirer#confirmation`}>Retirer ce contenu…</a>
          ) : (
            <a href={`${base}?confirmer=retablir#confirmation`}>Rétablir ce contenu…</a>
          )}
        </p>
      )}
      {mayWrite && confirm === 'retirer' && item.status === 'published' && (
        <ConfirmBox
          csrf={chrome.csrf}
          action={`${base}/retirer`}
          back={base}
          title="Retirer ce contenu ?"
          text="Il disparaîtra du portail, de la recherche, des flux et des widgets. Vous pourrez le rétablir."
          yes="Oui, retirer le contenu"
          no="Non, le garder"
        />
      )}
      {mayWrite && confirm === 'retablir' && restorable && (
        <ConfirmBox
          csrf={chrome.csrf}
          action={`${base}/retablir`}
          back={base}
          title="Rétablir ce contenu ?"
          text="Il reparaîtra sur le portail, dans la recherche, les flux et les widgets."
          yes="Oui, rétablir le contenu"
          no="Non, le laisser retiré"
        />
      )}
      {props.story.length > 0 && <Story {...props} base={base} />}
    </ConsoleLayout>
  );
}

/** The story it belongs to: the other partners' copies, and the way out of a wrong group. */
function Story({ chrome, story, confirm, mayWrite, base }: ContentPageProps & { base: string }) {
  const others = [...new Set(story.map((m) => m.partnerName))].join(', ');
  return (
    <>
      <section class="pl-section" aria-labelledby="histoire-titre">
        <h2 id="histoire-titre">Regroupé avec</h2>
        <p>
          {applyFrenchTypography(
            'Le portail montre ces publications une seule fois, comme une même histoire (« Aussi publié par »). ' +
              'Si ce regroupement est une erreur, détachez votre contenu : il sera montré seul.',
          )}
        </p>
        <ul>
          {story.map((m) => (
            <li key={m.id}>{applyFrenchTypography(`${m.partnerName} : « ${m.title} »`)}</li>
          ))}
        </ul>
        {mayWrite && confirm !== 'detacher' && (
          <p class="pl-actions">
            <a href={`${base}?confirmer=detacher#confirmation`}>Détacher de l’histoire…</a>
          </p>
        )}
      </section>
      {mayWrite && confirm === 'detacher' && (
        <ConfirmBox
          csrf={chrome.csrf}
          action={`${base}/detacher`}
          back={base}
          title="Détacher ce contenu de l’histoire ?"
          text={`Il ne sera plus regroupé avec les publications de ${others} : le portail, la recherche et les flux le montreront seul. C’est définitif : il ne sera plus jamais regroupé.`}
          yes="Oui, détacher de l’histoire"
          no="Non, le laisser regroupé"
        />
      )}
    </>
  );
}

interface ConfirmBoxProps {
  csrf: string;
  action: string;
  back: string;
  title: string;
  text: string;
  yes: string;
  no: string;
}

function ConfirmBox({ csrf, action, back, title, text, yes, no }: ConfirmBoxProps) {
  return (
    <section class="pl-section pl-danger" id="confirmation" aria-labelledby="confirmation-titre">
      <h2 id="confirmation-titre">{applyFrenchTypography(title)}</h2>
      <p>{applyFrenchTypography(text)}</p>
      <form method="post" action={action} class="pl-actions">
        <CsrfField token={csrf} />
        <Button>{yes}</Button>
        <a href={back}>{no}</a>
      </form>
    </section>
  );
}
