/** « À traiter »: sources failing three times or more in a row, with their French reason. */
import { listSources } from '../../hub/sources/index.js';
import type { TodoProvider } from './todo.js';

export const failingSources: TodoProvider = {
  id: 'failing-sources',
  title: 'Sources en échec',
  capability: 'sources',
  async count({ partnerId }) {
    return (await listSources({ alerts: true, ...(partnerId ? { partnerId } : {}) })).length;
  },
  async rows({ partnerId, partnerName }, limit) {
    const sources = await listSources({ alerts: true, ...(partnerId ? { partnerId } : {}) });
    return sources
      .sort((a, b) => (a.state.alert?.since.getTime() ?? 0) - (b.state.alert?.since.getTime() ?? 0))
      .slice(0, limit)
      .map((s) => ({
        title: s.name ?? s.url,
        href: `/console/sources/${s._id}`,
        reason: s.state.alert?.message ?? 'échecs répétés',
        partnerName: partnerName(s.partnerId),
        ...(s.state.alert ? { since: s.state.alert.since.toISOString() } : {}),
        severity: 'alert' as const,
      }));
  },
  more: { label: 'Toutes les sources', href: '/console/sources?etat=echec' },
};
