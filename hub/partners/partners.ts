/** Partner operations: one small function per verb; duplicate keys become 409 here. */
import type { Partner, PartnerInput } from '../../schemas/index.js';
import { isDuplicateKey } from '../db/index.js';
import { Conflict, InvalidInput } from '../domain-errors.js';
import { collapseWhitespace, removeInvisibleCharacters } from '../../connectors/text/index.js';
import { PartnerModel, type PartnerDoc } from './partner-model.js';

/** What anyone may see of a partner. */
export type PublicPartner = Pick<
  Partner,
  'id' | 'name' | 'shortName' | 'kind' | 'description' | 'territory' | 'website' | 'logo' | 'office'
>;

/** The full record, as admins see it. */
export function toPartner(doc: PartnerDoc): Partner {
  const { _id, createdAt, updatedAt, ...rest } = doc;
  return { id: _id, ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

/** Drops private fields: contacts, allowed origins, moderation settings, status. The office is public. */
export function toPublicPartner(doc: PartnerDoc): PublicPartner {
  const { _id, name, shortName, kind, description, territory, website, logo, office } = doc;
  return JSON.parse(
    JSON.stringify({ id: _id, name, shortName, kind, description, territory, website, logo, office }),
  ) as PublicPartner;
}

/** A new partner's stored fields: the input over the defaults (active, post-moderation). */
export function newPartnerFields(fields: Omit<PartnerInput, 'id'>, now: Date): Omit<PartnerDoc, '_id'> {
  return {
    status: 'active',
    allowedOrigins: [],
    contacts: [],
    moderation: { mode: 'post' },
    territory: {},
    ...fields,
    createdAt: now,
    updatedAt: now,
  };
}

const NAME_MIN = { name: 2, shortName: 1 } as const;

/**
 * Names without invisible characters (a U+202E in a name makes it read backwards on every
 * page and in every feed), spaces collapsed; 400 when nothing visible is left.
 */
function cleanPartnerText<T extends Partial<PartnerInput>>(fields: T): T {
  const out = { ...fields };
  for (const key of ['name', 'shortName'] as const) {
    const value = out[key];
    if (value === undefined) continue;
    const clean = collapseWhitespace(value);
    if (clean.length < NAME_MIN[key])
      throw new InvalidInput([
        { field: key, message: `doit contenir au moins ${NAME_MIN[key]} caractère(s) visible(s)` },
      ]);
    out[key] = clean;
  }
  if (out.description !== undefined) out.description = removeInvisibleCharacters(out.description).trim();
  return out;
}

/** Creates a partner; 409 partner_exists when the id is taken. */
export async function createPartner(input: PartnerInput): Promise<Partner> {
  const now = new Date();
  const { id, ...fields } = cleanPartnerText(input);
  try {
    const doc = await PartnerModel.create({ _id: id, ...newPartnerFields(fields, now) });
    return toPartner(doc.toObject());
  } catch (err) {
    if (isDuplicateKey(err)) throw new Conflict('partner_exists', `le partenaire ${id} existe déjà`);
    throw err;
  }
}

export interface PartnerFilter {
  status?: 'active' | 'inactive';
  kind?: string;
  province?: string;
  ids?: string[];
}

const byName = new Intl.Collator('fr', { sensitivity: 'base' });

/** Lists partners, ordered by kind then name (French order). */
export async function listPartners(filter: PartnerFilter = {}): Promise<PartnerDoc[]> {
  const query: Record<string, unknown> = {};
  if (filter.status) query.status = filter.status;
  if (filter.kind) query.kind = filter.kind;
  if (filter.province) query['territory.province'] = filter.province;
  if (filter.ids) query._id = { $in: filter.ids };
  const docs = await PartnerModel.find(query).lean<PartnerDoc[]>();
  // Sorted here with French collation: the database would put "Bélep" after "Boulouparis".
  return docs.sort((a, b) => a.kind.localeCompare(b.kind) || byName.compare(a.name, b.name));
}

/** Finds one partner. */
export async function findPartner(id: string): Promise<PartnerDoc | undefined> {
  return (await PartnerModel.findById(id).lean<PartnerDoc>()) ?? undefined;
}

/** Applies a partial update (already validated); returns the new record, or undefined. */
export async function updatePartner(id: string, patch: Partial<PartnerInput>): Promise<Partner | undefined> {
  const { id: _ignored, ...fields } = cleanPartnerText(patch);
  const doc = await PartnerModel.findOneAndUpdate(
    { _id: id },
    { $set: { ...fields, updatedAt: new Date() } },
    { new: true, lean: true },
  );
  return doc ? toPartner(doc as PartnerDoc) : undefined;
}

/** Deletes a partner; true when it existed. */
export async function deletePartner(id: string): Promise<boolean> {
  const { deletedCount } = await PartnerModel.deleteOne({ _id: id });
  return deletedCount === 1;
}

/** Counts partners (used to decide whether to seed). */
export async function countPartners(): Promise<number> {
  return PartnerModel.estimatedDocumentCount();
}
