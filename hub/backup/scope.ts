/**
 * What a backup holds: every collection of the database except these, each left out for
 * a reason written here (and in the README). A collection added later is backed up
 * unless it is listed: forgetting to list an ephemeral collection costs space, forgetting
 * a real one would lose data.
 */
export const NOT_BACKED_UP: Readonly<Record<string, string>> = {
  search_index: 'derived: the search index is rebuilt from the items at the first start (and it is the largest)',
  search_index_claims: 'which hub builds the next full search index; rebuilt from the items anyway',
  item_changes:
    'the changes every hub lays over the stored search index; the restored world has no stored index (its first start builds one from the items)',
  claims:
    'leases of the processes that were running sources; they do not exist in the restored world (each source keeps its own generation)',
  migration_claims: 'leases of a migration being applied; the record of applied migrations (migrations) is kept',
  link_check_claims: 'leases of a link check being run; the links and the last run (link_check_state) are kept',
  rate_hits: 'rate-limit windows of at most a few minutes, keyed by address hashes',
  image_sources: "derived: partners' images fetched again on demand (a cache, and large)",
  image_variants: 'derived: resized copies of the cached images, made again on demand',
  ip_salts:
    'the daily salts of address hashes must disappear after 2 days (privacy); a backup would keep them, so stored hashes could be traced back to addresses',
};

/** Collections to back up, among the names listed in the database (sorted). */
export function selectCollections(names: string[]): string[] {
  return names.filter((n) => !n.startsWith('system.') && !(n in NOT_BACKED_UP)).sort();
}

/** Derived collections a restore empties, so that the hub rebuilds them from the restored data. */
export const DERIVED_COLLECTIONS = ['search_index'] as const;
