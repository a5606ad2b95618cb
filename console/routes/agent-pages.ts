/**
 * Pages every agent has: notifications (what was mailed, listed so that nothing depends
 * on mail), the journal of changes (platform admins: all; partner admins: their partner's),
 * and their own account (sign out everywhere).
 */
import type { Context, Middleware } from 'koa';
import { markNotificationsSeen } from '../../hub/accounts/index.js';
import { listAudit } from '../../hub/audit/index.js';
import type { RouteGroup } from '../../hub/http/index.js';
import type { ConsoleDeps } from '../deps.js';
import { pageParam } from '../http/forms.js';
import { renderScreen } from '../http/respond.js';
import { addPage } from '../http/routes.js';
import { getViewer, requireCapability } from '../http/viewer.js';
import { AuditPage, MyAccountPage, NotificationsPage } from '../pages/agent-pages.js';

const PAGE_SIZE = 30;

function notifications(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const page = pageParam(ctx);
    const seenBefore = viewer.agent.notificationsSeenAt;
    const { total, notifications: list } = await deps.notifications.list(
      { role: viewer.role, ...(viewer.partnerId ? { partnerId: viewer.partnerId } : {}) },
      { page, limit: PAGE_SIZE },
    );
    // Seen once shown: the counter in the navigation goes back to zero from the next page on.
    await markNotificationsSeen(viewer.agent._id, new Date());
    viewer.agent.notificationsSeenAt = new Date();
    await renderScreen(ctx, deps, 'notifications', NotificationsPage, {
      notifications: list,
      seenBefore: seenBefore?.toISOString(),
      mailConfigured: deps.notifications.mailConfigured,
      page,
      pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    });
  };
}

function audit(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const page = pageParam(ctx);
    const { total, entries } = await listAudit({
      ...(viewer.partnerId ? { partnerId: viewer.partnerId } : {}),
      page,
      limit: PAGE_SIZE,
    });
    await renderScreen(ctx, deps, 'audit', AuditPage, {
      entries,
      page,
      pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    });
  };
}

function myAccount(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const { agent } = getViewer(ctx);
    await renderScreen(ctx, deps, '', MyAccountPage, { email: agent.email, name: agent.name });
  };
}

export function addAgentPages(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  const paging = { page: { description: 'Page' } };
  addPage(group, '/console/notifications', 'Les notifications de l’agent', paging, agent, notifications(deps));
  addPage(
    group,
    '/console/journal',
    'Le journal des modifications',
    paging,
    agent,
    requireCapability('audit'),
    audit(deps),
  );
  addPage(group, '/console/compte', 'Votre compte', undefined, agent, myAccount(deps));
}
