/** « À traiter »: labs in review awaiting the approval of the agent's partner. */
import { listLabs, summarizeLab, type LabSummary } from '../../hub/labs/index.js';
import type { TodoProvider } from './todo.js';

/** The labs in review where `partnerId` has not approved the latest revision, earliest due first. */
export async function findLabsAwaitingApproval(partnerId: string): Promise<LabSummary[]> {
  const summaries = await Promise.all((await listLabs(partnerId)).map(summarizeLab));
  return summaries
    .filter((l) => l.status === 'en-relecture' && l.missingApprovals.includes(partnerId))
    .map(({ latest: _latest, publications: _publications, ...lab }) => lab)
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
}

export const labsAwaitingApproval: TodoProvider = {
  id: 'labs-awaiting',
  title: 'Ateliers à approuver',
  capability: 'labs',
  async count({ partnerId }) {
    return partnerId ? (await findLabsAwaitingApproval(partnerId)).length : 0;
  },
  async rows({ partnerId, partnerName }, limit) {
    if (!partnerId) return [];
    return (await findLabsAwaitingApproval(partnerId)).slice(0, limit).map((lab) => ({
      title: lab.title,
      href: `/console/ateliers/${lab.id}`,
      reason: `Révision ${lab.revision} à relire et approuver pour ${partnerName(partnerId)}`,
      since: lab.updatedAt,
      severity: 'info' as const,
    }));
  },
  more: { label: 'Tous les ateliers à traiter', href: '/console/ateliers?vue=a-traiter' },
};
