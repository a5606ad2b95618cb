/** GET /api/v1/admin/searches/unanswered: the week's searches without result, most frequent first. */
import type { Context } from 'koa';
import { requireRole } from '../../auth/index.js';
import { InvalidInput } from '../../domain-errors.js';
import { RouteGroup } from '../../http/index.js';
import { queryInteger, queryString } from '../../interaction/index.js';
import { isoWeek, weekStart } from './normalize.js';
import { listUnansweredSearches } from './search-misses.js';

/** The week asked (?week=2026-W49), or the current one; 400 for a malformed one. */
export function readWeek(raw: string | undefined, now: Date = new Date()): string {
  if (!raw) return isoWeek(now);
  if (!weekStart(raw))
    throw new InvalidInput([{ field: 'week', message: 'semaine ISO attendue, par exemple 2026-W49' }]);
  return raw;
}

export function searchMissRoutes(): RouteGroup {
  return new RouteGroup().add(
    {
      method: 'get',
      path: '/api/v1/admin/searches/unanswered',
      tag: 'admin',
      auth: 'bearer',
      summary: 'Searches that found nothing, per normalized query, for one ISO week — no visitor data',
      query: {
        week: { description: 'ISO week, e.g. 2026-W49 (default: the current week)' },
        limit: { description: '1 to 200 (default 50)' },
      },
      responses: {
        200: { description: '{queries: [{query, count, week}]}, most frequent first', schema: { type: 'object' } },
        400: { description: 'invalid_input (week)' },
      },
    },
    requireRole('platform-admin', 'partner-admin', 'editor'),
    async (ctx: Context) => {
      const week = readWeek(queryString(ctx, 'week'));
      ctx.body = { queries: await listUnansweredSearches(week, queryInteger(ctx, 'limit', 50, 1, 200)) };
    },
  );
}
