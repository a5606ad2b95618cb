/**
 * Signing in to the console over real HTTP: sessions, cookie flags, CSRF on every form, the
 * same refusal whatever was wrong, sign out and sign out everywhere.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { consoleClient, createTestAgent, PASSWORD, signInAs } from '../helpers/console.js';
import { validateHtml } from '../helpers/html-validate.js';

let hub: TestHub;

describe('console sign-in', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'consolesignin' });
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
  });
  afterAll(() => hub?.stop());

  it('sends a visitor without a session to the sign-in page, and back after it', async () => {
    const client = consoleClient(hub);
    const res = await client.get('/console/notifications');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/connexion?retour=%2Fconsole%2Fnotifications');
    const page = await client.html('/console/connexion?retour=%2Fconsole%2Fnotifications');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Connexion à la console');
    await validateHtml(page.html);
    const signedIn = await client.post('/console/connexion', {
      email: 'ana@koumac.nc',
      password: PASSWORD,
      retour: '/console/notifications',
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/console/notifications');
    // Never to another site, whatever the form says.
    await client.html('/console/connexion');
    const away = await consoleClient(hub);
    await away.html('/console/connexion');
    const offsite = await away.post('/console/connexion', {
      email: 'ana@koumac.nc',
      password: PASSWORD,
      retour: '//evil.example/x',
    });
    expect(offsite.headers.get('location')).toBe('/console');
  });

  it('sets an opaque HttpOnly, SameSite=Lax cookie, a new one at each sign-in', async () => {
    const first = await signInAs(hub, 'ana@koumac.nc');
    const firstToken = first.cookies.get('passerelle_session')!;
    // The same browser signs in again over its live session (its form carries the session's token).
    const res = await first.post('/console/connexion', { email: 'ana@koumac.nc', password: PASSWORD });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('passerelle_session='))!;
    expect(cookie).toMatch(/; path=\//i);
    expect(cookie).toMatch(/; samesite=lax/i);
    expect(cookie).toMatch(/; httponly/i);
    expect(cookie).not.toMatch(/; secure/i);
    const token = /^passerelle_session=([^;]+)/.exec(cookie)![1]!;
    expect(token).toMatch(/^[\w-]{43}$/);
    const old = consoleClient(hub);
    old.cookies.set('passerelle_session', firstToken);
    expect(token).not.toBe(firstToken);
    // The session the browser came with is over: a new id at every sign-in.
    expect((await old.get('/console')).status).toBe(303);
  });

  it('refuses a wrong password and an unknown address with the same French message, keeping the address typed', async () => {
    const client = consoleClient(hub);
    await client.html('/console/connexion');
    const wrong = await client.post('/console/connexion', {
      email: 'ana@koumac.nc',
      password: 'pas le bon mot de passe',
    });
    const unknown = await client.post('/console/connexion', { email: 'inconnu@koumac.nc', password: PASSWORD });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const [a, b] = [await wrong.text(), await unknown.text()];
    const message = (html: string) => /<div class="pl-error-summary"[\s\S]*?<\/div>/.exec(html)?.[0];
    expect(message(a)).toContain('Connexion refusée');
    expect(message(a)).toBe(message(b));
    expect(a).toContain('value="ana@koumac.nc"');
    expect(a).toMatch(/<title>Erreur\u00a0: Connexion/);
  });

  it('says which field is empty, in French', async () => {
    const client = consoleClient(hub);
    await client.html('/console/connexion');
    const res = await client.post('/console/connexion', { email: '', password: '' });
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toContain('Saisissez votre adresse e-mail');
    expect(html).toContain('Saisissez votre mot de passe');
    expect(html).toContain('href="#email"');
  });

  it('refuses a form posted from another origin, or without its CSRF token', async () => {
    const client = await signInAs(hub, 'ana@koumac.nc');
    const cookie = `passerelle_session=${client.cookies.get('passerelle_session')}`;
    // A page of another site posting to the console: the browser sends the cookie (top-level POST), not the token.
    const foreign = await rawPost(hub.url, '/console/deconnexion', '', { cookie, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('Formulaire refusé');
    const tokenButForeign = await rawPost(hub.url, '/console/deconnexion', `_csrf=${client.csrf}`, {
      cookie,
      origin: 'https://evil.example',
    });
    expect(tokenButForeign.status).toBe(403);
    const noToken = await client.post('/console/deconnexion', {}, { csrf: null });
    expect(noToken.status).toBe(403);
    const wrongToken = await client.post('/console/deconnexion', {}, { csrf: 'x'.repeat(32) });
    expect(wrongToken.status).toBe(403);
    // Still signed in: none of those did anything.
    expect((await client.get('/console')).status).toBe(200);
    const out = await client.post('/console/deconnexion');
    expect(out.status).toBe(303);
    expect((await client.get('/console')).status).toBe(303);
  });

  it('signs out everywhere', async () => {
    const phone = await signInAs(hub, 'ana@koumac.nc');
    const desk = await signInAs(hub, 'ana@koumac.nc');
    const res = await desk.post('/console/deconnexion-partout');
    expect(res.headers.get('location')).toBe('/console/connexion?sortie=partout');
    expect((await phone.get('/console')).status).toBe(303);
    expect((await desk.get('/console')).status).toBe(303);
  });
});

/** A POST through node:http: fetch will not set Origin, a browser does. */
function rawPost(
  base: string,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(body),
        ...headers,
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
