/**
 * The agent of a signed-in request, held a second by id: every console page read the
 * session, then the agent by `_id` after it (it depends on the session), two FerretDB reads
 * in sequence of 2–20 ms each under load. The session is still read on every request, so
 * sign-out, « sign out everywhere », the idle and absolute timeouts and a deactivation
 * (which closes the agent's sessions) end access at once, whichever process wrote. What a
 * held record may lag behind is another process's change of the agent's name, role or
 * partner: at most HOLD_MS. This process's writes of an account (agents.ts) drop it at once.
 */
import { AgentModel, type AgentDoc } from './agent-model.js';

export const HOLD_MS = 1_000;
/** Held records above this are dropped when expired (agents come and go). */
const PRUNE_ABOVE = 500;

const held = new Map<string, { agent: AgentDoc | undefined; readAt: number }>();
let generation = 0;

/** This process wrote the account `id` (or, without one, any account). */
export function forgetAgent(id?: string): void {
  generation += 1;
  if (id === undefined) held.clear();
  else held.delete(id);
}

/** The agent by id, at most HOLD_MS old. */
export async function findHeldAgent(id: string): Promise<AgentDoc | undefined> {
  const now = Date.now();
  const h = held.get(id);
  if (h && now - h.readAt < HOLD_MS) return h.agent;
  const startedIn = generation;
  const agent = (await AgentModel.findById(id).lean<AgentDoc>()) ?? undefined;
  // A write of this process during the read: the record may predate it; not held.
  if (startedIn === generation) {
    if (held.size > PRUNE_ABOVE) for (const [key, e] of held) if (now - e.readAt >= HOLD_MS) held.delete(key);
    held.set(id, { agent, readAt: now });
  }
  return agent;
}
