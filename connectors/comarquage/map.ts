/** Fiches to ItemInputs (pure). */
import type { ItemType } from '../../schemas/index.js';
import {
  type MapResult,
  type StageContext,
  finalizeItems,
  type DraftItem,
  type Rejection,
  takeEntries,
} from '../shared/index.js';
import type { ParsedComarquage, ParsedFiche } from './parse.js';
import { audienceFromUrl, servicePublicUrl } from './service-public.js';

/** Maps fiches; an archive is complete by default (a fiche that vanished is withdrawn). */
export function mapComarquage(parsed: ParsedComarquage, ctx: StageContext): MapResult {
  const rejected: Rejection[] = parsed.skipped.map((s) =>
    s.id ? { guid: s.id, reason: s.reason } : { reason: `${s.file}: ${s.reason}` },
  );
  const dossiers = parsed.fiches.filter((f) => !isItem(f));
  rejected.push(
    ...dossiers.map((f) => ({ guid: f.id, reason: `comarquage: ${f.id} is a dossier (navigation page), not an item` })),
  );
  const { taken, omitted } = takeEntries(mergeAudiences(parsed.fiches.filter(isItem).map(toDraft)), ctx.maxItems);
  const mapped = finalizeItems(taken, ctx.source);
  return {
    items: mapped.items,
    rejected: [...rejected, ...mapped.rejected],
    complete: (ctx.source.complete ?? parsed.archive) && !omitted,
    ...(omitted ? { omitted } : {}),
  };
}

/**
 * DILA publishes one fiche under several audiences (particuliers, professionnels,
 * associations) with the same ID: one item, whose audience is the union, at the URL of its
 * first occurrence.
 */
function mergeAudiences(drafts: DraftItem[]): DraftItem[] {
  const byGuid = new Map<string, DraftItem>();
  for (const draft of drafts) {
    const first = byGuid.get(draft.guid ?? '');
    if (!first) byGuid.set(draft.guid ?? '', draft);
    else first.audience = [...new Set([...(first.audience ?? []), ...(draft.audience ?? [])])];
  }
  return [...byGuid.values()];
}

/** Fiches (F…) and services (R…) are items; dossiers (N…) only list them. */
function isItem(fiche: ParsedFiche): boolean {
  return /^[FR]\d/i.test(fiche.id);
}

function toDraft(fiche: ParsedFiche): DraftItem {
  const urlAudience = audienceFromUrl(fiche.spUrl);
  return {
    guid: fiche.id,
    url: fiche.spUrl && /^https?:\/\//.test(fiche.spUrl) ? fiche.spUrl : servicePublicUrl(fiche.id, fiche.audiences[0]),
    title: fiche.title,
    summary: fiche.description,
    content: fiche.html,
    type: typeOf(fiche),
    topics: fiche.themes.length ? fiche.themes : splitSubject(fiche.subject),
    categories: [fiche.publicationType, ...splitSubject(fiche.subject)].filter((c): c is string => Boolean(c)),
    ...(fiche.keywords.length ? { keywords: fiche.keywords } : {}),
    ...(fiche.localOffices.length ? { localOffices: fiche.localOffices } : {}),
    links: fiche.links,
    audience: [...fiche.audiences, ...(urlAudience ? [urlAudience] : [])],
    updatedAt: readDcDate(fiche.date),
  };
}

/** F… fiches explain a procedure; R… resources are services (a document model is a publication). */
function typeOf(fiche: ParsedFiche): ItemType {
  if (/^F/i.test(fiche.id)) return 'procedure';
  return fiche.publicationType === 'Modèle de document' ? 'publication' : 'service';
}

function splitSubject(subject: string | undefined): string[] {
  return (subject ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** dc:date reads "modified 2020-11-02" (qualifier, then an ISO date). */
function readDcDate(value: string | undefined): string | undefined {
  return /(\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)/.exec(value ?? '')?.[1];
}
