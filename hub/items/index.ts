export { ItemModel, ITEM_SCHEMA_VERSION, type ItemDoc } from './item-model.js';
export { findItemsByIds, findPublishedItem, toItem, withdrawSourceItems } from './items.js';
export { bumpItemsVersion, getItemsVersion } from './data-version.js';
export { announceItemStats, onItemStats, type ItemStats } from './stats-events.js';
export { countItemsBySchemaVersion, stampItemsSchemaVersion } from './schema-version.js';
