/**
 * Signing in with an e-mail and a password. Whatever was wrong — unknown address, wrong
 * password, inactive account, no password yet, too many attempts — the agent reads the
 * same French sentence, and an unknown address costs the same time as a known one.
 */
import { createHmac } from 'node:crypto';
import { getServerSecret } from '../secrets/index.js';
import { Forbidden } from '../domain-errors.js';
import type { AgentDoc } from './agent-model.js';
import { findAgentByEmail, normalizeEmail, recordSignIn } from './agents.js';
import { decoyHash, verifyPassword } from './password.js';
import { ACCOUNT_RULE, ADDRESS_RULE, beginAttempt } from './throttle.js';

export const SIGN_IN_REFUSED =
  "Connexion refusée : l'adresse e-mail ou le mot de passe est incorrect, ou le compte est momentanément bloqué après plusieurs essais. Vérifiez-les, ou réessayez dans quelques minutes.";

/** The one refusal of a sign-in (403 sign_in_refused). */
export class SignInRefused extends Forbidden {
  constructor() {
    super(SIGN_IN_REFUSED, 'sign_in_refused', 'Connexion refusée');
  }
}

/** The address as a keyed hash: no raw address is stored. */
async function addressKey(address: string): Promise<string> {
  const secret = await getServerSecret('signin-address');
  return `address:${createHmac('sha256', secret).update(address).digest('base64url')}`;
}

/** The agent behind an e-mail and a password; throws SignInRefused otherwise. */
export async function signInWithPassword(
  email: string,
  password: string,
  clientAddress: string,
  now = new Date(),
): Promise<AgentDoc> {
  const attempt = await beginAttempt(
    [
      { key: `account:${normalizeEmail(email)}`, rule: ACCOUNT_RULE },
      { key: await addressKey(clientAddress), rule: ADDRESS_RULE },
    ],
    now,
  );
  if (!attempt.allowed) throw new SignInRefused();
  const agent = await findAgentByEmail(email);
  const matches = await verifyPassword(password, agent?.passwordHash ?? (await decoyHash()));
  if (!agent || !agent.passwordHash || !matches || !agent.active) throw new SignInRefused();
  await attempt.succeeded();
  await recordSignIn(agent._id, now);
  return agent;
}
