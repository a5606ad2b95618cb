/** « À traiter »: the partner's broken outbound links (hub/link-health), those broken longest first. */
import { countBrokenLinks, listLinks } from '../../hub/link-health/index.js';
import type { TodoProvider } from './todo.js';

const KIND_WORDS = { service: 'Service en ligne', item: 'Contenu', partner: 'Site du partenaire' } as const;

export const brokenLinks: TodoProvider = {
  id: 'broken-links',
  title: 'Liens cassés',
  capability: 'contents',
  count: ({ partnerId }) => countBrokenLinks(partnerId),
  async rows({ partnerId, partnerName }, limit) {
    const links = await listLinks({ status: 'broken', ...(partnerId ? { partnerId } : {}) });
    return links
      .sort((a, b) => (a.brokenSince?.getTime() ?? 0) - (b.brokenSince?.getTime() ?? 0))
      .slice(0, limit)
      .map((l) => {
        const ref = l.refs.find((r) => !partnerId || r.partnerId === partnerId) ?? l.refs[0];
        return {
          title: ref ? `${KIND_WORDS[ref.kind]} « ${ref.label} »` : l.url,
          href: `/console/liens${partnerId ? '' : `?partenaire=${encodeURIComponent(ref?.partnerId ?? '')}`}`,
          reason: `${l.url} — ${l.error?.message ?? 'ne répond plus'}`,
          ...(ref ? { partnerName: partnerName(ref.partnerId) } : {}),
          ...(l.brokenSince ? { since: new Date(l.brokenSince).toISOString() } : {}),
          severity: 'alert' as const,
        };
      });
  },
  more: { label: 'Tous les liens cassés', href: '/console/liens' },
};
