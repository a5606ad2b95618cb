/** Behind TLS (PUBLIC_URL https) the session cookie is Secure, as well as HttpOnly and SameSite=Lax. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { consoleClient, createTestAgent, PASSWORD } from '../helpers/console.js';

let hub: TestHub;

describe('the session cookie behind https', () => {
  beforeAll(async () => {
    hub = await startTestHub({ label: 'consolesecure', env: { PUBLIC_URL: 'https://passerelle.test' } });
    await createTestAgent({ email: 'lea@gouv.nc', name: 'Léa', role: 'platform-admin' });
  });
  afterAll(() => hub?.stop());

  it('is Secure, HttpOnly and SameSite=Lax, for the whole site', async () => {
    const client = consoleClient(hub);
    await client.html('/console/connexion');
    const res = await client.post('/console/connexion', { email: 'lea@gouv.nc', password: PASSWORD });
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('passerelle_session='))!;
    expect(cookie).toMatch(/; secure/i);
    expect(cookie).toMatch(/; httponly/i);
    expect(cookie).toMatch(/; samesite=lax/i);
    expect(cookie).toMatch(/; path=\//i);
    // A browser session cookie: the server ends it (2 h idle, 12 h at most), not a date in the cookie.
    expect(cookie).not.toMatch(/expires=|max-age=/i);
  });
});
