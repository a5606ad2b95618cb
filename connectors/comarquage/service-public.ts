/** Where fiches live on service-public.fr. */

const AUDIENCE_SEGMENTS: Record<string, string> = {
  particuliers: 'particuliers',
  // The site's own path for professionals (spUrl of real fiches).
  professionnels: 'professionnels-entreprises',
  entreprises: 'professionnels-entreprises',
  associations: 'associations',
};

/** The URL path segment of an audience label ("Particuliers" → "particuliers"); undefined if unknown. */
export function audienceSegment(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const key = label
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return AUDIENCE_SEGMENTS[key];
}

/** The service-public.fr page of a fiche: https://www.service-public.fr/<audience>/vosdroits/<ID>. */
export function servicePublicUrl(id: string, audience?: string): string {
  return `https://www.service-public.fr/${audienceSegment(audience) ?? 'particuliers'}/vosdroits/${encodeURIComponent(id)}`;
}

/** The audience found in a service-public.fr URL, e.g. ".../professionnels-entreprises/vosdroits/F1". */
export function audienceFromUrl(url: string | undefined): string | undefined {
  const match = /service-public\.fr\/(particuliers|professionnels|associations)[-/]/i.exec(url ?? '');
  return match?.[1]?.toLowerCase();
}
