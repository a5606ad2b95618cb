/** Agent accounts: one small function per verb; duplicate e-mails become 409 here. */
import { randomBytes } from 'node:crypto';
import type { FieldError, Role } from '../../schemas/index.js';
import { isDuplicateKey } from '../db/index.js';
import { Conflict, InvalidInput } from '../domain-errors.js';
import { forgetAgent } from './agent-cache.js';
import { AgentModel, type AgentDoc } from './agent-model.js';

export const AGENT_ROLES: readonly Role[] = ['platform-admin', 'partner-admin', 'editor', 'moderator'];

/** An account as the console shows it: never its password hash. */
export interface AgentView {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerId?: string;
  active: boolean;
  hasPassword: boolean;
  createdAt: string;
  lastSignInAt?: string;
}

export interface AgentInput {
  email: string;
  name: string;
  role: Role;
  partnerId?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The e-mail as stored and matched. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toAgentView(doc: AgentDoc): AgentView {
  return {
    id: doc._id,
    email: doc.email,
    name: doc.name,
    role: doc.role,
    ...(doc.partnerId ? { partnerId: doc.partnerId } : {}),
    active: doc.active,
    hasPassword: !!doc.passwordHash,
    createdAt: doc.createdAt.toISOString(),
    ...(doc.lastSignInAt ? { lastSignInAt: doc.lastSignInAt.toISOString() } : {}),
  };
}

/** The fields at fault in an account's e-mail, name, role and partner. */
export function checkAgentInput(input: Partial<AgentInput>): FieldError[] {
  const errors: FieldError[] = [];
  if (input.email !== undefined && (!EMAIL.test(input.email.trim()) || input.email.length > 254))
    errors.push({ field: 'email', message: 'saisissez une adresse e-mail valide, par exemple prenom.nom@mairie.nc' });
  if (input.name !== undefined && (input.name.trim().length < 2 || input.name.trim().length > 120))
    errors.push({ field: 'name', message: 'le nom doit faire de 2 à 120 caractères' });
  if (input.role !== undefined && !AGENT_ROLES.includes(input.role))
    errors.push({ field: 'role', message: 'choisissez un rôle' });
  if (input.role === 'platform-admin' && input.partnerId)
    errors.push({
      field: 'partnerId',
      message: "un administrateur de la plateforme n'est rattaché à aucun partenaire",
    });
  if (input.role && input.role !== 'platform-admin' && !input.partnerId)
    errors.push({ field: 'partnerId', message: 'choisissez le partenaire de cet agent' });
  return errors;
}

/** Creates an account (without password: the agent chooses it through an invitation link). */
export async function createAgent(input: AgentInput, createdBy: string, passwordHash?: string): Promise<AgentDoc> {
  const errors = checkAgentInput(input);
  if (errors.length) throw new InvalidInput(errors);
  const now = new Date();
  try {
    const doc = await AgentModel.create({
      _id: randomBytes(8).toString('hex'),
      email: normalizeEmail(input.email),
      name: input.name.trim(),
      role: input.role,
      ...(input.role !== 'platform-admin' && input.partnerId ? { partnerId: input.partnerId } : {}),
      active: true,
      ...(passwordHash ? { passwordHash } : {}),
      createdAt: now,
      updatedAt: now,
      createdBy,
    });
    forgetAgent(doc._id);
    return doc.toObject();
  } catch (err) {
    if (isDuplicateKey(err))
      throw new Conflict('agent_exists', `un compte existe déjà pour ${normalizeEmail(input.email)}`);
    throw err;
  }
}

export async function findAgent(id: string): Promise<AgentDoc | undefined> {
  return (await AgentModel.findById(id).lean<AgentDoc>()) ?? undefined;
}

export async function findAgentByEmail(email: string): Promise<AgentDoc | undefined> {
  return (await AgentModel.findOne({ email: normalizeEmail(email) }).lean<AgentDoc>()) ?? undefined;
}

const byName = new Intl.Collator('fr', { sensitivity: 'base' });

/** Accounts, optionally of one partner, by name. */
export async function listAgents(filter: { partnerId?: string } = {}): Promise<AgentDoc[]> {
  const docs = await AgentModel.find(filter.partnerId ? { partnerId: filter.partnerId } : {}).lean<AgentDoc[]>();
  return docs.sort((a, b) => byName.compare(a.name, b.name));
}

/** Active accounts of a partner holding one of `roles` (who a notification goes to). */
export async function listActiveAgents(partnerId: string | undefined, roles: readonly Role[]): Promise<AgentDoc[]> {
  const docs = await AgentModel.find(partnerId ? { partnerId } : { role: 'platform-admin' }).lean<AgentDoc[]>();
  return docs.filter((d) => d.active && roles.includes(d.role));
}

/** Changes name, role, activity or partner (null: none); returns the new record. */
export async function updateAgent(
  id: string,
  patch: Partial<Pick<AgentDoc, 'name' | 'role' | 'active'>> & { partnerId?: string | null },
): Promise<AgentDoc | undefined> {
  const { partnerId, ...rest } = patch;
  const $set: Record<string, unknown> = { ...rest, updatedAt: new Date() };
  if (partnerId) $set.partnerId = partnerId;
  const update = partnerId === null ? { $set, $unset: { partnerId: '' } } : { $set };
  try {
    return (await AgentModel.findOneAndUpdate({ _id: id }, update, { new: true }).lean<AgentDoc>()) ?? undefined;
  } finally {
    forgetAgent(id);
  }
}

export async function setAgentPasswordHash(id: string, passwordHash: string): Promise<void> {
  await AgentModel.updateOne({ _id: id }, { $set: { passwordHash, updatedAt: new Date() } });
  forgetAgent(id);
}

export async function recordSignIn(id: string, at: Date): Promise<void> {
  await AgentModel.updateOne({ _id: id }, { $set: { lastSignInAt: at } });
  forgetAgent(id);
}

/** The agent opened the notifications: the newer ones are no longer new. */
export async function markNotificationsSeen(id: string, at: Date): Promise<void> {
  await AgentModel.updateOne({ _id: id }, { $set: { notificationsSeenAt: at } });
  // The navigation's counter of new notifications reads this record on the next page.
  forgetAgent(id);
}

export async function countActivePlatformAdmins(): Promise<number> {
  return AgentModel.countDocuments({ role: 'platform-admin', active: true });
}
