/**
 * Items: the stored publications. Other folders read and write them only through these
 * named operations; the mongoose model stays here.
 */
export { ITEM_SCHEMA_VERSION, type ItemDoc } from './item-model.js';
export {
  countPartnerItems,
  findItem,
  findItemOwner,
  findItemsByIds,
  findItemTitles,
  findNewestItemId,
  findPublishedItem,
  listIndexableItems,
  readIndexableItems,
  toItem,
  withdrawSourceItems,
} from './items.js';
export {
  findKnownItems,
  insertItems,
  listKnownItems,
  updateItems,
  withdrawItems,
  type KnownItem,
} from './item-writes.js';
export { mapInSlices } from './time-slices.js';
export { findAuthoredItem, setItemUnreviewedBy, writeAuthoredItem, type AuthoredItem } from './authored-items.js';
export { readItemStats, scanItemStats, writeItemStats } from './item-stats.js';
export { bumpItemsVersion, getItemsVersion, getItemsVersionInfo } from './data-version.js';
export {
  findItemChangesHead,
  pruneItemChanges,
  readItemChanges,
  noteItemsChanged,
  noteEverythingChanged,
  type ItemChange,
} from './change-log.js';
export { announceItemStats, onItemStats, type ItemStats } from './stats-events.js';
export { countItemsBySchemaVersion, stampItemsSchemaVersion } from './schema-version.js';
export { restoreItem, withdrawItem } from './withdrawal.js';
export { listItemAddresses, type ItemAddress } from './item-addresses.js';
export { countSourceItems } from './partner-items.js';
export { type ListedItem, type PartnerItemQuery } from './listed-rows.js';
export {
  closeItemListing,
  countPublishedBySource,
  findListedItem,
  listPartnerItems,
  refreshItemListing,
} from './item-listing.js';
export { fillItemsReadability, listHardestToRead, type ReadabilityRow } from './readability.js';
export { listStoryMembers, markItemDetached, setItemStories, type StoryMember } from './item-stories.js';
