/**
 * Kinds of notification: who gets them and what they say. A kind is data; a domain that
 * notifies defines its own (issues 12 and 13 add theirs next to these) and calls
 * `notifications.notify(kind, {partnerId, key, data})`.
 */
import type { Role } from '../../schemas/index.js';

export interface NotificationText {
  /** One French line: the console's list and the e-mail's subject. */
  title: string;
  /** French plain text: the e-mail's body and the console's detail. */
  body: string;
  /** A path under /console where the matter is handled. */
  link?: string;
}

export interface NotificationKind<Data> {
  /** Stable name, stored with each notification: source-failing… */
  kind: string;
  /** How the console names the kind (filter, badge). */
  label: string;
  /** The partner's agents with these roles receive it (platform admins see every notification in the console). */
  roles: readonly Role[];
  render(data: Data): NotificationText;
}

/** The registry the console reads labels from; defineNotificationKind adds to it. */
export const NOTIFICATION_KINDS = new Map<string, NotificationKind<never>>();

/** Declares a kind (once, at module load) and returns it. */
export function defineNotificationKind<Data>(kind: NotificationKind<Data>): NotificationKind<Data> {
  NOTIFICATION_KINDS.set(kind.kind, kind as NotificationKind<never>);
  return kind;
}

export interface SourceHealthData {
  sourceId: string;
  sourceName: string;
  url: string;
  partnerName: string;
  failures: number;
  message?: string;
}

export const SOURCE_FAILING = defineNotificationKind<SourceHealthData>({
  kind: 'source-failing',
  label: 'Source en échec',
  roles: ['partner-admin'],
  render: (d) => ({
    title: `Source en échec : ${d.sourceName}`,
    body: [
      `La source « ${d.sourceName} » de ${d.partnerName} a échoué ${d.failures} fois de suite.`,
      `Adresse : ${d.url}`,
      `Dernière erreur : ${d.message ?? 'inconnue'}.`,
      'Ses contenus déjà publiés restent en ligne ; les autres sources ne sont pas touchées.',
    ].join('\n'),
    link: `/console/sources/${d.sourceId}`,
  }),
});

export const SOURCE_RECOVERED = defineNotificationKind<SourceHealthData>({
  kind: 'source-recovered',
  label: 'Source rétablie',
  roles: ['partner-admin'],
  render: (d) => ({
    title: `Source rétablie : ${d.sourceName}`,
    body: [
      `La source « ${d.sourceName} » de ${d.partnerName} est de nouveau lue correctement.`,
      `Adresse : ${d.url}`,
    ].join('\n'),
    link: `/console/sources/${d.sourceId}`,
  }),
});

export interface ModerationDigestData {
  partnerName: string;
  awaiting: number;
}

export const MODERATION_DIGEST = defineNotificationKind<ModerationDigestData>({
  kind: 'moderation-digest',
  label: 'Modération en attente',
  roles: ['partner-admin', 'moderator'],
  render: (d) => {
    const n = d.awaiting;
    const what = n > 1 ? `${n} commentaires attendent` : 'Un commentaire attend';
    return {
      title: `${what} votre modération`,
      body: `${what} la modération de ${d.partnerName} : commentaires en attente ou masqués après des signalements.`,
      link: '/console/moderation',
    };
  },
});
