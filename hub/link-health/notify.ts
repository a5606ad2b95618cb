/** The notification a partner's agents get when links of theirs become broken. */
import { defineNotificationKind, type Notifications } from '../notifications/index.js';
import type { LinkDoc } from './link-model.js';

export interface LinksBrokenData {
  partnerName: string;
  /** The links of this partner that this run turned broken. */
  links: Array<{ url: string; reason: string; what: string }>;
}

const KIND_WORDS = { service: 'service en ligne', item: 'page de contenu', partner: 'site du partenaire' } as const;

export const LINKS_BROKEN = defineNotificationKind<LinksBrokenData>({
  kind: 'links-broken',
  label: 'Liens cassés',
  roles: ['partner-admin', 'editor'],
  render: (d) => {
    const n = d.links.length;
    const shown = d.links.slice(0, 20);
    return {
      title: n > 1 ? `${n} liens ne répondent plus` : `Un lien ne répond plus : ${d.links[0]?.what ?? ''}`,
      body: [
        `${n > 1 ? `${n} adresses` : 'Une adresse'} de ${d.partnerName} ${n > 1 ? 'ont' : 'a'} échoué à deux vérifications de suite :`,
        ...shown.map((l) => `- ${l.what} : ${l.url} (${l.reason})`),
        ...(n > shown.length ? [`… et ${n - shown.length} autres.`] : []),
        'Les services concernés sont signalés « indisponibles » sur le portail jusqu’à ce qu’ils répondent de nouveau.',
      ].join('\n'),
      link: '/console/liens',
    };
  },
});

/** The notification's data for one partner's newly broken links. */
export function describeBrokenLinks(
  partnerId: string,
  partnerName: string,
  links: readonly LinkDoc[],
): LinksBrokenData {
  return {
    partnerName,
    links: links.map((l) => {
      const ref = l.refs.find((r) => r.partnerId === partnerId) ?? l.refs[0];
      return {
        url: l.url,
        reason: l.error?.message ?? 'échec',
        what: ref ? `${KIND_WORDS[ref.kind]} « ${ref.label} »` : 'adresse',
      };
    }),
  };
}

/** Groups newly broken links by owning partner (a link named by two partners goes to both). */
export function groupByPartner(links: readonly LinkDoc[]): Map<string, LinkDoc[]> {
  const groups = new Map<string, LinkDoc[]>();
  for (const link of links)
    for (const partnerId of link.partnerIds) groups.set(partnerId, [...(groups.get(partnerId) ?? []), link]);
  return groups;
}

/** The `notify` of createLinkHealth: one notification per partner and run (stored once, e-mailed when SMTP is set). */
export function notifyBrokenLinks(
  notifications: Pick<Notifications, 'notify'>,
  partnerName: (id: string) => string | undefined,
): (partnerId: string, links: LinkDoc[], runId: string) => Promise<void> {
  return async (partnerId, links, runId) => {
    await notifications.notify(LINKS_BROKEN, {
      partnerId,
      key: `links-broken:${partnerId}:${runId}`,
      data: describeBrokenLinks(partnerId, partnerName(partnerId) ?? partnerId, links),
    });
  };
}
