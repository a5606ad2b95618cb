/**
 * Numbered revisions. A save names the revision it started from (baseRevision) and
 * inserts revision base + 1 under a unique _id: of two saves from the same base exactly
 * one insert succeeds; the other gets 409 revision_conflict with both texts to merge.
 */
import type { LabRevisionInput } from '../../schemas/index.js';
import { isDuplicateKey } from '../db/index.js';
import { Conflict, DomainError, InvalidInput, NotFound } from '../domain-errors.js';
import { noteRevision } from './labs.js';
import type { LabDoc } from './lab-model.js';
import { RevisionModel, type Actor, type RevisionDoc } from './record-models.js';

/** The _id of revision `n` of a lab. */
export const revisionId = (labId: string, n: number) => `${labId}:${n}`;

/** Revision `n` of a lab, or undefined. */
export async function findRevision(labId: string, n: number): Promise<RevisionDoc | undefined> {
  if (!Number.isInteger(n) || n < 1) return undefined;
  return (await RevisionModel.findById(revisionId(labId, n)).lean<RevisionDoc>()) ?? undefined;
}

/** Revision `n`; 404 otherwise. */
export async function loadRevision(labId: string, n: number): Promise<RevisionDoc> {
  const doc = await findRevision(labId, n);
  if (!doc) throw new NotFound(`la révision ${n}`);
  return doc;
}

/**
 * The latest revision: from the lab's hint, then forward by _id while a next one exists
 * (lookups by _id alone, the ones FerretDB answers without a scan).
 */
export async function findLatestRevision(lab: Pick<LabDoc, '_id' | 'revision'>): Promise<RevisionDoc | undefined> {
  let latest = await findRevision(lab._id, lab.revision);
  for (let n = lab.revision + 1; ; n++) {
    const next = await findRevision(lab._id, n);
    if (!next) return latest;
    latest = next;
  }
}

/** Every revision of a lab without its body, oldest first. */
export async function listRevisions(labId: string): Promise<Omit<RevisionDoc, 'body'>[]> {
  return RevisionModel.find({ labId }, { body: 0 }).sort({ number: 1 }).lean<Omit<RevisionDoc, 'body'>[]>();
}

function staleSave(yours: string, baseRevision: number, theirs: RevisionDoc): DomainError {
  return new DomainError(
    'conflict',
    'revision_conflict',
    `la révision ${theirs.number} a été enregistrée par ${theirs.author.name} depuis la révision ${baseRevision} que vous modifiiez : fusionnez les deux textes puis enregistrez de nouveau`,
    {
      title: 'Version périmée',
      extra: {
        baseRevision,
        latestRevision: theirs.number,
        yours,
        theirs: theirs.body,
        theirsAuthor: theirs.author,
        theirsNote: theirs.note ?? null,
        theirsAt: theirs.createdAt.toISOString(),
      },
    },
  );
}

export interface SaveResult {
  revision: RevisionDoc;
  /** True when the text was the same as the latest revision's: nothing was written. */
  unchanged: boolean;
}

/** Saves a new revision, or refuses a stale one (409 revision_conflict). */
export async function saveRevision(lab: LabDoc, input: LabRevisionInput, author: Actor): Promise<SaveResult> {
  if (lab.stage === 'abandonne')
    throw new Conflict('lab_abandoned', "l'atelier est abandonné : reprenez-le avant de le modifier");
  const body = input.body.replace(/\r\n?/g, '\n');
  const latest = await findLatestRevision(lab);
  const latestNumber = latest?.number ?? 0;
  if (input.baseRevision > latestNumber) {
    throw new InvalidInput([{ field: 'baseRevision', message: `la dernière révision est la ${latestNumber}` }]);
  }
  if (latest && input.baseRevision < latestNumber) throw staleSave(body, input.baseRevision, latest);
  if (latest && latest.body === body) return { revision: latest, unchanged: true };
  const at = new Date();
  const number = input.baseRevision + 1;
  const note = input.note?.trim();
  const doc: RevisionDoc = {
    _id: revisionId(lab._id, number),
    labId: lab._id,
    number,
    body,
    ...(note ? { note } : {}),
    author,
    createdAt: at,
  };
  try {
    await RevisionModel.create(doc);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const winner = await findLatestRevision({ _id: lab._id, revision: number });
    throw staleSave(body, input.baseRevision, winner ?? doc);
  }
  await noteRevision(lab._id, number, at);
  return { revision: doc, unchanged: false };
}
