/**
 * Items carry `schemaVersion`, the version of their stored shape. From now on a change to
 * the item's shape can be rolled out while older hubs serve: the migration converts the
 * documents still below the new version (found by this field, and resumable after a
 * crash), readers accept both versions meanwhile, and the old form is dropped only by a
 * later contract step, once no document and no running hub is below it.
 */
import { countItemsBySchemaVersion, stampItemsSchemaVersion } from '../../items/index.js';
import type { Migration } from '../types.js';

export const itemsSchemaVersion: Migration = {
  id: '001-items-schema-version',
  version: 1,
  description: 'items carry schemaVersion (the version of their stored shape)',
  async up({ progress }) {
    const before = await countItemsBySchemaVersion();
    progress(`migration 001-items-schema-version: items by version before: ${JSON.stringify(before)}`);
    return { items: await stampItemsSchemaVersion() };
  },
};
