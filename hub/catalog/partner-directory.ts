/** Active partners kept in memory for search, listings and feeds; reloaded every minute. */
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

  constructor(private readonly maxAgeMs = 60_000) {}

  /** Reloads now. */
  async reload(): Promise<void> {
    const docs = await listPartners({ status: 'active' });
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
