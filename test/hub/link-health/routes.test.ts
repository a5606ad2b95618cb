/**
 * Link health through the real hub: a partner's service that answers 404 is broken after
 * two checks (admin API), its owners get one e-mail, the portal marks the service
 * « Indisponible chez le partenaire depuis le … », the console lists it in « Liens cassés »
 * and « À traiter », a permanent redirect becomes the service's address in one click, and
 * everything recovers when the address answers again.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkId, type LinkView } from '../../../hub/link-health/index.js';
import { createTestAgent, signInAs } from '../../helpers/console.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { validateHtml } from '../../helpers/html-validate.js';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp.js';

let hub: TestHub;
let smtp: TestSmtp;
let site: Server;
let origin: string;
let formUp = false;
const ids: Record<string, string> = {};

function startSite(): Promise<void> {
  site = createServer((req, res) => {
    if (req.url === '/') return void res.writeHead(200).end('accueil');
    if (req.url === '/formulaire' && formUp) return void res.writeHead(200).end('formulaire');
    if (req.url === '/ancienne') return void res.writeHead(301, { location: '/nouvelle' }).end();
    if (req.url === '/nouvelle') return void res.writeHead(200).end('nouvelle');
    res.writeHead(404).end('introuvable');
  });
  return new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve()));
}

async function api(path: string, init: { method?: string; json?: unknown; token?: string } = {}) {
  const res = await hub.request(path, { token: TEST_ADMIN_TOKEN, ...init });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as Record<string, unknown> };
}

async function createToken(role: string, partnerId: string): Promise<string> {
  const { status, body } = await api('/api/v1/admin/tokens', {
    method: 'POST',
    json: { name: `${role} ${partnerId}`, role, partnerId },
  });
  expect(status).toBe(201);
  return body.token as string;
}

async function addService(name: string, path: string): Promise<string> {
  const { status, body } = await api('/api/v1/admin/services', {
    method: 'POST',
    json: { partnerId: 'koumac', name, url: `${origin}${path}` },
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.id as string;
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  await startSite();
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  hub = await startTestHub({ label: 'linkroutes', env: { SMTP_URL: smtp.url } });
  for (const [id, name] of [
    ['koumac', 'Koumac'],
    ['poum', 'Poum'],
  ])
    expect(
      (
        await api('/api/v1/admin/partners', {
          method: 'POST',
          json: { id, name, kind: 'commune', website: `${origin}/` },
        })
      ).status,
    ).toBe(201);
  await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
  await createTestAgent({ email: 'yves@poum.nc', name: 'Yves Poum', role: 'partner-admin', partnerId: 'poum' });
  ids.form = await addService('Demander un acte de naissance', '/formulaire');
  ids.moved = await addService('Inscrire un enfant à la cantine', '/ancienne');
}, 120_000);

afterAll(async () => {
  await hub.stop();
  await smtp.close();
  await new Promise((resolve) => site.close(resolve));
});

describe('link health through the hub', () => {
  it('checks now for a platform admin only, and breaks the 404 address at the second check', async () => {
    const koumac = await createToken('partner-admin', 'koumac');
    expect((await api('/api/v1/admin/links/check', { method: 'POST', token: koumac })).status).toBe(403);

    const first = await api('/api/v1/admin/links/check', { method: 'POST' });
    expect(first).toMatchObject({ status: 200, body: { checked: 3, broken: 0 } }); // two services, one website
    const second = await api('/api/v1/admin/links/check', { method: 'POST' });
    expect(second).toMatchObject({ status: 200, body: { checked: 3, broken: 1, newlyBroken: 1 } });

    const { body } = await api('/api/v1/admin/links?status=broken');
    const links = body.links as LinkView[];
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      id: linkId(`${origin}/formulaire`),
      url: `${origin}/formulaire`,
      status: 'broken',
      consecutiveFailures: 2,
      httpStatus: 404,
      refs: [{ kind: 'service', id: ids.form, partnerId: 'koumac', label: 'Demander un acte de naissance' }],
    });
    expect(links[0]?.lastOkAt).toBeUndefined();
    expect(links[0]?.brokenSince).toEqual(expect.any(String));
    expect((await api('/api/v1/admin/links?status=cassé')).status).toBe(400);
  });

  it('scopes the list to the partner of a partner token, with its own refs only', async () => {
    const poum = await createToken('partner-admin', 'poum');
    const { body } = await api('/api/v1/admin/links?partner=koumac', { token: poum });
    const links = body.links as LinkView[];
    expect(links.map((l) => l.url)).toEqual([`${origin}/`]); // the website both name; poum's ref only
    expect(links[0]?.refs.map((r) => r.partnerId)).toEqual(['poum']);
    const all = (await api('/api/v1/admin/links')).body.links as LinkView[];
    expect(all.map((l) => l.status)).toEqual(['broken', 'ok', 'ok']);
    expect(all.find((l) => l.url.endsWith('/ancienne'))).toMatchObject({
      movedTo: `${origin}/nouvelle`,
      redirects: [{ url: `${origin}/ancienne`, status: 301 }],
    });
  });

  it("e-mails the partner's admin once, not at every check", async () => {
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['ana@koumac.nc']);
    expect(mail?.subject).toBe('Un lien ne répond plus : service en ligne « Demander un acte de naissance »');
    expect(mail?.text).toContain(`${origin}/formulaire`);
    await api('/api/v1/admin/links/check', { method: 'POST' });
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages).toHaveLength(1);
  });

  it('marks the service unavailable on the portal instead of sending people to it', async () => {
    const res = await hub.request('/demarches');
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toMatch(/Indisponible chez le partenaire depuis le \d{1,2}(er)? [a-zéû]+ \d{4}/);
    expect(html).not.toContain('Faire la démarche en ligne<span class="pl-visually-hidden"> : Demander un acte');
    expect(html).toContain('Faire la démarche en ligne<span class="pl-visually-hidden"> : Inscrire un enfant');
    expect(await validateHtml(html)).toEqual([]);
  });

  it('shows « Liens cassés » and its « À traiter » row to the partner, and moves an address in one click', async () => {
    const ana = await signInAs(hub, 'ana@koumac.nc');
    const home = await ana.html('/console');
    expect(home.html).toContain('Liens cassés');
    expect(home.html).toContain('Service en ligne « Demander un acte de naissance »');
    const page = await ana.html('/console/liens');
    expect(page.status).toBe(200);
    expect(page.html).toContain(`${origin}/formulaire`);
    expect(page.html).toContain('Mettre à jour l’adresse');
    // The kit's Table wraps itself in a focusable div role="region" (a scrollable table that
    // keyboards can reach); html-validate would have a <section>. Everything else must pass.
    const problems = await validateHtml(page.html);
    expect(problems.filter((p) => p.rule !== 'prefer-native-element')).toEqual([]);

    const yves = await signInAs(hub, 'yves@poum.nc');
    await yves.html('/console/liens');
    const refused = await yves.post(`/console/liens/services/${ids.moved}/adresse`, {
      lien: linkId(`${origin}/ancienne`),
    });
    expect(refused.status).toBe(403);

    const moved = await ana.post(`/console/liens/services/${ids.moved}/adresse`, {
      lien: linkId(`${origin}/ancienne`),
    });
    expect(moved.status).toBe(303);
    const { body } = await api(`/api/v1/admin/services/${ids.moved}`);
    expect(body.url).toBe(`${origin}/nouvelle`);
    const after = await ana.html('/console/liens');
    expect(after.html).toContain('mise à jour');
    expect(after.html).not.toContain('Mettre à jour l’adresse');
    // The offer is gone: a second click changes nothing.
    await ana.html('/console/liens');
    const again = await ana.post(`/console/liens/services/${ids.moved}/adresse`, {
      lien: linkId(`${origin}/ancienne`),
    });
    expect(again.status).toBe(409);
  });

  it('recovers when the address answers again', async () => {
    formUp = true;
    const { body } = await api('/api/v1/admin/links/check', { method: 'POST' });
    expect(body).toMatchObject({ checked: 3, broken: 0, recovered: 1 });
    const html = await (await hub.request('/demarches')).text();
    expect(html).not.toContain('Indisponible chez le partenaire');
    const link = ((await api('/api/v1/admin/links')).body.links as LinkView[]).find((l) =>
      l.url.endsWith('/formulaire'),
    );
    expect(link).toMatchObject({ status: 'ok', consecutiveFailures: 0, lastOkAt: expect.any(String) });
  });
});
