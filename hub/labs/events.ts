/**
 * What happens in a lab that agents should hear of: review asked, an approval given or
 * voided by a new revision, a comment on a section someone wrote. The routes report them
 * through `LabDeps.onEvent`; the wiring turns them into the console's notifications.
 */
import type { LabDoc } from './lab-model.js';
import { renderDocument } from './markdown.js';
import type { Actor } from './record-models.js';
import { listRevisions, loadRevision } from './revisions.js';

export type LabEvent =
  | { type: 'review-requested'; lab: LabDoc; by: Actor }
  | { type: 'approval-given'; lab: LabDoc; revision: number; partnerId: string; by: Actor }
  | { type: 'approvals-voided'; lab: LabDoc; revision: number; partnerIds: string[]; by: Actor }
  | { type: 'commented'; lab: LabDoc; commentId: string; section?: string; partnerId?: string; by: Actor };

const sectionHtml = (body: string, slug: string) => renderDocument(body).sections.find((s) => s.slug === slug)?.html;

/**
 * Who wrote a section last: walking back from the latest revision while the section reads
 * the same, the author of the earliest revision of that run.
 */
export async function findSectionAuthor(labId: string, slug: string): Promise<Actor | undefined> {
  const numbers = (await listRevisions(labId)).map((r) => r.number).reverse();
  let author: Actor | undefined;
  let current: string | undefined;
  for (const n of numbers) {
    const revision = await loadRevision(labId, n);
    const html = sectionHtml(revision.body, slug);
    if (author && html !== current) break;
    if (html === undefined) break;
    current = html;
    author = revision.author;
  }
  return author;
}
