/**
 * « Ma commune »: the visitor's commune, chosen with a form and kept in a first-party
 * cookie that holds only the commune's partner id (no account, no identifier, no tracking);
 * `?commune=` in the address (partner id or INSEE code) shows a page for a commune without
 * changing the cookie.
 */
import type { Context } from 'koa';
import type { PartnerRef } from './partner-words.js';

export const COMMUNE_COOKIE = 'commune';
/** A year: the choice is a preference, renewed each time it is made. */
const COOKIE_MAX_AGE_S = 365 * 24 * 3600;

const byName = new Intl.Collator('fr', { sensitivity: 'base' });

/** The 33 communes (partners of kind commune with an INSEE code), in French alphabetical order. */
export function listCommunes(partners: ReadonlyMap<string, PartnerRef>): PartnerRef[] {
  return [...partners.values()]
    .filter((p) => p.kind === 'commune' && p.communeCode)
    .sort((a, b) => byName.compare(a.name, b.name));
}

/** The commune a value names: its partner id (`noumea`) or its INSEE code (`98818`). */
export function findCommune(
  partners: ReadonlyMap<string, PartnerRef>,
  value: string | undefined,
): PartnerRef | undefined {
  if (!value) return undefined;
  const byId = partners.get(value);
  if (byId?.kind === 'commune' && byId.communeCode) return byId;
  return /^988\d{2}$/.test(value) ? listCommunes(partners).find((c) => c.communeCode === value) : undefined;
}

export type CommuneChoice =
  { ok: true; commune: PartnerRef | undefined; fromQuery: boolean } | { ok: false; value: string };

/** The commune of this request: `?commune=` first, else the cookie; an unknown `?commune=` is refused. */
export function readCommuneChoice(ctx: Context, partners: ReadonlyMap<string, PartnerRef>): CommuneChoice {
  const raw = ctx.query.commune;
  if (raw !== undefined) {
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
    if (value === '') return { ok: true, commune: undefined, fromQuery: true };
    const commune = findCommune(partners, value);
    return commune ? { ok: true, commune, fromQuery: true } : { ok: false, value };
  }
  // A cookie naming a commune that no longer exists is simply ignored.
  return { ok: true, commune: findCommune(partners, ctx.cookies.get(COMMUNE_COOKIE)), fromQuery: false };
}

/**
 * Keeps the choice (or forgets it with undefined) in the first-party cookie. Written by
 * hand rather than by ctx.cookies: behind the TLS proxy the hub itself speaks plain HTTP,
 * and Koa refuses to set a Secure cookie there.
 */
export function writeCommuneCookie(ctx: Context, commune: PartnerRef | undefined, secure: boolean): void {
  const value = commune
    ? `${COMMUNE_COOKIE}=${commune.id}; Max-Age=${COOKIE_MAX_AGE_S}`
    : `${COMMUNE_COOKIE}=; Max-Age=0`;
  ctx.append('Set-Cookie', `${value}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`);
}
