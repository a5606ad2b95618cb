/** GET /console — « À traiter »: what awaits this agent, most urgent first, from every provider. */
import type { Context } from 'koa';
import { h } from 'preact';
import { sendPage } from '../../hub/ui/index.js';
import { can } from '../access.js';
import { buildChrome, countMemo, todoContext } from '../chrome.js';
import type { ConsoleDeps } from '../deps.js';
import { getViewer } from '../http/viewer.js';
import { HomePage, type TodoSection } from '../pages/home-page.js';
import { heldRows } from '../registry/held-counts.js';
import { TODO_PROVIDERS } from '../registry/todo.js';

const ROWS_PER_SECTION = 10;

export function serveHome(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const todo = todoContext(ctx, deps);
    const providers = TODO_PROVIDERS.filter((p) => can(todo.viewer.role, p.capability));
    // The same counts as the navigation's (started by prefetchChrome): one query each.
    const memo = countMemo(ctx);
    // The rows held like the counts, per role and partner (registry/held-counts.ts); a
    // section's count and rows are read side by side.
    const scope = `${getViewer(ctx).role}|${todo.partnerId ?? ''}`;
    const [chrome, sections] = await Promise.all([
      buildChrome(ctx, deps, 'todo'),
      Promise.all(
        providers.map(async (p): Promise<TodoSection> => {
          const [total, rows] = await Promise.all([
            memo(`todo:${p.id}`, () => p.count(todo)),
            heldRows(`todo:${p.id}|${scope}`, () => p.rows(todo, ROWS_PER_SECTION)),
          ]);
          return { id: p.id, title: p.title, total, rows: [...rows], ...(p.more ? { more: p.more } : {}) };
        }),
      ),
    ]);
    await sendPage(ctx, h(HomePage, { chrome, sections, platform: !todo.partnerId }), { cacheControl: 'no-store' });
  };
}
