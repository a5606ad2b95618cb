/**
 * Single-use links to choose a password: a reset (valid 1 hour) that a platform or
 * partner admin generates for a forgotten password, or an invitation (valid 7 days) sent
 * with a new account. The link carries a random token; only its sha256 is stored. Its use
 * is an insert under the link's id, so a link works once even when clicked twice at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../db/index.js';
import { InvalidInput, NotFound, Unprocessable } from '../domain-errors.js';
import type { AgentDoc } from './agent-model.js';
import { findAgent, setAgentPasswordHash } from './agents.js';
import { LinkUseModel, PasswordLinkModel, type PasswordLinkDoc } from './link-model.js';
import { checkPasswordPolicy, hashPassword } from './password.js';
import { closeAgentSessions } from './sessions.js';

export const LINK_VALIDITY_MS: Record<PasswordLinkDoc['purpose'], number> = {
  reset: 3600_000,
  invitation: 7 * 86_400_000,
};

const hashLinkToken = (token: string) => createHash('sha256').update(`passerelle-link:${token}`).digest('hex');

/** Makes a link for an agent; returns its token (for the address /console/mot-de-passe/<token>). */
export async function createPasswordLink(
  agentId: string,
  purpose: PasswordLinkDoc['purpose'],
  createdBy: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + LINK_VALIDITY_MS[purpose]);
  await PasswordLinkModel.create({ _id: hashLinkToken(token), agentId, purpose, createdBy, createdAt: now, expiresAt });
  return { token, expiresAt };
}

const EXPIRED = () =>
  new Unprocessable(
    'link_expired',
    'Lien expiré ou déjà utilisé',
    'ce lien a déjà servi ou a expiré : demandez-en un nouveau à un administrateur',
  );

/** The link and its agent, when it is still usable; link_expired otherwise. */
export async function readPasswordLink(
  token: string,
  now = new Date(),
): Promise<{ link: PasswordLinkDoc; agent: AgentDoc }> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw EXPIRED();
  const id = hashLinkToken(token);
  const [link, used] = await Promise.all([
    PasswordLinkModel.findById(id).lean<PasswordLinkDoc>(),
    LinkUseModel.exists({ _id: id }),
  ]);
  if (!link || used || link.expiresAt <= now) throw EXPIRED();
  const agent = await findAgent(link.agentId);
  if (!agent || !agent.active) throw new NotFound('le compte de ce lien');
  return { link, agent };
}

/** Sets the password through the link, once; every session of the agent ends. */
export async function usePasswordLink(token: string, password: string, now = new Date()): Promise<AgentDoc> {
  const { link, agent } = await readPasswordLink(token, now);
  const errors = checkPasswordPolicy(password, 'password', agent.email);
  if (errors.length) throw new InvalidInput(errors);
  const passwordHash = await hashPassword(password);
  try {
    await LinkUseModel.create({ _id: link._id, usedAt: now });
  } catch (err) {
    if (isDuplicateKey(err)) throw EXPIRED();
    throw err;
  }
  await setAgentPasswordHash(agent._id, passwordHash);
  await PasswordLinkModel.deleteOne({ _id: link._id });
  await closeAgentSessions(agent._id);
  return agent;
}

/** Expired links and old uses go. */
export async function purgePasswordLinks(now = new Date()): Promise<number> {
  const [links, uses] = await Promise.all([
    PasswordLinkModel.deleteMany({ expiresAt: { $lt: now } }),
    LinkUseModel.deleteMany({ usedAt: { $lt: new Date(now.getTime() - 8 * 86_400_000) } }),
  ]);
  return links.deletedCount + uses.deletedCount;
}
