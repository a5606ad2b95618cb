/**
 * What admins do to accounts, with the rules in one place: platform admins manage every
 * account; partner admins their partner's agents (never a platform admin); nobody
 * deactivates or demotes themselves, and the last active platform admin stays one.
 */
import type { Role } from '../../schemas/index.js';
import type { Principal } from '../auth/index.js';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../domain-errors.js';
import type { AgentDoc } from './agent-model.js';
import {
  checkAgentInput,
  countActivePlatformAdmins,
  createAgent,
  findAgent,
  updateAgent,
  type AgentInput,
} from './agents.js';
import { createPasswordLink } from './links.js';
import { closeAgentSessions } from './sessions.js';

/** May `actor` manage accounts of this partner (undefined: platform-wide accounts)? */
export function canManageAccounts(actor: Principal, partnerId: string | undefined): boolean {
  if (actor.role === 'platform-admin') return true;
  return actor.role === 'partner-admin' && !!partnerId && actor.partnerId === partnerId;
}

function assertManages(actor: Principal, partnerId: string | undefined, role?: Role): void {
  if (role === 'platform-admin' && actor.role !== 'platform-admin')
    throw new Forbidden('seul un administrateur de la plateforme donne ce rôle');
  if (!canManageAccounts(actor, partnerId)) throw new Forbidden('vous ne gérez pas les comptes de ce partenaire');
}

/** An account `actor` may manage; NotFound otherwise (another partner's accounts are not disclosed). */
export async function loadManagedAgent(actor: Principal, id: string): Promise<AgentDoc> {
  const agent = await findAgent(id);
  if (!agent || !canManageAccounts(actor, agent.role === 'platform-admin' ? undefined : agent.partnerId))
    throw new NotFound('ce compte');
  return agent;
}

/** Creates an account and its invitation link (the token is for the address, shown or mailed once). */
export async function inviteAgent(
  actor: Principal,
  input: AgentInput,
  partnerExists: (id: string) => Promise<boolean>,
): Promise<{ agent: AgentDoc; token: string; expiresAt: Date }> {
  const scoped: AgentInput = actor.role === 'platform-admin' ? input : { ...input, partnerId: actor.partnerId };
  const errors = checkAgentInput(scoped);
  if (scoped.partnerId && !errors.some((e) => e.field === 'partnerId') && !(await partnerExists(scoped.partnerId)))
    errors.push({ field: 'partnerId', message: 'partenaire inconnu' });
  if (errors.length) throw new InvalidInput(errors);
  assertManages(actor, scoped.role === 'platform-admin' ? undefined : scoped.partnerId, scoped.role);
  const agent = await createAgent(scoped, actor.tokenId);
  const link = await createPasswordLink(agent._id, 'invitation', actor.tokenId);
  return { agent, ...link };
}

async function assertNotLastAdmin(agent: AgentDoc): Promise<void> {
  if (agent.role === 'platform-admin' && agent.active && (await countActivePlatformAdmins()) <= 1)
    throw new Conflict('last_platform_admin', 'ce compte est le dernier administrateur de la plateforme actif');
}

/** Changes an account's role (within the partner) or activity; deactivation ends its sessions. */
export async function changeAgent(
  actor: Principal,
  id: string,
  patch: { role?: Role; active?: boolean },
): Promise<AgentDoc> {
  const agent = await loadManagedAgent(actor, id);
  if (agent._id === actor.agentId && (patch.active === false || (patch.role && patch.role !== agent.role)))
    throw new Forbidden('vous ne pouvez ni désactiver votre propre compte ni changer votre rôle');
  if (patch.role) {
    const errors = checkAgentInput({ role: patch.role, ...(agent.partnerId ? { partnerId: agent.partnerId } : {}) });
    if (errors.length) throw new InvalidInput(errors.map((e) => ({ ...e, field: 'role' })));
    assertManages(actor, agent.partnerId, patch.role);
  }
  if ((patch.active === false || (patch.role && patch.role !== 'platform-admin')) && agent.role === 'platform-admin')
    await assertNotLastAdmin(agent);
  const updated = await updateAgent(agent._id, patch);
  if (!updated) throw new NotFound('ce compte');
  if (patch.active === false) await closeAgentSessions(agent._id);
  return updated;
}

/** A new single-use reset link (1 hour) for an account `actor` manages. */
export async function issueResetLink(
  actor: Principal,
  id: string,
): Promise<{ agent: AgentDoc; token: string; expiresAt: Date }> {
  const agent = await loadManagedAgent(actor, id);
  if (!agent.active) throw new Conflict('agent_inactive', 'réactivez ce compte avant de lui envoyer un lien');
  return { agent, ...(await createPasswordLink(agent._id, 'reset', actor.tokenId)) };
}
