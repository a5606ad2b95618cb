/**
 * The people around a lab: agents asking to join (the lead partner decides), outside
 * reviewers invited by link (read and comment, 14 days, revocable) and who has the lab
 * open now (pings every 30 s; silent for a minute means gone).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { LabReviewerInput } from '../../schemas/index.js';
import { isDuplicateKey } from '../db/index.js';
import { Conflict, NotFound } from '../domain-errors.js';
import type { LabDoc } from './lab-model.js';
import type { Actor } from './record-models.js';
import {
  MembershipModel,
  PresenceModel,
  ReviewerModel,
  type MembershipDoc,
  type PresenceDoc,
  type ReviewerDoc,
} from './social-models.js';

export const REVIEWER_LINK_DAYS = 14;
export const PRESENCE_WINDOW_MS = 60_000;

/** An agent's request to join; asking again returns the request already made. */
export async function requestMembership(lab: LabDoc, agent: Actor): Promise<MembershipDoc> {
  const doc: MembershipDoc = {
    _id: `${lab._id}:${agent.id}`,
    labId: lab._id,
    agent,
    status: 'en-attente',
    requestedAt: new Date(),
  };
  try {
    await MembershipModel.create(doc);
    return doc;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return (await MembershipModel.findById(doc._id).lean<MembershipDoc>()) ?? doc;
  }
}

/** True when this agent's request to join the lab was accepted. */
export async function isMember(labId: string, agentId: string): Promise<boolean> {
  const doc = await MembershipModel.findById(`${labId}:${agentId}`).lean<MembershipDoc>();
  return doc?.status === 'accepte';
}

/** The lab's requests to join, oldest first. */
export async function listMemberships(labId: string): Promise<MembershipDoc[]> {
  return MembershipModel.find({ labId }).sort({ requestedAt: 1 }).lean<MembershipDoc[]>();
}

/** Accepts or declines a pending request. */
export async function decideMembership(lab: LabDoc, id: string, accept: boolean, by: Actor): Promise<MembershipDoc> {
  const doc = await MembershipModel.findById(id).lean<MembershipDoc>();
  if (!doc || doc.labId !== lab._id) throw new NotFound(`la demande ${id}`);
  if (doc.status !== 'en-attente') throw new Conflict('already_decided', 'cette demande a déjà reçu une réponse');
  const decided = { status: accept ? 'accepte' : 'refuse', decided: { by, at: new Date() } } as const;
  await MembershipModel.updateOne({ _id: id, status: 'en-attente' }, { $set: decided });
  return { ...doc, ...decided };
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const TOKEN = /^plr_([a-f0-9]{16})_([A-Za-z0-9_-]{32})$/;

/** Invites an outside reviewer; the token is returned this once (only its hash is kept). */
export async function inviteReviewer(
  lab: LabDoc,
  input: LabReviewerInput,
  by: Actor,
): Promise<{ reviewer: ReviewerDoc; token: string }> {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(24).toString('base64url');
  const at = new Date();
  const reviewer: ReviewerDoc = {
    _id: id,
    labId: lab._id,
    name: input.name.trim(),
    ...(input.email ? { email: input.email } : {}),
    secretHash: sha256(secret),
    invitedBy: by,
    createdAt: at,
    expiresAt: new Date(at.getTime() + REVIEWER_LINK_DAYS * 86_400_000),
  };
  await ReviewerModel.create(reviewer);
  return { reviewer, token: `plr_${id}_${secret}` };
}

/** What a link's token opens: its reviewer, or why not (revoked or expired only when the secret matches). */
export type ReviewerLinkState = { state: 'ok'; reviewer: ReviewerDoc } | { state: 'unknown' | 'expired' | 'revoked' };

/** Reads a link's token; an unknown id or a wrong secret are both `unknown`. */
export async function checkReviewerLink(token: string, at = new Date()): Promise<ReviewerLinkState> {
  const match = TOKEN.exec(token);
  if (!match) return { state: 'unknown' };
  const doc = await ReviewerModel.findById(match[1]).lean<ReviewerDoc>();
  if (!doc) return { state: 'unknown' };
  const same = timingSafeEqual(Buffer.from(sha256(match[2] as string)), Buffer.from(doc.secretHash));
  if (!same) return { state: 'unknown' };
  if (doc.revokedAt) return { state: 'revoked' };
  if (doc.expiresAt <= at) return { state: 'expired' };
  return { state: 'ok', reviewer: doc };
}

/** The reviewer a link's token opens, or undefined when unknown, revoked or expired. */
export async function resolveReviewer(token: string, at = new Date()): Promise<ReviewerDoc | undefined> {
  const link = await checkReviewerLink(token, at);
  return link.state === 'ok' ? link.reviewer : undefined;
}

/** The lab's reviewers, newest first. */
export async function listReviewers(labId: string): Promise<ReviewerDoc[]> {
  return ReviewerModel.find({ labId }).sort({ createdAt: -1 }).lean<ReviewerDoc[]>();
}

/** Revokes a reviewer's link at once. */
export async function revokeReviewer(lab: LabDoc, id: string): Promise<void> {
  const doc = /^[a-f0-9]{16}$/.test(id) ? await ReviewerModel.findById(id).lean<ReviewerDoc>() : null;
  if (!doc || doc.labId !== lab._id) throw new NotFound(`le relecteur ${id}`);
  if (!doc.revokedAt) await ReviewerModel.updateOne({ _id: id }, { $set: { revokedAt: new Date() } });
}

/** Records that `agent` has the lab open and returns the others who have it open too. */
export async function pingPresence(lab: LabDoc, agent: Actor, at = new Date()): Promise<PresenceDoc[]> {
  const _id = `${lab._id}:${agent.id}`;
  await PresenceModel.updateOne({ _id }, { $set: { labId: lab._id, agent, at } }, { upsert: true });
  const since = new Date(at.getTime() - PRESENCE_WINDOW_MS);
  const docs = await PresenceModel.find({ labId: lab._id, at: { $gt: since } })
    .sort({ at: -1 })
    .lean<PresenceDoc[]>();
  return docs.filter((d) => d._id !== _id);
}
