/**
 * « Qui peut m'aider ? »: DILA fiches name kinds of local office (PivotLocal: mairie,
 * prefecture, caf…). Here each kind that exists in New Caledonia points at the partner
 * that receives the public for it: the chosen commune's own partner, its province, or one
 * territorial body. Kinds without a local counterpart (adil, crous…) give no card.
 */
import { getCommuneName, getCommuneProvince } from '../search/index.js';
import { evaluateOpeningHours, describeOpeningWeek, type OpeningDay } from './opening-hours.js';
import type { PartnerDoc } from './partner-model.js';
import { listPartners } from './partners.js';
import type { Office } from '../../schemas/index.js';

/** 'commune' and 'province' follow the chosen commune; anything else is a partner id. */
type OfficeTarget = 'commune' | 'province' | string;

const LOCAL_OFFICES: Record<string, OfficeTarget> = {
  mairie: 'commune',
  mairie_mobile: 'commune',
  ccas: 'commune',
  prefecture: 'haut-commissariat',
  sous_pref: 'haut-commissariat',
  prefecture_region: 'haut-commissariat',
  caf: 'cafat',
  cpam: 'cafat',
  carsat: 'cafat',
  urssaf: 'cafat',
  msa: 'cafat',
  pole_emploi: 'province',
  mdph: 'province',
  sip: 'gouvernement',
  sie: 'gouvernement',
  centre_impots_fonciers: 'gouvernement',
  cci: 'cci-nc',
};

/** One contact card, ready for a page or the API. */
export interface LocalContact {
  /** The DILA kind it answers (mairie…). */
  kind: string;
  partner: { id: string; name: string; website?: string };
  office: Office;
  /** Open at the moment asked, in Nouméa; absent without opening hours. */
  openNow?: boolean;
  /** The next opening or closing (ISO 8601), when known. */
  nextChange?: string;
  hoursComment?: string;
  week?: OpeningDay[];
  mapUrl?: string;
}

/** The DILA kinds the hub maps to a partner. */
export function listLocalOfficeKinds(): string[] {
  return Object.keys(LOCAL_OFFICES);
}

/** The contact cards for these kinds in this commune (INSEE 988xx), one per partner, in the kinds' order. */
export async function findLocalContacts(
  kinds: string[],
  communeCode: string,
  at = new Date(),
): Promise<LocalContact[]> {
  const targets = kinds
    .map((kind) => ({ kind, target: LOCAL_OFFICES[kind] }))
    .filter((k): k is { kind: string; target: OfficeTarget } => k.target !== undefined);
  if (!targets.length || !getCommuneName(communeCode)) return [];
  const partners = await listPartners({ status: 'active' });
  const seen = new Set<string>();
  const contacts: LocalContact[] = [];
  for (const { kind, target } of targets) {
    const partner = pickPartner(partners, target, communeCode);
    if (!partner || seen.has(partner._id)) continue;
    seen.add(partner._id);
    contacts.push(toLocalContact(kind, partner, at));
  }
  return contacts;
}

function pickPartner(partners: PartnerDoc[], target: OfficeTarget, communeCode: string): PartnerDoc | undefined {
  if (target === 'commune')
    return partners.find((p) => p.kind === 'commune' && p.territory?.communeCode === communeCode);
  if (target === 'province') {
    const province = getCommuneProvince(communeCode);
    return partners.find((p) => p.kind === 'province' && p.territory?.province === province);
  }
  return partners.find((p) => p._id === target);
}

/** A partner's card: its office (or at least its name), open now, the week's hours, a map link. */
export function toLocalContact(kind: string, partner: PartnerDoc, at: Date): LocalContact {
  const office: Office = partner.office ?? { name: partner.name };
  const hours = office.openingHours ? readHoursSafely(office.openingHours, at) : undefined;
  const mapUrl = buildMapUrl(office, partner.name);
  return {
    kind,
    partner: { id: partner._id, name: partner.name, ...(partner.website ? { website: partner.website } : {}) },
    office,
    ...(hours ?? {}),
    ...(mapUrl ? { mapUrl } : {}),
  };
}

function readHoursSafely(
  value: string,
  at: Date,
): Pick<LocalContact, 'openNow' | 'nextChange' | 'hoursComment' | 'week'> | undefined {
  try {
    const state = evaluateOpeningHours(value, at);
    return {
      ...(state.unknown ? {} : { openNow: state.open }),
      ...(state.nextChange ? { nextChange: state.nextChange.toISOString() } : {}),
      ...(state.comment ? { hoursComment: state.comment } : {}),
      week: describeOpeningWeek(value, at),
    };
  } catch {
    // Stored before the check existed, or a library upgrade reads it differently: no claim.
    return undefined;
  }
}

/** The office's own map link, else OpenStreetMap at its coordinates, else a search for its address. */
export function buildMapUrl(office: Office, partnerName: string): string | undefined {
  if (office.mapUrl) return office.mapUrl;
  if (office.geo) {
    const { lat, lon } = office.geo;
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;
  }
  const place = [office.address, office.postalCode, office.city].filter(Boolean).join(', ');
  if (!place) return undefined;
  const query = `${office.name ?? partnerName}, ${place}, Nouvelle-Calédonie`;
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}
