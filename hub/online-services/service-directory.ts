/**
 * The active services, analysed and held in memory for searches (a registry is hundreds to
 * a few thousand entries). Reloaded when a write in this process says so, and at most
 * `maxAgeMs` after a write made by another process.
 */
import { matchServices, prepareService, type PreparedService } from './match-services.js';
import { listServices } from './services.js';
import type { ServiceDoc } from './service-model.js';

export interface ServiceFilter {
  partnerIds?: string[];
  topics?: string[];
  audience?: string[];
  /** Services attached to this item. */
  itemId?: string;
  /** Services for this commune: the whole territory, its province, or listing it. */
  commune?: { code: string; province?: string };
}

export class ServiceDirectory {
  private prepared: PreparedService[] = [];
  private loadedAt = 0;
  private token = '';
  private loading: Promise<void> | undefined;

  constructor(private readonly maxAgeMs = 5_000) {}

  /** Forgets what it holds: the next read reloads. */
  invalidate(): void {
    this.loadedAt = 0;
  }

  /** Active services matching the filter and, when given, the query (best first; else by name). */
  async find(q: string, filter: ServiceFilter = {}): Promise<ServiceDoc[]> {
    await this.refresh();
    const kept = this.prepared.filter((s) => keep(s.doc, filter));
    return q.trim() ? matchServices(kept, q) : kept.map((s) => s.doc);
  }

  /** A token that changes when the active services do (pages cached by it: the portal's /demarches). */
  async version(): Promise<string> {
    await this.refresh();
    return this.token;
  }

  private async refresh(): Promise<void> {
    if (Date.now() - this.loadedAt < this.maxAgeMs) return;
    this.loading ??= listServices({ status: 'active' })
      .then((docs) => {
        this.prepared = docs.map(prepareService);
        this.token = `${docs.length}:${Math.max(0, ...docs.map((d) => d.updatedAt.getTime()))}`;
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = undefined;
      });
    await this.loading;
  }
}

function keep(doc: ServiceDoc, filter: ServiceFilter): boolean {
  if (filter.partnerIds?.length && !filter.partnerIds.includes(doc.partnerId)) return false;
  if (filter.topics?.length && !filter.topics.some((t) => doc.topics.includes(t))) return false;
  if (filter.audience?.length && !filter.audience.some((a) => doc.audience.includes(a as never))) return false;
  if (filter.itemId && !doc.itemIds.includes(filter.itemId)) return false;
  if (filter.commune) {
    const { scope, province, communes } = doc.territory;
    if (scope === 'province' && province !== filter.commune.province) return false;
    if (scope === 'commune' && !communes?.includes(filter.commune.code)) return false;
  }
  return true;
}
