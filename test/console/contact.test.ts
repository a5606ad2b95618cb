/**
 * Coordonnées over real HTTP forms with their CSRF token: a partner's admin saves its office
 * (address, phone, e-mail, opening hours in the OpenStreetMap syntax); hours the library
 * cannot read exactly are refused in French next to the field, nothing saved; the preview
 * says open or closed in Nouméa's time; the map link is built; editors and other partners
 * cannot change it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAgent, signInAs, type ConsoleClient } from '../helpers/console.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

let hub: TestHub;
let ana: ConsoleClient;
const PATH = '/console/partenaires/koumac/coordonnees';

const office = {
  name: 'Mairie de Koumac',
  address: '1 rue Paul Mouren',
  postalCode: '98850',
  city: 'Koumac',
  phone: '47 61 00',
  email: 'mairie@koumac.nc',
  openingHours: 'Mo-Su 00:00-24:00',
  hoursNote: 'Fermé les jours fériés',
};

describe('console: coordonnées', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'consolecontact' });
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
    await createTestAgent({ email: 'paul@noumea.nc', name: 'Paul', role: 'partner-admin', partnerId: 'noumea' });
    await createTestAgent({ email: 'eva@koumac.nc', name: 'Eva', role: 'editor', partnerId: 'koumac' });
    ana = await signInAs(hub, 'ana@koumac.nc');
  }, 120_000);
  afterAll(async () => hub?.stop());

  it('saves the office; the preview says « Ouvert maintenant » and the portal’s API gives it', async () => {
    expect((await ana.html(PATH)).status).toBe(200);
    const res = await ana.post(PATH, office);
    expect(res.status).toBe(303);
    const page = await ana.html(PATH);
    expect(page.html).toMatch(/Ouvert maintenant/);
    expect(page.html).toContain('value="47 61 00"');
    expect(page.html).toContain('https://www.openstreetmap.org/search?query=');
    const api = await (await hub.request('/api/v1/partners/koumac')).json();
    expect(api.office).toMatchObject({ ...office });

    await ana.post(PATH, { ...office, openingHours: 'Mo-Su off' });
    expect((await ana.html(PATH)).html).toMatch(/Fermé maintenant/);
    await ana.post(PATH, { ...office, openingHours: 'Mo-Fr 07:30-11:30,12:15-16:00; Sa-Su off' });
    const week = await ana.html(PATH);
    expect(week.html).toMatch(
      /lundi(\s|\u00a0): 7(\s|\u00a0)h(\s|\u00a0)30–11(\s|\u00a0)h(\s|\u00a0)30, 12(\s|\u00a0)h(\s|\u00a0)15–16(\s|\u00a0)h/,
    );
    expect(week.html).toMatch(/dimanche(\s|\u00a0): fermé/);
    expect(week.html).toMatch(/(Ouvert|Fermé) maintenant/);
  });

  it('refuses hours the library cannot read exactly, in French next to the field, nothing saved', async () => {
    await ana.html(PATH);
    for (const hours of ['Mo-Fr 07:30-11:30 12:15', 'lundi 8h-12h', 'Mo-Fr 08:00-12:00; PH off']) {
      const res = await ana.post(PATH, { ...office, openingHours: hours });
      expect(res.status, hours).toBe(400);
      const html = await res.text();
      expect(html).toMatch(/<title>Erreur(\s|\u00a0): /);
      const message = /id="openingHours-error">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
      expect(message, hours).toMatch(/horaires|jours fériés/);
      expect(html).toMatch(/id="openingHours"[^>]*aria-invalid="true"/);
    }
    const bad = await ana.post(PATH, { ...office, phone: 'appelez-nous', email: 'pas-un-courriel' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="phone-error"');
    expect(html).toContain('id="email-error"');
    const api = await (await hub.request('/api/v1/partners/koumac')).json();
    expect(api.office.openingHours).toBe('Mo-Fr 07:30-11:30,12:15-16:00; Sa-Su off');
    expect(api.office.phone).toBe('47 61 00');
  });

  it('refuses an editor (partner records are its admin’s) and another partner, and a post without its CSRF token', async () => {
    const eva = await signInAs(hub, 'eva@koumac.nc');
    expect((await eva.get(PATH)).status).toBe(403);
    expect((await eva.post(PATH, office)).status).toBe(403);
    const paul = await signInAs(hub, 'paul@noumea.nc');
    expect((await paul.get(PATH)).status).toBe(403);
    expect((await paul.post(PATH, { ...office, phone: '00 00 00' })).status).toBe(403);
    expect((await ana.post(PATH, { ...office, phone: '11 11 11' }, { csrf: null })).status).toBe(403);
    const api = await (await hub.request('/api/v1/partners/koumac')).json();
    expect(api.office.phone).toBe('47 61 00');
  });
});
