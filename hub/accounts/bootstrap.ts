/** The first platform admin: from ADMIN_EMAIL and ADMIN_PASSWORD at start, or the create-admin command. */
import { InvalidInput } from '../domain-errors.js';
import type { AgentDoc } from './agent-model.js';
import { createAgent, findAgentByEmail, setAgentPasswordHash, updateAgent } from './agents.js';
import { checkPasswordPolicy, hashPassword } from './password.js';

/**
 * Creates the platform admin `email` with `password` when no account has that address;
 * an existing account is left as it is (a restart never resets a password). Returns the
 * account created, or undefined.
 */
export async function ensureFirstAdmin(email: string, password: string): Promise<AgentDoc | undefined> {
  if (await findAgentByEmail(email)) return undefined;
  const errors = checkPasswordPolicy(password, 'ADMIN_PASSWORD', email);
  if (errors.length) throw new InvalidInput(errors);
  const name = email.split('@')[0] ?? email;
  return createAgent({ email, name, role: 'platform-admin' }, 'bootstrap', await hashPassword(password));
}

/**
 * The command's version: creates the platform admin, or makes an existing account an
 * active platform admin with this password (a way back in when every admin is locked out).
 */
export async function upsertPlatformAdmin(
  email: string,
  name: string,
  password: string,
): Promise<{ agent: AgentDoc; created: boolean }> {
  const errors = checkPasswordPolicy(password, 'password', email);
  if (errors.length) throw new InvalidInput(errors);
  const hash = await hashPassword(password);
  const existing = await findAgentByEmail(email);
  if (!existing)
    return { agent: await createAgent({ email, name, role: 'platform-admin' }, 'cli', hash), created: true };
  await setAgentPasswordHash(existing._id, hash);
  const agent = await updateAgent(existing._id, { role: 'platform-admin', active: true, partnerId: null });
  return { agent: agent ?? existing, created: false };
}
