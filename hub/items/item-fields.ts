/** ItemInput (strings for dates) to the stored fields (Dates), shared by insert and update. */
import type { ItemInput } from '../../schemas/index.js';
import { measureReadability } from '../readability/index.js';
import { ITEM_SCHEMA_VERSION, type ItemDoc } from './item-model.js';

type StoredFields = Omit<
  ItemDoc,
  '_id' | 'status' | 'revision' | 'firstSeenAt' | 'lastSeenAt' | 'withdrawnAt' | 'stats'
>;

const date = (s: string | undefined) => (s ? new Date(s) : undefined);

/** The fields an ingested item writes (undefined ones are unset on update). */
export function toItemFields(input: ItemInput): StoredFields {
  const { id: _id, publishedAt, updatedAt, event, ...rest } = input;
  return {
    ...rest,
    // Measured at every write of the text, so it always describes the stored version.
    readability: readabilityOf(input),
    // An update rewrites the whole shape, so the item is in the current version after it.
    schemaVersion: ITEM_SCHEMA_VERSION,
    publishedAt: date(publishedAt),
    updatedAt: date(updatedAt),
    event: event
      ? {
          start: new Date(event.start),
          ...(event.end ? { end: new Date(event.end) } : {}),
          ...(event.place ? { place: event.place } : {}),
        }
      : undefined,
  };
}

/** The readability of what a citizen reads: the content, or the summary when there is none. */
export function readabilityOf(input: Pick<ItemInput, 'content' | 'summary'>): ItemDoc['readability'] {
  const text = input.content || input.summary;
  return text ? measureReadability(text) : undefined;
}

/** Splits fields into $set and $unset parts so that a field the partner dropped disappears. */
export function splitSetUnset(
  fields: Record<string, unknown>,
  optional: readonly string[],
): { $set: Record<string, unknown>; $unset: Record<string, ''> } {
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, ''> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) $set[k] = v;
  for (const k of optional) if (fields[k] === undefined) $unset[k] = '';
  return { $set, $unset };
}

/** Item fields a connector may leave out. */
export const OPTIONAL_ITEM_FIELDS = [
  'summary',
  'content',
  'categories',
  'keywords',
  'localOffices',
  'serviceFacts',
  'links',
  'author',
  'publishedAt',
  'updatedAt',
  'event',
  'image',
  'enclosures',
  'readability',
] as const;
