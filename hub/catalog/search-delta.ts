/**
 * The changes after a full search index, held by one process: each changed item's current
 * version (null: no longer published), or a document of the full index to index again
 * because its partner was edited. Built from the items' change log (hub/items
 * change-log.ts) and laid over the full index as an overlay (hub/search search-layered.ts).
 * search-runtime.ts decides when to read the log and when a full build replaces all this.
 */
import type { Item } from '../../schemas/index.js';
import { readIndexableItems, type ItemChange } from '../items/index.js';
import {
  buildOverlay,
  buildOverlayInSlices,
  RecentChanges,
  type Overlay,
  type SearchIndex,
  type StoryMemberRef,
} from '../search/index.js';
import { collapseStories } from '../stories/index.js';
import type { PartnerDirectory } from './partner-directory.js';

/** A changed item as the delta indexes it: a partner edit's item read back keeps the story members the full build gave it. */
type DeltaItem = Item & { alsoPublished?: StoryMemberRef[] };

/**
 * A change after the full index: the item's current version (null: not published), or
 * `relayOf` (its partner, item null): a document of the full index whose partner was edited,
 * indexed again from what the full index holds with the partner's current fields.
 */
interface Change {
  seq: number;
  item: DeltaItem | null;
  relayOf?: string;
}

/** What a batch of log entries asked for, once taken into the delta. */
export interface TakenEntries {
  /** The last entry's position. */
  last: number;
  /** Partners edited by the entries (their documents are laid over again). */
  partners: Set<string>;
  /** An entry said that anything may have changed: a full build is wanted. */
  everything: boolean;
  /** The newest stored full index an entry announced (0: none). */
  stored: number;
  /** Items named by the entries. */
  items: number;
  /** Items whose state an entry carried, items read back, documents laid over again. */
  carried: number;
  read: number;
  relaid: number;
  /** Relayed documents of a changed story, read back; a partner's documents left to a full build (too many). */
  readBack: number;
  leftToFullBuild: number;
  /** Whether the overlay must be built again (something changed in the delta). */
  changedDelta: boolean;
}

/** The partners' directory is reloaded before documents are laid over again. */
export interface SearchDeltaOptions {
  partners: PartnerDirectory;
  /** A partner edit lays that partner's documents over again up to this many; beyond, `everything`. */
  relayMax: number;
}

export class SearchDelta {
  /** The log entry the full index holds, and the last one applied over it. */
  baseSeq = 0;
  cursor = 0;
  /** Items changed after baseSeq, by id. */
  private readonly changed = new Map<string, Change>();
  /** The entries read lately: whether a state an entry carries is still the latest. */
  private readonly recent = new RecentChanges();

  constructor(private readonly options: SearchDeltaOptions) {}

  get size(): number {
    return this.changed.size;
  }

  /** A full index holding the log up to `position` is in place: the changes it holds are dropped. */
  rebase(position: number): void {
    this.baseSeq = position;
    this.cursor = Math.max(this.cursor, position);
    for (const [id, c] of this.changed) if (c.seq <= position) this.changed.delete(id);
  }

  /** The changes after the full index, laid over it; a story member an unchanged document shows stays inside it. */
  overlayOf(index: SearchIndex): Overlay | null {
    if (this.changed.size === 0) return null;
    return buildOverlay(
      index,
      this.overlayItems(index),
      this.changed.keys(),
      this.options.partners.current(),
      this.relayIds(),
    );
  }

  /** The same, in slices of the event loop: a catch-up's (a swap's overlay is built at once, with the swap). */
  async overlayInSlicesOf(index: SearchIndex): Promise<Overlay | null> {
    if (this.changed.size === 0) return null;
    return buildOverlayInSlices(
      index,
      this.overlayItems(index),
      [...this.changed.keys()],
      this.options.partners.current(),
      this.relayIds(),
    );
  }

