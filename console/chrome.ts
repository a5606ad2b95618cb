/**
 * What every signed-in page shows around its content: the navigation with its counters,
 * the agent's name and role, the sign-out form's token, the message left by the last
 * action (flash), and the address of the console's script.
 */
import type { Context, Middleware } from 'koa';
import { takeFlash, type SessionDoc } from '../hub/accounts/index.js';
import type { NavLink } from '../hub/ui/index.js';
import { can, ROLE_LABELS } from './access.js';
import { getConsoleScript } from './client/script.js';
import type { ConsoleDeps } from './deps.js';
import { getViewer } from './http/viewer.js';
import { heldCount } from './registry/held-counts.js';
import { NAV_ENTRIES, type CountMemo } from './registry/nav.js';
import type { TodoContext } from './registry/todo.js';

export type Flash = NonNullable<SessionDoc['flash']>;

export interface Chrome {
  nav: NavLink[];
  user: { name: string; role: string; partnerName?: string };
  csrf: string;
  flash?: Flash;
  scriptHref: string;
}

/** The context providers and counters read: the viewer, the hub, the partner shown. */
export function todoContext(ctx: Context, deps: ConsoleDeps): TodoContext {
  const viewer = getViewer(ctx);
  const partners = deps.catalog.partners.current();
  return {
    viewer,
    deps,
    partnerId: viewer.partnerId,
    partnerName: (id) => partners.get(id)?.name ?? id,
  };
}

/**
 * The request's counts (the navigation, « À traiter »), each taken once a request from the
 * counts held in memory for the viewer's role and partner (registry/held-counts.ts: at most
 * 2 s old, dropped by this process's writes).
 */
export function countMemo(ctx: Context): CountMemo {
  const cache = (ctx.state.counts ??= new Map<string, Promise<number>>()) as Map<string, Promise<number>>;
  const { role, partnerId } = getViewer(ctx);
  const scope = `${role}|${partnerId ?? ''}`;
  return (key, compute) => {
    let value = cache.get(key);
    // A mongoose query is a thenable run at each then(): made a promise, it runs once.
    if (!value) cache.set(key, (value = heldCount(`${key}|${scope}`, compute)));
    return value;
  };
}

/** The counter of a navigation entry: a sum of held counts (never held itself, not to add their ages). */
const navCount = (entry: (typeof NAV_ENTRIES)[number], todo: TodoContext, memo: CountMemo) =>
  entry.count ? entry.count(todo, memo) : Promise.resolve(0);

/**
 * Starts the navigation's counters of a GET page as soon as the agent is known, so that
 * those not held in memory run beside the page's own reads instead of after them
 * (buildChrome takes them from the request's memo).
 */
export function prefetchChrome(deps: ConsoleDeps): Middleware {
  return async function prefetch(ctx: Context, next): Promise<void> {
    if (ctx.method === 'GET') {
      const todo = todoContext(ctx, deps);
      const memo = countMemo(ctx);
      for (const entry of NAV_ENTRIES)
        if (can(todo.viewer.role, entry.capability))
          // The page awaits (and reports) a failure; this branch only keeps it from being unhandled.
          navCount(entry, todo, memo).catch(() => undefined);
    }
    await next();
  };
}

/** Builds the chrome of a page whose navigation entry is `current`. */
export async function buildChrome(ctx: Context, deps: ConsoleDeps, current: string): Promise<Chrome> {
  const todo = todoContext(ctx, deps);
  const { viewer } = todo;
  const memo = countMemo(ctx);
  const entries = NAV_ENTRIES.filter((e) => can(viewer.role, e.capability));
  const [counts, flash, script] = await Promise.all([
    Promise.all(entries.map((e) => navCount(e, todo, memo))),
    takeFlash(viewer.session),
    getConsoleScript(),
  ]);
  const nav = entries.map((e, i) => ({
    label: typeof e.label === 'function' ? e.label(todo) : e.label,
    href: typeof e.href === 'function' ? e.href(todo) : e.href,
    current: e.id === current,
    ...(counts[i] ? { count: counts[i], ...(e.countLabel ? { countLabel: e.countLabel } : {}) } : {}),
  }));
  return {
    nav,
    user: {
      name: viewer.agent.name,
      role: ROLE_LABELS[viewer.role],
      ...(viewer.partnerId ? { partnerName: todo.partnerName(viewer.partnerId) } : {}),
    },
    csrf: viewer.session.csrf,
    ...(flash ? { flash } : {}),
    scriptHref: script.href,
  };
}
