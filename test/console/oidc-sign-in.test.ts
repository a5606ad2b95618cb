/**
 * Sign-in through the identity provider against a real OpenID provider on loopback: the
 * authorization code flow with PKCE, state and nonce, the account matched by e-mail, and
 * the refusals (no such account, an address the provider does not vouch for, a return
 * that did not start in this browser).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateAgent } from '../../hub/accounts/agents.js';
import { consoleClient, createTestAgent, type ConsoleClient } from '../helpers/console.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import {
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  passThroughProvider,
  startTestOidcProvider,
  type TestOidcProvider,
} from '../helpers/oidc-provider.js';
import { validateHtml } from '../helpers/html-validate.js';

const PUBLIC_URL = 'http://portal.test';
let hub: TestHub;
let provider: TestOidcProvider;

/** The console's sign-in through the provider, up to the hub's answer to the return. */
async function signInThroughProvider(client: ConsoleClient, retour = '/console'): Promise<Response> {
  const start = await client.get(`/console/connexion/oidc?retour=${encodeURIComponent(retour)}`);
  expect(start.status).toBe(303);
  const authorize = start.headers.get('location')!;
  expect(authorize.startsWith(provider.issuer)).toBe(true);
  const back = await passThroughProvider(authorize, PUBLIC_URL);
  return client.get(back.pathname + back.search);
}

describe('console sign-in through the identity provider', () => {
  beforeAll(async () => {
    provider = await startTestOidcProvider(`${PUBLIC_URL}/console/connexion/oidc/retour`);
    hub = await startTestHub({
      seed: true,
      label: 'consoleoidc',
      env: {
        PUBLIC_URL,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
        OIDC_LABEL: 'Mon compte NC',
      },
    });
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
    const former = await createTestAgent({
      email: 'ancien@koumac.nc',
      name: 'Ancien Agent',
      role: 'moderator',
      partnerId: 'koumac',
    });
    await updateAgent(former, { active: false });
  });
  afterAll(async () => {
    await hub?.stop();
    await provider?.close();
  });

  it('offers the provider on the sign-in page', async () => {
    const { status, html } = await consoleClient(hub).html('/console/connexion');
    expect(status).toBe(200);
    expect(html).toContain('Se connecter avec Mon compte NC');
    await validateHtml(html);
  });

  it('signs an existing agent in, matched by e-mail, and goes back where they were going', async () => {
    provider.loginAs('ana@koumac.nc');
    const client = consoleClient(hub);
    const back = await signInThroughProvider(client, '/console/sources');
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/console/sources');
    const { status, html } = await client.html('/console/sources');
    expect(status).toBe(200);
    expect(html).toContain('Ana Wahio');
  });

  it('refuses a person without an active account, in French, and opens no session', async () => {
    for (const email of ['inconnu@ailleurs.nc', 'ancien@koumac.nc']) {
      provider.loginAs(email);
      const client = consoleClient(hub);
      const back = await signInThroughProvider(client);
      expect(back.status, email).toBe(403);
      const html = await back.text();
      expect(html).toContain('Connexion refusée');
      expect(html).toContain('pas de compte Passerelle actif');
      await validateHtml(html);
      expect((await client.get('/console')).status, email).toBe(303);
    }
  });

  it('refuses an address the provider does not say is verified', async () => {
    provider.loginAs('ana@koumac.nc', { verified: false });
    const client = consoleClient(hub);
    expect((await signInThroughProvider(client)).status).toBe(403);
    expect((await client.get('/console')).status).toBe(303);
  });

  it('refuses a return that did not start in this browser, and a code used twice', async () => {
    provider.loginAs('ana@koumac.nc');
    const victim = consoleClient(hub);
    const start = await victim.get('/console/connexion/oidc');
    const back = await passThroughProvider(start.headers.get('location')!, PUBLIC_URL);
    // Another browser (no state cookie) brought to the return address: refused.
    const other = consoleClient(hub);
    expect((await other.get(back.pathname + back.search)).status).toBe(403);
    expect((await other.get('/console')).status).toBe(303);
    // The browser that started it signs in once; the same return again is refused.
    const state = victim.cookies.get('passerelle_oidc')!;
    expect((await victim.get(back.pathname + back.search)).status).toBe(303);
    const replay = consoleClient(hub);
    replay.cookies.set('passerelle_oidc', state);
    expect((await replay.get(back.pathname + back.search)).status).toBe(403);
  });
});
