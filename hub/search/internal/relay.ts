/**
 * Documents of a full index indexed again after a partner edit, from what that index holds:
 * an item's own text does not change with its partner's name, so its fields other than
 * `meta` keep the entries (stem, weight) its full build gave them, found by one walk of the
 * postings; `meta` (partner name and short name, topics, categories, place names) and the
 * partner-derived facets (kind, communes, provinces) are derived again from the stored
 * topics, categories and territory with the partner's current fields. No item is read back
 * from the database (issue 17: on FerretDB 1.24 reading a partner's items is a scan of every
 * item, 6.7 s at 10,000).
 */
import { createBitset, hasBit, setBit } from './bitset.js';
import type { FixedField } from './postings-builder.js';
import type { DocStore, FacetName, IndexableItem, SearchIndex } from '../types.js';

/** The field derived again from the partner; every other one is carried over. */
const DERIVED_FIELD = 'meta';

/** A document of the full index to index again, with its carried-over fields by number. */
export interface RelayedDoc {
  /** What its partner-derived text and facets are derived from (no content: it is not needed). */
  item: IndexableItem;
  date: number;
  base: SearchIndex;
  doc: number;
  fixed: Map<number, FixedField>;
}

/** The values of a facet that a document of `index` has. */
function facetValuesOf(index: SearchIndex, name: FacetName, doc: number): string[] {
  const out: string[] = [];
  for (const [value, bits] of index.facets[name]) if (hasBit(bits, doc)) out.push(value);
  return out;
}

/** The stored fields of one document, as the item the index derives partner fields from. */
function relayedItem(base: SearchIndex, doc: number): IndexableItem {
  const d = base.docs;
  return {
    id: d.ids[doc]!,
    partnerId: d.partnerIds[doc]!,
    url: d.urls[doc]!,
    title: d.titles[doc]!,
    type: d.types[doc]! as IndexableItem['type'],
    topics: d.topics[doc]! as IndexableItem['topics'],
    // Its partner facet holds its co-authors and its story's other partners: kept as they are.
    coAuthors: facetValuesOf(base, 'partner', doc),
    audience: facetValuesOf(base, 'audience', doc) as IndexableItem['audience'],
    territory: (d.territories[doc] ?? undefined) as IndexableItem['territory'],
    ...(d.categories[doc] ? { categories: d.categories[doc] } : {}),
    ...(d.alsoPublished[doc] ? { alsoPublished: d.alsoPublished[doc] } : {}),
    status: 'published',
  };
}

/**
 * The documents of `base` named by `ids` (those it does not hold are skipped), each with
 * its fields other than `meta` as the full build weighed them: one walk of the postings.
 */
export function relayedDocs(base: SearchIndex, ids: Iterable<string>): RelayedDoc[] {
  const { postings } = base;
  const F = postings.fields.length;
  const derived = postings.fields.indexOf(DERIVED_FIELD);
  const byDoc = new Map<number, RelayedDoc>();
  for (const id of ids) {
    const doc = base.docById.get(id);
    if (doc === undefined || byDoc.has(doc)) continue;
    const fixed = new Map<number, FixedField>();
    for (let f = 0; f < F; f++) {
      // Its own length is not kept: the average keeps the averages over both layers as they were.
      const length = Math.round(postings.averageFieldLengths?.[f] ?? 0);
      if (f !== derived) fixed.set(f, { terms: [], weights: [], length });
    }
    byDoc.set(doc, { item: relayedItem(base, doc), date: base.docs.dates[doc]!, base, doc, fixed });
  }
  if (byDoc.size === 0) return [];
  const wanted = createBitset(base.size);
  for (const doc of byDoc.keys()) setBit(wanted, doc);
  const { terms, offsets, docs, weights } = postings;
  for (let t = 0; t < terms.length; t++) {
    for (let f = 0; f < F; f++) {
      if (f === derived) continue;
      for (let p = offsets[t * F + f]!; p < offsets[t * F + f + 1]!; p++) {
        if (!hasBit(wanted, docs[p]!)) continue;
        const field = byDoc.get(docs[p]!)!.fixed.get(f)!;
        field.terms.push(terms[t]!);
        field.weights.push(weights[p]!);
      }
    }
  }
  return [...byDoc.values()];
}

/** Stores a relayed document's columns as the full index holds them. */
export function storeRelayedDoc(docs: DocStore, doc: number, relayed: RelayedDoc): void {
  const from = relayed.base.docs;
  const at = relayed.doc;
  docs.ids.push(from.ids[at]!);
  docs.titles.push(from.titles[at]!);
  docs.summaries.push(from.summaries[at]!);
  docs.excerpts.push(from.excerpts[at]!);
  docs.urls.push(from.urls[at]!);
  docs.partnerIds.push(from.partnerIds[at]!);
  docs.types.push(from.types[at]!);
  docs.topics.push(from.topics[at]!);
  docs.dates[doc] = from.dates[at]!;
  docs.images.push(from.images[at] ?? null);
  docs.events.push(from.events[at] ?? null);
  docs.alsoPublished.push(from.alsoPublished[at] ?? null);
  docs.categories.push(from.categories[at] ?? null);
  docs.territories.push(from.territories[at] ?? null);
  docs.likes[doc] = from.likes[at]!;
  docs.comments[doc] = from.comments[at]!;
}
