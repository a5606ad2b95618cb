/**
 * Démarches en ligne in the console over real HTTP forms with their CSRF token: an editor of
 * Koumac adds a service (a private, malformed or non-http(s) address refused in French next
 * to the field), changes it, withdraws it and puts it back; other partners' editors and
 * moderators are refused; the exits through /sortie/:id show per day with their total.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAgent, signInAs, type ConsoleClient } from '../helpers/console.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';

let hub: TestHub;

/** The kit's scrolling table wrapper is a labelled region (a div, so it can scroll): not ours to change here. */
const htmlProblems = async (html: string) =>
  (await validateHtml(html)).filter((p) => p.rule !== 'prefer-native-element');
let eva: ConsoleClient;

const idFromFlashPage = (html: string, name: string) =>
  new RegExp(`href="/console/demarches/([0-9a-f]{16})">${name}<`).exec(html)?.[1];

async function addService(client: ConsoleClient, fields: Record<string, string>) {
  await client.html('/console/demarches/nouvelle');
  return client.post('/console/demarches', fields);
}

describe('console: démarches en ligne', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'consoleservices' });
    await createTestAgent({ email: 'eva@koumac.nc', name: 'Eva Koumac', role: 'editor', partnerId: 'koumac' });
    await createTestAgent({ email: 'jo@noumea.nc', name: 'Jo Nouméa', role: 'editor', partnerId: 'noumea' });
    await createTestAgent({ email: 'modo@koumac.nc', name: 'Modo Koumac', role: 'moderator', partnerId: 'koumac' });
    eva = await signInAs(hub, 'eva@koumac.nc');
  }, 120_000);
  afterAll(async () => hub?.stop());

  it('refuses a private, malformed or non-http(s) address with a French message next to the field', async () => {
    const cases: [string, RegExp][] = [
      ['http://192.168.1.10/etat-civil', /adresse privée, locale ou réservée refusée/],
      ['http://intranet/etat-civil', /adresse privée, locale ou réservée refusée/],
      ['ftp://www.koumac.nc/etat-civil', /id="url-error">[\s\S]*?(http|adresse)/],
      ['pas une adresse', /adresse/],
    ];
    for (const [url, message] of cases) {
      const res = await addService(eva, { name: 'Acte de naissance', url });
      expect(res.status, url).toBe(400);
      const html = await res.text();
      expect(html).toMatch(/<title>Erreur(\s|\u00a0): /);
      expect(html, /id="url-error">[\s\S]{0,300}/.exec(html)?.[0]).toMatch(message);
      expect(html).toMatch(/id="url"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="url"/);
      expect(html).toContain(`value="${url}"`);
    }
    const empty = await addService(eva, { name: '', url: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Saisissez le nom de la démarche');
    const list = await eva.html('/console/demarches');
    expect(list.html).toContain('Aucune démarche en ligne');
  });

  it("lets a partner's editor add, change, withdraw and put back its service", async () => {
    const res = await addService(eva, {
      name: 'Demander un acte de naissance',
      url: 'https://www.koumac.nc/etat-civil/naissance',
      description: 'Recevoir une copie intégrale ou un extrait.',
      keywords: 'extrait de naissance\ncopie intégrale',
      cost: 'Gratuit',
      accountRequired: 'oui',
      partnerId: 'noumea', // ignored: an editor writes for its own partner only
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/demarches?partenaire=koumac');
    const list = await eva.html('/console/demarches');
    expect(list.status).toBe(200);
    expect(list.html).toContain('est en ligne');
    expect(await htmlProblems(list.html)).toEqual([]);
    const id = idFromFlashPage(list.html, 'Demander un acte de naissance')!;
    expect(id).toBeTruthy();

    const api = await (await hub.request(`/api/v1/services?q=acte%20de%20naissance`)).json();
    expect(api.services.map((s: { id: string; partnerId: string }) => [s.id, s.partnerId])).toEqual([[id, 'koumac']]);

    const form = await eva.html(`/console/demarches/${id}`);
    expect(form.status).toBe(200);
    expect(await htmlProblems(form.html)).toEqual([]);
    expect(form.html).toContain('copie intégrale');
    const refused = await eva.post(`/console/demarches/${id}`, { name: 'Acte', url: 'javascript:alert(1)' });
    expect(refused.status).toBe(400);
    const changed = await eva.post(`/console/demarches/${id}`, {
      name: 'Acte de naissance en ligne',
      url: 'https://www.koumac.nc/demarches/naissance',
      keywords: 'extrait',
    });
    expect(changed.status).toBe(303);
    const after = await (await hub.request(`/sortie/${id}`, { redirect: 'manual' })).headers.get('location');
    expect(after).toBe('https://www.koumac.nc/demarches/naissance');

    await eva.html('/console/demarches');
    expect((await eva.post(`/console/demarches/${id}/retirer`)).status).toBe(303);
    expect((await hub.request(`/sortie/${id}`, { redirect: 'manual' })).status).toBe(404);
    const withdrawn = await eva.html('/console/demarches');
    expect(withdrawn.html).toContain('Retirée');
    expect((await eva.post(`/console/demarches/${id}/remettre`)).status).toBe(303);
    expect((await hub.request(`/sortie/${id}`, { redirect: 'manual' })).status).toBe(302);

    const journal = await eva.html('/console/journal');
    if (journal.status === 200) expect(journal.html).toContain('Démarche en ligne');
  });

  it("refuses other partners' editors, moderators, and a post without its CSRF token", async () => {
    const list = await eva.html('/console/demarches');
    const id = /href="\/console\/demarches\/([0-9a-f]{16})"/.exec(list.html)![1]!;
    const jo = await signInAs(hub, 'jo@noumea.nc');
    expect((await jo.get(`/console/demarches/${id}`)).status).toBe(403);
    expect((await jo.get('/console/demarches?partenaire=koumac')).status).toBe(403);
    const joList = await jo.html('/console/demarches');
    expect(joList.html).not.toContain(id);
    expect((await jo.post(`/console/demarches/${id}/retirer`)).status).toBe(403);
    expect((await jo.post(`/console/demarches/${id}`, { name: 'Volé', url: 'https://example.org/' })).status).toBe(403);
    const modo = await signInAs(hub, 'modo@koumac.nc');
    expect((await modo.get('/console/demarches')).status).toBe(403);
    expect(modo.cookies.size).toBeGreaterThan(0);
    expect((await eva.post(`/console/demarches/${id}/retirer`, {}, { csrf: null })).status).toBe(403);
    expect((await hub.request(`/sortie/${id}`, { redirect: 'manual' })).status).toBe(302);
  });

  it('shows the exits of the last 30 days per service and day, with their total', async () => {
    const list = await eva.html('/console/demarches');
    const id = /href="\/console\/demarches\/([0-9a-f]{16})"/.exec(list.html)![1]!;
    const before = /(\d+) sorties? au total/.exec(list.html)![1]!;
    for (let i = 0; i < 3; i++) await hub.request(`/sortie/${id}`, { redirect: 'manual' });
    const page = await eva.html('/console/demarches');
    const total = Number(before) + 3;
    expect(page.html).toMatch(new RegExp(`${total}(\\s|&nbsp;|\u00a0)sorties au total`));
    expect(page.html).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}">[^<]+<\/time>(\s|\u00a0)?:(\s|\u00a0)\d+/);
    const jo = await signInAs(hub, 'jo@noumea.nc');
    const joPage = await jo.html('/console/demarches');
    expect(joPage.html).toMatch(/0(\s|\u00a0)sortie au total/);
  });
});
