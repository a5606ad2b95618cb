/**
 * Platform admins' synonyms in MongoDB (`search_synonyms`), on top of the shipped list
 * (hub/search/thesaurus): a stored entry adds a synonym, or — under a shipped entry's id —
 * replaces it (`terms`) or switches it off (`disabled`). A version token (`meta`
 * `search-synonyms`) changes with every write; hub processes poll it and reload the list, so
 * a change reaches every process within a poll without touching the search index.
 */
import { randomBytes } from 'node:crypto';
import { Schema, model } from 'mongoose';
import type { SynonymInput } from '../../schemas/index.js';
import { getShippedSynonyms, type SynonymEntry } from '../search/index.js';

interface SynonymDoc {
  _id: string;
  terms: string[];
  oneWay: boolean;
  /** A shipped entry switched off. */
  disabled: boolean;
  updatedAt: Date;
  updatedBy?: string;
}

interface VersionDoc {
  _id: string;
  version: string;
  changedAt: Date;
}

const SynonymModel = model<SynonymDoc>(
  'SearchSynonym',
  new Schema<SynonymDoc>(
    {
      _id: String,
      terms: { type: [String], required: true },
      oneWay: { type: Boolean, default: false },
      disabled: { type: Boolean, default: false },
      updatedAt: { type: Date, required: true },
      updatedBy: String,
    },
    { versionKey: false },
  ),
  'search_synonyms',
);

const VersionModel = model<VersionDoc>(
  'SearchSynonymsVersion',
  new Schema<VersionDoc>({ _id: String, version: String, changedAt: Date }, { versionKey: false }),
  'meta',
);

const VERSION_ID = 'search-synonyms';
export const ADMIN_SOURCE = 'administrateur de la plateforme';

/** One entry as the admin API shows it. */
export interface SynonymView {
  id: string;
  terms: string[];
  oneWay: boolean;
  origin: 'shipped' | 'admin';
  /** false: a shipped entry switched off. */
  enabled: boolean;
  /** Provenance of a shipped entry, or the admin. */
  source: string;
  /** A shipped entry changed by an admin. */
  modified: boolean;
  updatedAt?: string;
}

/** The current version token ('0' before any change). */
export async function getSynonymsVersion(): Promise<string> {
  const doc = await VersionModel.findById(VERSION_ID).lean<VersionDoc>();
  return doc?.version ?? '0';
}

/** A fresh random token: two concurrent $set always leave one that differs from before (see data-version.ts). */
async function bumpVersion(): Promise<string> {
  const version = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
  await VersionModel.updateOne({ _id: VERSION_ID }, { $set: { version, changedAt: new Date() } }, { upsert: true });
  return version;
}

/** Every entry, shipped ones first (with admins' changes applied), then admins' own. */
export async function listSynonyms(): Promise<SynonymView[]> {
  const stored = new Map((await SynonymModel.find().lean<SynonymDoc[]>()).map((d) => [d._id, d]));
  const views: SynonymView[] = getShippedSynonyms().map((entry) => {
    const doc = stored.get(entry.id);
    stored.delete(entry.id);
    return {
      id: entry.id,
      terms: doc && !doc.disabled ? doc.terms : entry.terms,
      oneWay: doc && !doc.disabled ? doc.oneWay : entry.oneWay,
      origin: 'shipped',
      enabled: !doc?.disabled,
      source: entry.source,
      modified: Boolean(doc),
      ...(doc ? { updatedAt: doc.updatedAt.toISOString() } : {}),
    };
  });
  for (const doc of stored.values())
    views.push({
      id: doc._id,
      terms: doc.terms,
      oneWay: doc.oneWay,
      origin: 'admin',
      enabled: !doc.disabled,
      source: ADMIN_SOURCE,
      modified: false,
      updatedAt: doc.updatedAt.toISOString(),
    });
  return views;
}

/** The entries queries are expanded with. */
export async function loadActiveSynonyms(): Promise<SynonymEntry[]> {
  return (await listSynonyms())
    .filter((v) => v.enabled)
    .map(({ id, terms, oneWay, source }) => ({ id, terms, oneWay, source }));
}

function isShipped(id: string): boolean {
  return getShippedSynonyms().some((e) => e.id === id);
}

/** Adds an admin entry; returns its id. */
export async function createSynonym(input: SynonymInput, by: string): Promise<string> {
  const id = `syn-${randomBytes(6).toString('hex')}`;
  await SynonymModel.create({
    _id: id,
    terms: input.terms,
    oneWay: input.oneWay ?? false,
    updatedAt: new Date(),
    updatedBy: by,
  });
  await bumpVersion();
  return id;
}

/** Replaces an entry's terms (a shipped one is overridden); false when the id is unknown. */
export async function updateSynonym(id: string, input: SynonymInput, by: string): Promise<boolean> {
  if (!isShipped(id) && !(await SynonymModel.exists({ _id: id }))) return false;
  await SynonymModel.updateOne(
    { _id: id },
    {
      $set: {
        terms: input.terms,
        oneWay: input.oneWay ?? false,
        disabled: false,
        updatedAt: new Date(),
        updatedBy: by,
      },
    },
    { upsert: true },
  );
  await bumpVersion();
  return true;
}

/** Deletes an admin entry, or switches a shipped one off; false when the id is unknown. */
export async function deleteSynonym(id: string, by: string): Promise<boolean> {
  if (isShipped(id)) {
    const shipped = getShippedSynonyms().find((e) => e.id === id)!;
    await SynonymModel.updateOne(
      { _id: id },
      { $set: { terms: shipped.terms, oneWay: shipped.oneWay, disabled: true, updatedAt: new Date(), updatedBy: by } },
      { upsert: true },
    );
  } else if ((await SynonymModel.deleteOne({ _id: id })).deletedCount === 0) return false;
  await bumpVersion();
  return true;
}

/** Puts a shipped entry back as shipped (drops the admins' change); false for other ids. */
export async function restoreSynonym(id: string): Promise<boolean> {
  if (!isShipped(id)) return false;
  await SynonymModel.deleteOne({ _id: id });
  await bumpVersion();
  return true;
}
