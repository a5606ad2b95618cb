/**
 * Comments anchored to a section of the document (or to the whole of it), with one level
 * of replies and a resolved state. Plain text: the console escapes them.
 */
import { randomBytes } from 'node:crypto';
import type { LabCommentInput } from '../../schemas/index.js';
import { InvalidInput, NotFound } from '../domain-errors.js';
import type { LabDoc } from './lab-model.js';
import { listSectionSlugs } from './markdown.js';
import type { Actor } from './record-models.js';
import { findLatestRevision } from './revisions.js';
import { LabCommentModel, type LabCommentDoc } from './social-models.js';

function cleanBody(body: string): string {
  const text = body
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!text) throw new InvalidInput([{ field: 'body', message: 'le commentaire est vide' }]);
  return text;
}

async function findTopLevel(lab: LabDoc, parentId: string): Promise<LabCommentDoc> {
  const parent = await LabCommentModel.findById(parentId).lean<LabCommentDoc>();
  if (!parent || parent.labId !== lab._id)
    throw new InvalidInput([{ field: 'parentId', message: 'commentaire introuvable dans cet atelier' }]);
  if (!parent.parentId) return parent;
  return findTopLevel(lab, parent.parentId);
}

/** Adds a comment or a reply (a reply takes its thread's section). */
export async function addComment(lab: LabDoc, input: LabCommentInput, author: Actor): Promise<LabCommentDoc> {
  const body = cleanBody(input.body);
  const latest = await findLatestRevision(lab);
  let section = input.section;
  let parentId: string | null = null;
  if (input.parentId) {
    const top = await findTopLevel(lab, input.parentId);
    parentId = top._id;
    section = top.section;
  } else if (section && !listSectionSlugs(latest?.body ?? '').includes(section)) {
    throw new InvalidInput([{ field: 'section', message: "cette section n'existe pas dans la dernière révision" }]);
  }
  const doc: LabCommentDoc = {
    _id: randomBytes(12).toString('base64url'),
    labId: lab._id,
    ...(section ? { section } : {}),
    parentId,
    body,
    author,
    revision: latest?.number ?? 0,
    createdAt: new Date(),
  };
  await LabCommentModel.create(doc);
  return doc;
}

/** The comment `id` of the lab; 404 otherwise. */
export async function loadComment(lab: LabDoc, id: string): Promise<LabCommentDoc> {
  const doc = /^[A-Za-z0-9_-]{8,40}$/.test(id) ? await LabCommentModel.findById(id).lean<LabCommentDoc>() : null;
  if (!doc || doc.labId !== lab._id) throw new NotFound(`le commentaire ${id}`);
  return doc;
}

/** Marks a thread resolved (or open again). Replies follow their thread. */
export async function resolveComment(comment: LabCommentDoc, resolved: boolean, by: Actor): Promise<LabCommentDoc> {
  if (comment.parentId)
    throw new InvalidInput([{ field: 'resolved', message: 'on résout une discussion depuis son premier commentaire' }]);
  const update = resolved ? { $set: { resolved: { by, at: new Date() } } } : { $unset: { resolved: '' } };
  await LabCommentModel.updateOne({ _id: comment._id }, update);
  return { ...comment, ...(resolved ? { resolved: { by, at: new Date() } } : { resolved: undefined }) };
}

export interface CommentThread extends LabCommentDoc {
  replies: LabCommentDoc[];
}

/** The lab's threads, oldest first, each with its replies. */
export async function listCommentThreads(labId: string): Promise<CommentThread[]> {
  const docs = await LabCommentModel.find({ labId }).sort({ createdAt: 1, _id: 1 }).lean<LabCommentDoc[]>();
  const threads = docs.filter((d) => !d.parentId).map((d) => ({ ...d, replies: [] as LabCommentDoc[] }));
  const byId = new Map(threads.map((t) => [t._id, t]));
  for (const reply of docs) if (reply.parentId) byId.get(reply.parentId)?.replies.push(reply);
  return threads;
}