  /**
   * Takes log entries into the delta over `base` (the full index served now): the states
   * they carry when no later write can have replaced them, the other items read back, and a
   * partner edit's documents of the full index to lay over again. `served` gives the full
   * index served at the time (a swap may happen while items are read).
   */
  async take(entries: readonly ItemChange[], served: () => SearchIndex | null): Promise<TakenEntries> {
    const ids = new Set<string>();
    const partners = new Set<string>();
    let everything = false;
    let directory = false;
    let stored = 0;
    for (const entry of entries) {
      for (const id of entry.ids) ids.add(id);
      for (const id of entry.partners ?? []) partners.add(id);
      everything ||= entry.everything === true;
      directory ||= entry.directory === true;
      if (entry.storedSeq !== undefined) stored = Math.max(stored, entry.storedSeq);
    }
    const last = entries[entries.length - 1]!.seq;
    if (everything || directory) {
      await this.options.partners.reload();
      this.options.partners.settle(partners);
    }
    const relay = partners.size ? this.partnerDocs(served(), partners, ids) : { relay: [], inDelta: false };
    let leftToFullBuild = 0;
    if (relay.relay.length > this.options.relayMax) {
      // Too many to index on the main thread: one full build (names, listings and feeds
      // already follow the reloaded partners).
      everything = true;
      leftToFullBuild = relay.relay.length;
      relay.relay = [];
    }
    const sorted = this.recent.sort(entries);
    const read = sorted.read.size ? await readIndexableItems([...sorted.read]) : new Map<string, Item | null>();
    for (const [id, item] of sorted.states) this.changed.set(id, { seq: last, item });
    for (const [id, item] of read) this.changed.set(id, { seq: last, item });
    // The partner's other documents: derived again from the full index, nothing read.
    for (const { id, partnerId } of relay.relay) this.changed.set(id, { seq: last, item: null, relayOf: partnerId });
    const readBack = await this.readBackStories(served());
    this.cursor = last;
    return {
      last,
      partners,
      everything,
      stored,
      items: ids.size,
      carried: sorted.states.size,
      read: read.size,
      relaid: relay.relay.length,
      readBack,
      leftToFullBuild,
      changedDelta: read.size > 0 || sorted.states.size > 0 || relay.relay.length > 0 || relay.inDelta,
    };
  }

  private relayIds(): string[] {
    return [...this.changed].flatMap(([id, c]) => (c.relayOf !== undefined ? [id] : []));
  }

  private overlayItems(index: SearchIndex): DeltaItem[] {
    const published = [...this.changed.values()].flatMap((c) => (c.item ? [c.item] : []));
    return collapseStories(published).filter(
      (item) =>
        !item.storyId || item.storyDetached || this.changed.has(item.storyId) || !index.docById.has(item.storyId),
    );
  }

  /**
   * The documents of the full index whose partner is one of `partners` (its name, kind and
   * territory are in their text and facets), to lay over it again, and whether the delta
   * holds such items or documents (indexed again with the current partners when the overlay
   * is rebuilt).
   */
  private partnerDocs(
    base: SearchIndex | null,
    partners: ReadonlySet<string>,
    listed: ReadonlySet<string>,
  ): { relay: { id: string; partnerId: string }[]; inDelta: boolean } {
    const relay: { id: string; partnerId: string }[] = [];
    if (base) {
      const { ids, partnerIds } = base.docs;
      for (let doc = 0; doc < ids.length; doc++) {
        const id = ids[doc]!;
        if (partners.has(partnerIds[doc]!) && !this.changed.has(id) && !listed.has(id))
          relay.push({ id, partnerId: partnerIds[doc]! });
      }
    }
    const inDelta = [...this.changed.values()].some((c) => partners.has(c.item?.partnerId ?? c.relayOf ?? ''));
    return { relay, inDelta };
  }

  /**
   * A relayed document standing for a story another of whose items changed: read back, as
   * the delta collapses the story again from both (its other members carried over, as the
   * full build collapsed them). Rare: a partner edit and a story member's change together.
   */
  private async readBackStories(base: SearchIndex | null): Promise<number> {
    if (!base) return 0;
    // The stories the changed items are in: their story ids and their own ids (a member's).
    const stories = new Set<string>();
    for (const c of this.changed.values())
      if (c.item && !c.item.storyDetached) stories.add(c.item.storyId ?? c.item.id).add(c.item.id);
    if (stories.size === 0) return 0;
    const inStory = (id: string) => {
      const doc = base.docById.get(id);
      const members = (doc === undefined ? null : base.docs.alsoPublished[doc]) ?? [];
      return [id, ...members.map((m) => m.id)].some((m) => stories.has(m));
    };
    const back = [...this.changed].filter(([id, c]) => c.relayOf !== undefined && inStory(id));
    if (back.length === 0) return 0;
    const read = await readIndexableItems(back.map(([id]) => id));
    for (const [id, { seq }] of back) {
      const item = read.get(id) ?? null;
      const doc = base.docById.get(id);
      const alsoPublished = doc === undefined ? null : base.docs.alsoPublished[doc];
      this.changed.set(id, { seq, item: item && alsoPublished ? { ...item, alsoPublished } : item });
    }
    return back.length;
  }
}
