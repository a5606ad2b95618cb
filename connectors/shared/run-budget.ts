/**
 * Budgets of one run rather than of one request: a JSON API paginating through 200 pages
 * of 15 MB each is stopped once the run has read its bytes, and a listing of 120,000
 * entries is cut at the entries a run may take.
 */
import type { RunBudget, RunLimit } from './connector-types.js';
import { ConnectorError } from './errors.js';
import type { Fetcher } from './fetcher/index.js';

/** A fetcher that refuses to read more than maxBytes over all the requests of one run. */
export function limitRunBytes(fetcher: Fetcher, maxBytes: number): Fetcher {
  let used = 0;
  return {
    async fetch(request) {
      const left = maxBytes - used;
      if (left <= 0)
        throw new ConnectorError('too_large', `fetcher: the run's byte budget (${maxBytes} bytes) is spent`, {
          url: request.url,
          runBudget: true,
        });
      const response = await fetcher.fetch({ ...request, limitBytes: Math.min(left, request.limitBytes ?? left) });
      used += response.body.length;
      return response;
    },
    // The wrapped fetcher is the process's: one run does not close it.
    close: async () => undefined,
  };
}

/** The first `max` entries and how many were left (all of them when max is undefined). */
export function takeEntries<T>(entries: T[], max: number | undefined): { taken: T[]; omitted: number } {
  if (max === undefined || entries.length <= max) return { taken: entries, omitted: 0 };
  return { taken: entries.slice(0, max), omitted: entries.length - max };
}

const NUMBER = new Intl.NumberFormat('fr-NC', { maximumFractionDigits: 1 });

/** Why a run is partial although nothing failed: the budget reached, in French for the agents. */
export interface RunNoticeShape {
  code: RunLimit;
  message: string;
}

/** The French notice of a listing cut short by a budget, or undefined when none was reached. */
export function describeRunLimit(
  result: { stoppedBy?: RunLimit; omitted?: number },
  budget: RunBudget,
): RunNoticeShape | undefined {
  if (result.stoppedBy === 'max_items') {
    const max = NUMBER.format(budget.maxItems ?? 0);
    const left = NUMBER.format(result.omitted ?? 0);
    return {
      code: 'max_items',
      message: `la source publie plus de ${max} contenus, le maximum d'une collecte : les ${max} premiers ont été pris, ${left} laissés de côté, et aucun contenu n'a été retiré (RUN_MAX_ITEMS)`,
    };
  }
  if (result.stoppedBy === 'max_bytes') {
    const mib = NUMBER.format((budget.maxBytes ?? 0) / 1048576);
    return {
      code: 'max_bytes',
      message: `les pages de la source dépassent ${mib} Mio pour une collecte : la lecture s'est arrêtée là, les pages lues ont été prises et aucun contenu n'a été retiré (RUN_MAX_BYTES)`,
    };
  }
  return undefined;
}
