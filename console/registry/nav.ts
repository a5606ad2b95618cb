/**
 * The console's navigation: one entry per screen, shown to the roles whose capability
 * allows it, with an optional counter. A later screen adds its entry to NAV_ENTRIES
 * (console/README.md).
 */
import { can, type Capability } from '../access.js';
import type { TodoContext } from './todo.js';
import { TODO_PROVIDERS } from './todo.js';
import { wishesAwaiting } from './todo-wishes.js';

export interface NavEntry {
  id: string;
  label: string | ((ctx: TodoContext) => string);
  href: string | ((ctx: TodoContext) => string);
  capability: Capability;
  /** The counter after the label (0: none), and what it counts for screen readers. */
  count?: (ctx: TodoContext, memo: CountMemo) => Promise<number>;
  countLabel?: string;
}

/**
 * Counts computed once per page, shared by the entries that show the same figure, and held
 * a second across pages of the same role and partner (registry/held-counts.ts): a key names
 * everything its count depends on beyond the role and the partner.
 */
export type CountMemo = (key: string, compute: () => Promise<number>) => Promise<number>;

/** What awaits this viewer, summed over the providers it may see. */
export async function countTodo(ctx: TodoContext, memo: CountMemo): Promise<number> {
  const visible = TODO_PROVIDERS.filter((p) => can(ctx.viewer.role, p.capability));
  const counts = await Promise.all(visible.map((p) => memo(`todo:${p.id}`, () => p.count(ctx))));
  return counts.reduce((a, b) => a + b, 0);
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  { id: 'todo', label: 'À traiter', href: '/console', capability: 'home', count: countTodo, countLabel: 'à traiter' },
  { id: 'sources', label: 'Sources', href: '/console/sources', capability: 'sources' },
  { id: 'contents', label: 'Contenus', href: '/console/contenus', capability: 'contents' },
  { id: 'labs', label: 'Ateliers', href: '/console/ateliers', capability: 'labs' },
  {
    id: 'links',
    label: 'Liens cassés',
    href: '/console/liens',
    capability: 'contents',
    count: (ctx, memo) => {
      const provider = TODO_PROVIDERS.find((p) => p.id === 'broken-links');
      return provider ? memo(`todo:${provider.id}`, () => provider.count(ctx)) : Promise.resolve(0);
    },
    countLabel: 'cassés',
  },
  {
    id: 'moderation',
    label: 'Modération',
    href: '/console/moderation',
    capability: 'moderation',
    count: (ctx, memo) => {
      const provider = TODO_PROVIDERS.find((p) => p.id === 'comments-awaiting');
      return provider ? memo(`todo:${provider.id}`, () => provider.count(ctx)) : Promise.resolve(0);
    },
    countLabel: 'en attente',
  },
  {
    id: 'wishes',
    label: 'Souhaits',
    href: '/console/souhaits',
    capability: 'wishes',
    count: (ctx, memo) => memo('todo:wishes-awaiting', () => wishesAwaiting.count(ctx)),
    countLabel: 'à traiter',
  },
  { id: 'feedback', label: 'Avis sur les pages', href: '/console/avis', capability: 'feedback' },
  {
    id: 'partner',
    label: ({ viewer }) => (viewer.partnerId ? 'Partenaire' : 'Partenaires'),
    href: ({ viewer }) => (viewer.partnerId ? `/console/partenaires/${viewer.partnerId}` : '/console/partenaires'),
    capability: 'partner',
  },
  { id: 'services', label: 'Démarches en ligne', href: '/console/demarches', capability: 'services' },
  { id: 'accounts', label: 'Comptes et jetons', href: '/console/comptes', capability: 'accounts' },
  { id: 'audit', label: 'Journal', href: '/console/journal', capability: 'audit' },
  { id: 'synonyms', label: 'Synonymes', href: '/console/recherche/synonymes', capability: 'search' },
  {
    id: 'notifications',
    label: 'Notifications',
    href: '/console/notifications',
    capability: 'home',
    count: ({ viewer, deps }, memo) =>
      // Per agent: since the agent last opened the notifications.
      memo(`notifications:${viewer.agent.notificationsSeenAt?.getTime() ?? 0}`, () =>
        deps.notifications.countSince(
          { role: viewer.role, ...(viewer.partnerId ? { partnerId: viewer.partnerId } : {}) },
          viewer.agent.notificationsSeenAt,
        ),
      ),
    countLabel: 'nouvelles',
  },
];
