/**
 * Active partners kept in memory for search, listings and feeds; reloaded every minute, and
 * at once when the items' change log names a partner edit (hub/catalog search-runtime.ts).
 */
import { listPartners, type PartnerDoc } from '../partners/index.js';

export interface DirectoryEntry {
  id: string;
  name: string;
  shortName?: string;
  kind: string;
  province?: string;
  communeCode?: string;
  website?: string;
  description?: string;
}

/** After a failed reload, the next attempt waits this long. */
const RETRY_MS = 10_000;

export class PartnerDirectory {
  private entries = new Map<string, DirectoryEntry>();
  private loadedAt = 0;
  private version = '';
  private loading: Promise<void> | undefined;
  /**
   * Partners whose entry a reload found changed, not yet announced by this process nor
   * applied from the log: true when a field the search index holds changed.
   */
  private unannounced = new Map<string, boolean>();

  constructor(private readonly maxAgeMs = 60_000) {}

  /** Reloads now. */
  async reload(): Promise<void> {
    const docs = await listPartners({ status: 'active' });
    const before = this.entries;
    this.entries = new Map(
      docs.map((d: PartnerDoc) => [
        d._id,
        {
          id: d._id,
          name: d.name,
          kind: d.kind,
          ...(d.shortName ? { shortName: d.shortName } : {}),
          ...(d.territory?.province ? { province: d.territory.province } : {}),
          ...(d.territory?.communeCode ? { communeCode: d.territory.communeCode } : {}),
          ...(d.website ? { website: d.website } : {}),
          ...(d.description ? { description: d.description } : {}),
        },
      ]),
    );
    this.version = String(Math.max(0, ...docs.map((d) => d.updatedAt.getTime()))) + `:${docs.length}`;
    this.loadedAt = Date.now();
    // Every reload compares, not only the one after an edit: a reload that a request started
    // between the edit and its announcement would otherwise hide the change.
    if (!before.size) return;
    for (const id of changedEntries(before, this.entries))
      this.unannounced.set(
        id,
        this.unannounced.get(id) === true || indexedChanged(before.get(id), this.entries.get(id)),
      );
  }

  /**
   * The partners found changed since the last call (the edit this process is about to
   * announce): all of them, and those whose items the search index must take again.
   */
  takeChanged(): { changed: string[]; indexed: string[] } {
    const changed = [...this.unannounced.keys()];
    const indexed = changed.filter((id) => this.unannounced.get(id));
    this.unannounced.clear();
    return { changed, indexed };
  }

  /** These partners' changes were announced by another process and applied here. */
  settle(ids: Iterable<string>): void {
    for (const id of ids) this.unannounced.delete(id);
  }

  /**
   * The entries, reloaded first when older than maxAgeMs. A failed reload (database away)
   * keeps those already loaded, tried again 10 s later: search and feeds go on answering
   * from memory meanwhile.
   */
  async get(): Promise<ReadonlyMap<string, DirectoryEntry>> {
    if (Date.now() - this.loadedAt > this.maxAgeMs) {
      this.loading ??= this.reload().finally(() => (this.loading = undefined));
      try {
        await this.loading;
      } catch (err) {
        if (!this.entries.size) throw err;
        this.loadedAt = Date.now() - this.maxAgeMs + RETRY_MS;
      }
    }
    return this.entries;
  }

  /** Changes whenever a partner's name, site or status changes (after the next reload). */
  async getVersion(): Promise<string> {
    await this.get();
    return this.version;
  }

  /** The entries as last loaded, without waiting. */
  current(): ReadonlyMap<string, DirectoryEntry> {
    return this.entries;
  }
}

/** Partners added, removed or changed between two loads. */
export function changedEntries(
  before: ReadonlyMap<string, DirectoryEntry>,
  after: ReadonlyMap<string, DirectoryEntry>,
): string[] {
  const ids = new Set([...before.keys(), ...after.keys()]);
  return [...ids].filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)));
}

/** The fields of an entry that the search index holds (hub/search PartnerInfo); presence counts. */
const INDEXED_FIELDS = ['name', 'shortName', 'kind', 'province', 'communeCode'] as const;

function indexedChanged(a: DirectoryEntry | undefined, b: DirectoryEntry | undefined): boolean {
  if (!a || !b) return a !== b;
  return INDEXED_FIELDS.some((f) => a[f] !== b[f]);
}
