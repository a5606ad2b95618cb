/**
 * What agents hear of a lab, through the console's notifications (listed, and e-mailed when
 * SMTP_URL is set): a review asked of their partner, an approval given (the lead partner),
 * approvals voided by a new revision, a comment on a section their partner wrote, and the
 * due date three days ahead. Each is stored once under its key, so a retried event or a
 * second hub running the daily check never tells anyone twice.
 */
import { defineNotificationKind, type Notifications } from '../notifications/index.js';
import type { LabEvent } from './events.js';
import type { LabDoc } from './lab-model.js';
import { listLabs } from './labs.js';
import { summarizeLab } from './views.js';

interface LabNotice {
  labId: string;
  title: string;
  /** Who did it (an agent's name), when someone did. */
  by?: string;
  revision?: number;
  dueDate?: string;
}

const EDITORS = ['partner-admin', 'editor'] as const;
const link = (d: LabNotice) => `/console/ateliers/${d.labId}`;

export const LAB_REVIEW_REQUESTED = defineNotificationKind<LabNotice>({
  kind: 'lab-review-requested',
  label: 'Atelier à relire',
  roles: [...EDITORS],
  render: (d) => ({
    title: `Relecture demandée : « ${d.title} »`,
    body: `${d.by ?? 'Un agent'} demande la relecture de la version ${d.revision ?? ''} de l’atelier « ${d.title} ». Votre partenaire doit l’approuver avant la publication.`,
    link: link(d),
  }),
});

export const LAB_APPROVAL_GIVEN = defineNotificationKind<LabNotice & { partnerName: string }>({
  kind: 'lab-approval-given',
  label: 'Approbation d’atelier',
  roles: [...EDITORS],
  render: (d) => ({
    title: `${d.partnerName} approuve « ${d.title} »`,
    body: `${d.by ?? 'Un agent'} (${d.partnerName}) a approuvé la version ${d.revision ?? ''} de l’atelier « ${d.title} ».`,
    link: link(d),
  }),
});

export const LAB_APPROVALS_VOIDED = defineNotificationKind<LabNotice>({
  kind: 'lab-approvals-voided',
  label: 'Approbation d’atelier annulée',
  roles: [...EDITORS],
  render: (d) => ({
    title: `Nouvelle version de « ${d.title} » : approbation à renouveler`,
    body: `${d.by ?? 'Un agent'} a enregistré la version ${d.revision ?? ''} de l’atelier « ${d.title} ». L’approbation de votre partenaire porte sur une version antérieure : relisez et approuvez de nouveau.`,
    link: link(d),
  }),
});

export const LAB_COMMENTED = defineNotificationKind<LabNotice & { section?: string }>({
  kind: 'lab-commented',
  label: 'Commentaire d’atelier',
  roles: [...EDITORS],
  render: (d) => ({
    title: `Commentaire sur « ${d.title} »`,
    body: `${d.by ?? 'Un agent'} a commenté ${d.section ? `la section « ${d.section} »` : 'le document'} de l’atelier « ${d.title} », rédigée par votre partenaire.`,
    link: link(d),
  }),
});

export const LAB_DUE_SOON = defineNotificationKind<LabNotice>({
  kind: 'lab-due-soon',
  label: 'Échéance d’atelier',
  roles: [...EDITORS],
  render: (d) => ({
    title: `Échéance le ${d.dueDate ?? ''} : « ${d.title} »`,
    body: `L’atelier « ${d.title} » doit être publié au plus tard le ${d.dueDate ?? ''} (dans trois jours ou moins) et ne l’est pas encore.`,
    link: link(d),
  }),
});

const notice = (lab: LabDoc, extra: Partial<LabNotice> = {}): LabNotice => ({
  labId: lab._id,
  title: lab.title,
  ...(lab.dueDate ? { dueDate: lab.dueDate } : {}),
  ...extra,
});

/** The labs' `onEvent`: each event to the partners concerned by it, never to the one who acted. */
export function notifyLabEvent(
  notifications: Pick<Notifications, 'notify'>,
  partnerName: (id: string) => string | undefined,
): (event: LabEvent) => Promise<void> {
  return async (event) => {
    const { lab, by } = event;
    const others = (ids: readonly string[]) => ids.filter((id) => id !== by.partnerId);
    if (event.type === 'review-requested') {
      const revision = lab.revision;
      for (const partnerId of others(lab.partnerIds))
        await notifications.notify(LAB_REVIEW_REQUESTED, {
          partnerId,
          key: `lab-review:${lab._id}:${revision}:${partnerId}`,
          data: notice(lab, { by: by.name, revision }),
        });
    } else if (event.type === 'approval-given') {
      const lead = lab.partnerIds[0];
      if (!lead || lead === event.partnerId) return;
      await notifications.notify(LAB_APPROVAL_GIVEN, {
        partnerId: lead,
        key: `lab-approved:${lab._id}:${event.revision}:${event.partnerId}`,
        data: {
          ...notice(lab, { by: by.name, revision: event.revision }),
          partnerName: partnerName(event.partnerId) ?? event.partnerId,
        },
      });
    } else if (event.type === 'approvals-voided') {
      for (const partnerId of others(event.partnerIds))
        await notifications.notify(LAB_APPROVALS_VOIDED, {
          partnerId,
          key: `lab-voided:${lab._id}:${event.revision}:${partnerId}`,
          data: notice(lab, { by: by.name, revision: event.revision }),
        });
    } else if (event.partnerId && event.partnerId !== by.partnerId) {
      await notifications.notify(LAB_COMMENTED, {
        partnerId: event.partnerId,
        key: `lab-comment:${event.commentId}`,
        data: { ...notice(lab, { by: by.name }), ...(event.section ? { section: event.section } : {}) },
      });
    }
  };
}

/** The YYYY-MM-DD day `days` after `at` (dates of labs are calendar days). */
function dayAfter(at: Date, days: number): string {
  return new Date(at.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The daily check: every lab neither published nor abandoned whose due date falls within
 * three days tells each concerned partner, once per lab and due date.
 */
export async function notifyLabsDueSoon(
  notifications: Pick<Notifications, 'notify'>,
  at = new Date(),
): Promise<number> {
  const today = dayAfter(at, 0);
  const horizon = dayAfter(at, 3);
  let told = 0;
  for (const lab of await listLabs()) {
    if (!lab.dueDate || lab.dueDate < today || lab.dueDate > horizon || lab.stage === 'abandonne') continue;
    if ((await summarizeLab(lab)).status === 'publie') continue;
    for (const partnerId of lab.partnerIds) {
      const sent = await notifications.notify(LAB_DUE_SOON, {
        partnerId,
        key: `lab-due:${lab._id}:${lab.dueDate}:${partnerId}`,
        data: notice(lab),
      });
      if (sent) told += 1;
    }
  }
  return told;
}
