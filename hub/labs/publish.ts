/**
 * Publishing: the latest revision becomes one Item, authored by every concerned partner
 * (the lead stays its partnerId). It needs every concerned partner's approval of that
 * revision; a platform admin may force it with a written reason, and the item then
 * carries « non relu par » the partners missing until they approve. A revision is
 * published once (a unique insert); each later publication adds a dated change note.
 */
import { createHash } from 'node:crypto';
import type { LabPublishInput } from '../../schemas/index.js';
import { isDuplicateKey } from '../db/index.js';
import { Conflict, DomainError, Forbidden, InvalidInput } from '../domain-errors.js';
import { writeAuthoredItem, type AuthoredItem } from '../items/index.js';
import { listApprovals, listPublications, missingPartners } from './approvals.js';
import type { LabEvent } from './events.js';
import type { LabDoc } from './lab-model.js';
import { renderDocument } from './markdown.js';
import { PublicationModel, type Actor, type PublicationDoc, type RevisionDoc } from './record-models.js';
import { findLatestRevision } from './revisions.js';

/** The stable id of a lab's item. */
export const labItemId = (labId: string) => `lab-${labId}`;

/** What the publication needs from the rest of the hub. */
export interface PublishDeps {
  /** The portal's address: the item's url is its page there (no partner page exists). */
  publicUrl: string;
  /** Items changed: search, feeds and widgets pick the item up. */
  onItemsChanged: () => Promise<void> | void;
  /** The lab answered a citizens' wish (closed as publie by the wishes' owner). */
  onWishAnswered?: (wishId: string, itemId: string) => Promise<void>;
  /** Something agents should hear of (notifications); errors are the listener's to log. */
  onEvent?: (event: LabEvent) => Promise<void>;
}

export interface PublishRequest {
  input: LabPublishInput;
  by: Actor;
  platformAdmin: boolean;
}

function checkForce(missing: string[], { input, platformAdmin }: PublishRequest): PublicationDoc['forced'] {
  if (!missing.length) return undefined;
  if (!input.force) {
    throw new DomainError(
      'conflict',
      'approvals_missing',
      `il manque l'approbation de la dernière révision par : ${missing.join(', ')}`,
      { title: 'Approbations manquantes', extra: { missing } },
    );
  }
  if (!platformAdmin)
    throw new Forbidden('seul un administrateur de la plateforme peut forcer une publication', 'force_forbidden');
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 10) {
    throw new InvalidInput([
      { field: 'reason', message: 'une publication forcée demande une raison écrite (10 caractères au moins)' },
    ]);
  }
  return { reason, missing };
}

function buildItem(
  lab: LabDoc,
  revision: RevisionDoc,
  history: PublicationDoc[],
  deps: PublishDeps,
  forced?: PublicationDoc['forced'],
): AuthoredItem {
  const id = labItemId(lab._id);
  const doc = renderDocument(revision.body);
  return {
    id,
    partnerId: lab.partnerIds[0] as string,
    coAuthors: lab.partnerIds,
    sourceId: 'labs',
    guid: lab._id,
    url: `${deps.publicUrl.replace(/\/$/, '')}/articles/${id}`,
    title: lab.title,
    summary: doc.summary,
    content: doc.html,
    type: lab.type,
    topics: lab.topics,
    audience: lab.audience,
    territory: lab.territory ?? { scope: 'nc' },
    contentHash: createHash('sha256').update(revision.body).digest('hex'),
    // The first publication has no note; every later one is a public « Mis à jour le … ».
    changeNotes: history.slice(1).map((p) => ({ date: p.at, note: p.note ?? '' })),
    unreviewedBy: forced?.missing ?? [],
  };
}

/** Publishes the latest revision; returns the publication. */
export async function publishLab(lab: LabDoc, request: PublishRequest, deps: PublishDeps): Promise<PublicationDoc> {
  if (lab.stage === 'abandonne') throw new Conflict('lab_abandoned', "l'atelier est abandonné");
  const latest = await findLatestRevision(lab);
  if (!latest) throw new Conflict('nothing_to_publish', "le document n'a encore aucune révision");
  const forced = checkForce(missingPartners(lab, await listApprovals(lab, latest.number)), request);
  const earlier = await listPublications(lab._id);
  const note = (request.input.note ?? latest.note ?? '').trim();
  if (earlier.length && !note) {
    throw new InvalidInput([
      { field: 'note', message: 'une mise à jour publiée demande une note de modification publique' },
    ]);
  }
  const publication: PublicationDoc = {
    _id: `${lab._id}:${latest.number}`,
    labId: lab._id,
    revision: latest.number,
    itemId: labItemId(lab._id),
    ...(note ? { note } : {}),
    ...(forced ? { forced } : {}),
    by: request.by,
    at: new Date(),
  };
  try {
    await PublicationModel.create(publication);
  } catch (err) {
    if (isDuplicateKey(err)) throw new Conflict('already_published', `la révision ${latest.number} est déjà publiée`);
    throw err;
  }
  try {
    await writeAuthoredItem(buildItem(lab, latest, [...earlier, publication], deps, forced), publication.at);
  } catch (err) {
    // Nothing half-written: without its item the publication did not happen.
    await PublicationModel.deleteOne({ _id: publication._id });
    throw err;
  }
  await deps.onItemsChanged();
  if (lab.wishId) await deps.onWishAnswered?.(lab.wishId, publication.itemId);
  return publication;
}
