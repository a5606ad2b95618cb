/**
 * Approvals: a concerned partner approves one revision. Only approvals of the latest
 * revision count, so any new revision voids the earlier ones without touching them (they
 * stay in the history). One approval per partner and revision: a unique insert.
 */
import { isDuplicateKey } from '../db/index.js';
import { Conflict, InvalidInput } from '../domain-errors.js';
import { setItemUnreviewedBy } from '../items/index.js';
import type { LabDoc } from './lab-model.js';
import { ApprovalModel, PublicationModel, type Actor, type ApprovalDoc, type PublicationDoc } from './record-models.js';
import { findLatestRevision } from './revisions.js';

/** The approvals of one revision, in the order of the lab's partners. */
export async function listApprovals(lab: LabDoc, revision: number): Promise<ApprovalDoc[]> {
  if (revision < 1) return [];
  const docs = await ApprovalModel.find({ labId: lab._id, revision }).lean<ApprovalDoc[]>();
  return lab.partnerIds.flatMap((p) => docs.filter((d) => d.partnerId === p));
}

/** Every approval ever given on the lab, newest revision first. */
export async function listApprovalHistory(labId: string): Promise<ApprovalDoc[]> {
  return ApprovalModel.find({ labId }).sort({ revision: -1, at: 1 }).lean<ApprovalDoc[]>();
}

/** The concerned partners without an approval among `approvals`. */
export function missingPartners(lab: LabDoc, approvals: Pick<ApprovalDoc, 'partnerId'>[]): string[] {
  const given = new Set(approvals.map((a) => a.partnerId));
  return lab.partnerIds.filter((p) => !given.has(p));
}

/** The publications of a lab, oldest first. */
export async function listPublications(labId: string): Promise<PublicationDoc[]> {
  return PublicationModel.find({ labId }).sort({ at: 1 }).lean<PublicationDoc[]>();
}

/**
 * Records `partnerId`'s approval of `revision`, which must be the latest. Approving twice
 * is harmless (the first approval stands). When that revision is the published one, the
 * item's « non relu par » mark loses this partner.
 */
export async function approveRevision(
  lab: LabDoc,
  revision: number,
  partnerId: string,
  by: Actor,
): Promise<{ approval: ApprovalDoc; created: boolean; itemChanged: boolean }> {
  if (lab.stage === 'abandonne') throw new Conflict('lab_abandoned', "l'atelier est abandonné");
  const latest = await findLatestRevision(lab);
  if (!latest) throw new InvalidInput([{ field: 'revision', message: "le document n'a encore aucune révision" }]);
  if (revision !== latest.number) {
    throw new Conflict(
      'revision_outdated',
      `la révision ${revision} n'est plus la dernière : relisez la révision ${latest.number} avant d'approuver`,
    );
  }
  const approval: ApprovalDoc = {
    _id: `${lab._id}:${revision}:${partnerId}`,
    labId: lab._id,
    revision,
    partnerId,
    by,
    at: new Date(),
  };
  try {
    await ApprovalModel.create(approval);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await ApprovalModel.findById(approval._id).lean<ApprovalDoc>();
    return { approval: existing ?? approval, created: false, itemChanged: false };
  }
  const published = (await listPublications(lab._id)).at(-1);
  if (published?.revision !== revision) return { approval, created: true, itemChanged: false };
  await setItemUnreviewedBy(published.itemId, missingPartners(lab, await listApprovals(lab, revision)));
  return { approval, created: true, itemChanged: true };
}

/** The latest revision every concerned partner approved, or undefined. */
export async function findLastApprovedRevision(lab: LabDoc): Promise<number | undefined> {
  const counts = new Map<number, Set<string>>();
  for (const a of await listApprovalHistory(lab._id)) {
    if (!lab.partnerIds.includes(a.partnerId)) continue;
    counts.set(a.revision, (counts.get(a.revision) ?? new Set()).add(a.partnerId));
  }
  const full = [...counts].filter(([, partners]) => partners.size === lab.partnerIds.length).map(([n]) => n);
  return full.length ? Math.max(...full) : undefined;
}
