/**
 * How the portal names a partner in a sentence: « le site de la mairie de Koné », « du
 * Mont-Dore », « de la province Sud », and the kinds of partners as headings.
 */
import type { DirectoryEntry } from '../../hub/catalog/index.js';

/** What the portal knows of a partner (the catalog's directory entry). */
export type PartnerRef = DirectoryEntry;

/** The kinds of partners, in the order /partenaires lists them. */
export const PARTNER_KIND_LABELS: Readonly<Record<string, string>> = {
  province: 'Provinces',
  commune: 'Communes',
  government: 'Gouvernement',
  state: 'État',
  other: 'Institutions',
  'public-body': 'Établissements publics',
};

/** One of a kind, for a facet: « Commune », « Établissement public ». */
export const PARTNER_KIND_SINGULAR: Readonly<Record<string, string>> = {
  province: 'Province',
  commune: 'Commune',
  government: 'Gouvernement',
  state: 'État',
  other: 'Institution',
  'public-body': 'Établissement public',
};

export const PROVINCE_LABELS: Readonly<Record<string, string>> = {
  sud: 'Province Sud',
  nord: 'Province Nord',
  iles: 'Province des Îles Loyauté',
};

/** « la province Sud »: a province in a sentence. */
export function theProvince(code: string): string {
  const label = PROVINCE_LABELS[code] ?? code;
  return `la ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/** « de la CAFAT », « du Congrès »: the seeded institutions, whose names need their article. */
const OF_INSTITUTION: Readonly<Record<string, string>> = {
  gouvernement: 'du gouvernement de la Nouvelle-Calédonie',
  'haut-commissariat': 'du Haut-commissariat',
  congres: 'du Congrès',
  'senat-coutumier': 'du Sénat coutumier',
  cafat: 'de la CAFAT',
  'opt-nc': "de l'OPT-NC",
  isee: "de l'ISEE",
  'ass-nc': "de l'ASS-NC",
  'cci-nc': 'de la CCI-NC',
};

/** « de Koné », « du Mont-Dore », « de L'Île-des-Pins »: a commune's name after « de ». */
export function ofCommune(name: string): string {
  return name.startsWith('Le ') ? `du ${name.slice(3)}` : `de ${name}`;
}

/** The partner's site in a sentence: « de la mairie de Koné », « de la province Sud ». */
export function ofPartnerSite(partner: PartnerRef): string {
  if (partner.kind === 'commune') return `de la mairie ${ofCommune(partner.name)}`;
  if (partner.kind === 'province') return `de la ${partner.name.charAt(0).toLowerCase()}${partner.name.slice(1)}`;
  return OF_INSTITUTION[partner.id] ?? `de ${partner.shortName ?? partner.name}`;
}

/** The label of the link to an item's own page: « Lire sur le site de la mairie de Koné », or the host when the page is elsewhere. */
export function describeReadOn(itemUrl: string, partner: PartnerRef | undefined): string {
  const host = hostOf(itemUrl);
  if (partner && (!partner.website || hostOf(partner.website) === host))
    return `Lire sur le site ${ofPartnerSite(partner)}`;
  return host ? `Lire sur ${host}` : 'Lire sur le site du partenaire';
}

/** www.noumea.nc → noumea.nc; undefined for an address that does not parse. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}
