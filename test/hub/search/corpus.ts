/** Test corpora: the hand-written NC news fixtures, partners, and real DILA fiches. */
import { readFileSync } from 'node:fs';
import { buildSearchIndex, type IndexableItem, type PartnerInfo, type SearchIndex } from '../../../hub/search/index.js';
import { listFicheIds, loadFiches } from './dila-fiches.js';

const FIXTURES = new URL('../../fixtures/search/', import.meta.url);

export const PARTNERS: Record<string, PartnerInfo> = JSON.parse(
  readFileSync(new URL('partners.json', FIXTURES), 'utf8'),
);
export const NC_NEWS: IndexableItem[] = JSON.parse(readFileSync(new URL('nc-news.json', FIXTURES), 'utf8'));

/** Fiches some relevance queries aim at; the first 300 fiches by number are added as distractors. */
export const TARGET_FICHES = [
  'F34487',
  'F1373',
  'F1986',
  'F1427',
  'F14710',
  'F1420',
  'F13213',
  'F1618',
  'F948',
  'F1604',
  'F1367',
  'F31269',
  'F303',
  'F2882',
  'F12214',
  'F20760',
  'F10477',
  'F1419',
  'F2930',
  'F2232',
];

let dila: IndexableItem[] | undefined;

/** The DILA fiches of the relevance corpus (read once per test file). */
export function loadDilaCorpus(): IndexableItem[] {
  dila ??= loadFiches([...TARGET_FICHES, ...listFicheIds(300)]);
  return dila;
}

/** Partners of the small hand-made indexes below. */
export const ONE_PARTNER: Record<string, PartnerInfo> = { dila: { name: 'Éditeur', kind: 'state' } };

/** A published procedure of ONE_PARTNER with this title (and any other fields). */
export function makeItem(id: string, title: string, extra: Partial<IndexableItem> = {}): IndexableItem {
  return {
    id,
    partnerId: 'dila',
    url: `https://example.nc/${id}`,
    title,
    type: 'procedure',
    topics: [],
    audience: [],
    territory: { scope: 'nc' },
    status: 'published',
    ...extra,
  };
}

/** NC news only: small and fast, for filter, facet and lifecycle tests. */
export function buildNewsIndex(): SearchIndex {
  return buildSearchIndex(NC_NEWS, PARTNERS);
}

/** NC news plus DILA fiches. */
export function buildFullIndex(): SearchIndex {
  return buildSearchIndex([...loadDilaCorpus(), ...NC_NEWS], PARTNERS);
}
