/** The search's synonyms: filter, add, switch off, restore. */
import type { SynonymView } from '../../hub/catalog/index.js';
import {
  applyFrenchTypography,
  Button,
  CheckboxField,
  ErrorSummary,
  Pagination,
  SearchForm,
  Table,
  Tag,
  TextField,
} from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { ConsoleLayout } from '../layout.js';

export interface SynonymsPageProps {
  chrome: Chrome;
  entries: SynonymView[];
  total: number;
  q: string;
  page: number;
  pageCount: number;
  form?: { terms: string; oneWay: boolean; error: string };
}

const PATH = '/console/recherche/synonymes';

export function SynonymsPage({ chrome, entries, total, q, page, pageCount, form }: SynonymsPageProps) {
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Synonymes de la recherche"
      refused={!!form}
      lede={applyFrenchTypography(
        'Un citoyen qui cherche un mot trouve aussi ses synonymes. Chaque changement vaut dès la recherche suivante.',
      )}
    >
      {form && <ErrorSummary errors={[{ field: 'terms', message: form.error }]} />}
      <form method="post" action={PATH} class="pl-form" novalidate>
        <CsrfField token={chrome.csrf} />
        <TextField
          name="terms"
          label="Termes équivalents"
          hint="Séparés par des virgules : « boulot, travail, emploi »."
          value={form?.terms}
          error={form?.error}
        />
        <CheckboxField
          name="oneWay"
          value="oui"
          label="Dans un seul sens : le premier terme trouve les autres, pas l’inverse"
          checked={form?.oneWay}
        />
        <Button>Ajouter</Button>
      </form>
      <section class="pl-section" aria-labelledby="entrees-titre">
        <h2 id="entrees-titre">Entrées</h2>
        <SearchForm action={PATH} label="Filtrer les synonymes" value={q} />
        <Table
          id="synonymes"
          caption={`${total} entrées`}
          rows={entries}
          rowKey={(e) => e.id}
          columns={[
            { header: 'Termes', rowHeader: true, cell: (e) => e.terms.join(e.oneWay ? ' → ' : ', ') },
            { header: 'Origine', cell: (e) => (e.origin === 'shipped' ? `Livrée (${e.source})` : 'Ajoutée') },
            { header: 'État', cell: (e) => (e.enabled ? <Tag tone="success">Active</Tag> : <Tag>Désactivée</Tag>) },
            {
              header: 'Action',
              cell: (e) => (
                <form
                  method="post"
                  action={`${PATH}/${e.id}/${e.enabled && !e.modified ? 'retirer' : e.origin === 'shipped' ? 'retablir' : 'retirer'}`}
                >
                  <CsrfField token={chrome.csrf} />
                  <button type="submit" class="pl-link-button">
                    {e.origin === 'shipped' && (!e.enabled || e.modified)
                      ? 'Rétablir'
                      : e.origin === 'shipped'
                        ? 'Désactiver'
                        : 'Supprimer'}
                    <span class="pl-visually-hidden"> {e.terms.join(', ')}</span>
                  </button>
                </form>
              ),
            },
          ]}
        />
        <Pagination
          page={page}
          pageCount={pageCount}
          hrefFor={(p) => `${PATH}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`}
        />
      </section>
    </ConsoleLayout>
  );
}
