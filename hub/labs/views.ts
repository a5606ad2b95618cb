/** The API shapes of a lab and its records (dates as ISO strings, `id` for `_id`). */
import type { Principal } from '../auth/index.js';
import { findAuthoredItem } from '../items/index.js';
import { permissionsOf, type LabPermissions } from './access.js';
import { listApprovals, listPublications, missingPartners } from './approvals.js';
import type { CommentThread } from './comments.js';
import { deriveStatus, type LabStatus } from './lab-status.js';
import type { LabDoc } from './lab-model.js';
import { renderDocument, type Section } from './markdown.js';
import { isMember } from './people.js';
import type { ApprovalDoc, PublicationDoc, RevisionDoc } from './record-models.js';
import { findLatestRevision } from './revisions.js';
import type { LabCommentDoc } from './social-models.js';

export const toApprovalView = (a: ApprovalDoc) => ({
  partnerId: a.partnerId,
  revision: a.revision,
  by: a.by,
  at: a.at.toISOString(),
});

export const toPublicationView = (p: PublicationDoc) => ({
  revision: p.revision,
  itemId: p.itemId,
  note: p.note ?? null,
  forced: p.forced ?? null,
  by: p.by,
  at: p.at.toISOString(),
});

export const toRevisionSummary = (r: Omit<RevisionDoc, 'body'>) => ({
  number: r.number,
  note: r.note ?? null,
  author: r.author,
  createdAt: r.createdAt.toISOString(),
});

const toCommentView = (c: LabCommentDoc) => ({
  id: c._id,
  section: c.section ?? null,
  parentId: c.parentId,
  body: c.body,
  author: c.author,
  revision: c.revision,
  createdAt: c.createdAt.toISOString(),
  resolved: c.resolved ? { by: c.resolved.by, at: c.resolved.at.toISOString() } : null,
});

export const toThreadView = (t: CommentThread) => ({ ...toCommentView(t), replies: t.replies.map(toCommentView) });
export { toCommentView };

/** A lab with what its list shows: status, latest revision, approvals, missing partners. */
export interface LabSummary {
  id: string;
  title: string;
  partnerIds: string[];
  leadPartnerId: string;
  type: string;
  audience: string[];
  topics: string[];
  territory: LabDoc['territory'] | null;
  dueDate: string | null;
  wishId: string | null;
  status: LabStatus;
  revision: number;
  approvals: ReturnType<typeof toApprovalView>[];
  missingApprovals: string[];
  publishedRevision: number | null;
  itemId: string | null;
  createdBy: LabDoc['createdBy'];
  createdAt: string;
  updatedAt: string;
}

/** The lab's summary, from its records. */
export async function summarizeLab(
  lab: LabDoc,
): Promise<LabSummary & { latest?: RevisionDoc; publications: PublicationDoc[] }> {
  const latest = await findLatestRevision(lab);
  const revision = latest?.number ?? 0;
  const approvals = await listApprovals(lab, revision);
  const missing = missingPartners(lab, approvals);
  const publications = await listPublications(lab._id);
  const published = publications.at(-1);
  return {
    id: lab._id,
    title: lab.title,
    partnerIds: lab.partnerIds,
    leadPartnerId: lab.partnerIds[0] as string,
    type: lab.type,
    audience: lab.audience,
    topics: lab.topics,
    territory: lab.territory ?? null,
    dueDate: lab.dueDate ?? null,
    wishId: lab.wishId ?? null,
    status: deriveStatus(lab, {
      latestRevision: revision,
      missing,
      ...(published ? { publishedRevision: published.revision } : {}),
    }),
    revision,
    approvals: approvals.map(toApprovalView),
    missingApprovals: missing,
    publishedRevision: published?.revision ?? null,
    itemId: published?.itemId ?? null,
    createdBy: lab.createdBy,
    createdAt: lab.createdAt.toISOString(),
    // The lab's hint may lag behind a concurrent save: the latest revision's date wins.
    updatedAt: new Date(Math.max(lab.updatedAt.getTime(), latest?.createdAt.getTime() ?? 0)).toISOString(),
    latest,
    publications,
  };
}

/** The whole lab as one agent reads it: the latest document, its sections, publications, permissions. */
export interface LabView extends LabSummary {
  body: string;
  html: string;
  sections: Section[];
  note: string | null;
  lastAuthor: RevisionDoc['author'] | null;
  publications: ReturnType<typeof toPublicationView>[];
  unreviewedBy: string[];
  permissions: LabPermissions;
}

/** The lab for `principal` (undefined for an outside reviewer: no permission beyond reading and commenting). */
export async function viewLab(lab: LabDoc, principal?: Principal): Promise<LabView> {
  const { latest, publications, ...summary } = await summarizeLab(lab);
  const body = latest?.body ?? '';
  const doc = renderDocument(body);
  const item = summary.itemId ? await findAuthoredItem(summary.itemId) : undefined;
  const member = principal ? await isMember(lab._id, principal.tokenId) : false;
  return {
    ...summary,
    body,
    html: doc.html,
    sections: doc.sections,
    note: latest?.note ?? null,
    lastAuthor: latest?.author ?? null,
    publications: publications.map(toPublicationView),
    unreviewedBy: item?.unreviewedBy ?? [],
    permissions: principal
      ? permissionsOf(lab, principal, member)
      : { edit: false, approve: false, lead: false, forcePublish: false, invite: false },
  };
}
