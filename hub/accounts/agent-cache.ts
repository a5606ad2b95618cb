/**
 * The agent of a signed-in request, held a second by id: every console page read the
 * session, then the agent by `_id` after it (it depends on the session), two FerretDB reads
 * in sequence of 2–20 ms each under load. The session is still read on every request, so
 * sign-out, « sign out everywhere », the idle and absolute timeouts and a deactivation
 * (which closes the agent's sessions) end access at once, whichever process wrote. What a
 * held record may lag behind is another process's change of the agent's name, role or
 * partner: at most HOLD_MS. This process's writes of an account (agents.ts) drop it at once.
 */
import { heldValues } from '../held/index.js';
import { AgentModel, type AgentDoc } from './agent-model.js';

export const HOLD_MS = 1_000;

const agents = heldValues<AgentDoc | undefined>({ freshMs: HOLD_MS, pruneAbove: 500 });

/** This process wrote the account `id` (or, without one, any account). */
export function forgetAgent(id?: string): void {
  agents.forget(id);
}

/** The agent by id, at most HOLD_MS old. */
export function findHeldAgent(id: string): Promise<AgentDoc | undefined> {
  return agents.get(id, async () => (await AgentModel.findById(id).lean<AgentDoc>()) ?? undefined);
}
