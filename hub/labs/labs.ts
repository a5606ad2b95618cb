/** Creating, finding and listing labs. */
import { randomBytes } from 'node:crypto';
import type { FieldError, LabInput } from '../../schemas/index.js';
import { InvalidInput, NotFound } from '../domain-errors.js';
import { findPartner } from '../partners/index.js';
import { LabModel, type LabDoc } from './lab-model.js';
import type { Actor } from './record-models.js';

const LAB_ID = /^[a-f0-9]{12}$/;

/** The lab with this id; 404 otherwise. */
export async function loadLab(id: string): Promise<LabDoc> {
  const doc = LAB_ID.test(id) ? await LabModel.findById(id).lean<LabDoc>() : null;
  if (!doc) throw new NotFound(`l'atelier ${id}`);
  return doc;
}

async function checkPartners(partnerIds: string[]): Promise<void> {
  const errors: FieldError[] = [];
  for (const [i, id] of partnerIds.entries()) {
    if (!(await findPartner(id))) errors.push({ field: `partnerIds/${i}`, message: `partenaire inconnu : ${id}` });
  }
  if (errors.length) throw new InvalidInput(errors);
}

/** Creates a lab at revision 0 (an empty document), in the brouillon stage. */
export async function createLab(input: LabInput, by: Actor, at = new Date()): Promise<LabDoc> {
  await checkPartners(input.partnerIds);
  const doc: LabDoc = {
    _id: randomBytes(6).toString('hex'),
    title: input.title.trim(),
    partnerIds: input.partnerIds,
    type: input.type ?? 'procedure',
    audience: input.audience ?? [],
    topics: input.topics ?? [],
    ...(input.territory ? { territory: input.territory } : {}),
    ...(input.dueDate ? { dueDate: input.dueDate } : {}),
    ...(input.wishId ? { wishId: input.wishId } : {}),
    stage: 'brouillon',
    revision: 0,
    createdBy: by,
    createdAt: at,
    updatedAt: at,
  };
  await LabModel.create(doc);
  return doc;
}

/** Every lab, most recently changed first; optionally those a partner is concerned by. */
export async function listLabs(partnerId?: string): Promise<LabDoc[]> {
  return LabModel.find(partnerId ? { partnerIds: partnerId } : {})
    .sort({ updatedAt: -1 })
    .lean<LabDoc[]>();
}

/** Sets the agents' stage (review asked, abandoned, taken back). */
export async function setLabStage(lab: LabDoc, stage: LabDoc['stage'], at = new Date()): Promise<void> {
  await LabModel.updateOne({ _id: lab._id }, { $set: { stage, updatedAt: at } });
}

/** Raises the revision hint after a save (never lowers it: a slower writer may come last). */
export async function noteRevision(labId: string, number: number, at: Date): Promise<void> {
  await LabModel.updateOne({ _id: labId, revision: { $lt: number } }, { $set: { revision: number, updatedAt: at } });
}
