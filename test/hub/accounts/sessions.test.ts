/** Sessions: an opaque token, idle (2 h) and absolute (12 h) timeouts, CSRF; links that work once. */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../../hub/accounts/agents.js';
import { createPasswordLink, readPasswordLink, usePasswordLink } from '../../../hub/accounts/links.js';
import { verifyPassword } from '../../../hub/accounts/password.js';
import { checkCsrf, closeAgentSessions, openSession, resumeSession } from '../../../hub/accounts/sessions.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';

const H = 3600_000;
const T0 = new Date(Date.UTC(2026, 5, 1, 8));
const after = (ms: number) => new Date(T0.getTime() + ms);
let agentId = '';

describe('sessions', () => {
  beforeAll(async () => {
    await connectTestDatabase('sessions');
    agentId = (
      await createAgent(
        { email: 'lea@province-sud.nc', name: 'Léa', role: 'editor', partnerId: 'province-sud' },
        'test',
      )
    )._id;
  });
  afterAll(dropTestDatabase);

  it('stores only a hash of the token, and resumes the session from it', async () => {
    const { token, session } = await openSession(agentId, 'password', T0);
    expect(token).toMatch(/^[\w-]{43}$/);
    const stored = await mongoose.connection.db!.collection('sessions').findOne({ agentId });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await resumeSession(token, after(1000)))?._id).toBe(session._id);
    expect(await resumeSession('x'.repeat(43), after(1000))).toBeUndefined();
  });

  it('ends after 2 hours without a request', async () => {
    const { token } = await openSession(agentId, 'password', T0);
    expect(await resumeSession(token, after(1.5 * H))).toBeDefined();
    expect(await resumeSession(token, after(3.4 * H))).toBeDefined();
    expect(await resumeSession(token, after(5.5 * H))).toBeUndefined();
  });

  it('ends 12 hours after sign-in however busy the agent is', async () => {
    const { token } = await openSession(agentId, 'password', T0);
    for (let h = 1; h < 12; h += 1) expect(await resumeSession(token, after(h * H))).toBeDefined();
    expect(await resumeSession(token, after(12 * H + 1000))).toBeUndefined();
  });

  it('checks the CSRF token in constant time, and signs out everywhere', async () => {
    const a = await openSession(agentId, 'password', T0);
    const b = await openSession(agentId, 'oidc', T0);
    expect(checkCsrf(a.session, a.session.csrf)).toBe(true);
    expect(checkCsrf(a.session, b.session.csrf)).toBe(false);
    expect(checkCsrf(a.session, undefined)).toBe(false);
    await closeAgentSessions(agentId);
    expect(await resumeSession(a.token, after(1000))).toBeUndefined();
    expect(await resumeSession(b.token, after(1000))).toBeUndefined();
  });
});

describe('password links', () => {
  beforeAll(async () => {
    await connectTestDatabase('links');
    agentId = (
      await createAgent({ email: 'paul@noumea.nc', name: 'Paul', role: 'partner-admin', partnerId: 'noumea' }, 'test')
    )._id;
  });
  afterAll(dropTestDatabase);

  it('works once, even when used twice at the same time', async () => {
    const { token } = await createPasswordLink(agentId, 'reset', 'test');
    const outcomes = await Promise.allSettled([
      usePasswordLink(token, 'un mot de passe solide'),
      usePasswordLink(token, 'un autre mot de passe'),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    await expect(readPasswordLink(token)).rejects.toMatchObject({ code: 'link_expired' });
    const stored = await mongoose.connection.db!.collection('agents').findOne({ email: 'paul@noumea.nc' });
    const kept = await verifyPassword('un mot de passe solide', String(stored?.passwordHash));
    expect(kept || (await verifyPassword('un autre mot de passe', String(stored?.passwordHash)))).toBe(true);
  });

  it('expires after an hour (a reset) and refuses a weak password without using the link', async () => {
    const { token } = await createPasswordLink(agentId, 'reset', 'test', T0);
    await expect(usePasswordLink(token, 'court', after(10_000))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(readPasswordLink(token, after(H + 1000))).rejects.toMatchObject({ code: 'link_expired' });
  });
});
