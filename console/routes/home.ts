/** GET /console — « À traiter »: what awaits this agent, most urgent first, from every provider. */
import type { Context } from 'koa';
import { h } from 'preact';
import { sendPage } from '../../hub/ui/index.js';
import { can } from '../access.js';
import { buildChrome, countMemo, todoContext } from '../chrome.js';
import type { ConsoleDeps } from '../deps.js';
import { HomePage, type TodoSection } from '../pages/home-page.js';
import { TODO_PROVIDERS } from '../registry/todo.js';

const ROWS_PER_SECTION = 10;

export function serveHome(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const todo = todoContext(ctx, deps);
    const providers = TODO_PROVIDERS.filter((p) => can(todo.viewer.role, p.capability));
    // The same counts as the navigation's (started by prefetchChrome): one query each.
    const memo = countMemo(ctx);
    const [chrome, sections] = await Promise.all([
      buildChrome(ctx, deps, 'todo'),
      Promise.all(
        providers.map(async (p): Promise<TodoSection> => ({
          id: p.id,
          title: p.title,
          total: await memo(`todo:${p.id}`, () => p.count(todo)),
          rows: await p.rows(todo, ROWS_PER_SECTION),
          ...(p.more ? { more: p.more } : {}),
        })),
      ),
    ]);
    await sendPage(ctx, h(HomePage, { chrome, sections, platform: !todo.partnerId }), { cacheControl: 'no-store' });
  };
}
