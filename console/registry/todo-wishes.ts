/**
 * « À traiter »: wishes awaiting the agent — for the platform, those to moderate; for a
 * partner, those assigned to it that have no answer yet.
 */
import type { TodoProvider } from './todo.js';

export const wishesAwaiting: TodoProvider = {
  id: 'wishes-awaiting',
  title: 'Souhaits à traiter',
  capability: 'wishes',
  count: ({ viewer, deps }) => deps.voice.countAwaitingWishes(viewer.principal),
  async rows({ viewer, deps }, limit) {
    const platform = viewer.role === 'platform-admin';
    const { wishes } = await deps.voice.listAdminWishes(viewer.principal, { awaiting: true, page: 1, limit });
    return wishes.map((w) => ({
      title: `« ${w.title} »`,
      href: `/console/souhaits/${w.id}`,
      reason: platform
        ? w.moderation === 'hidden'
          ? 'Masqué après des signalements : à revoir'
          : 'En attente de modération'
        : `Confié à votre partenaire, sans réponse (${w.supports} soutien${w.supports > 1 ? 's' : ''})`,
      ...(w.partners.length ? { partnerName: w.partners.map((p) => p.name).join(', ') } : {}),
      since: w.createdAt,
      severity: 'info' as const,
    }));
  },
  more: { label: 'Tous les souhaits à traiter', href: '/console/souhaits' },
};
