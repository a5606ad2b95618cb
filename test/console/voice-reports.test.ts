/**
 * What citizens tell about the content, in the console over real HTTP: « Avis sur les
 * pages » (least useful first, an item's free texts, never public), « Lisibilité » (hardest
 * first) and « Recherches sans réponse » (zero-result searches of the portal and the API
 * counted per normalized query and week with no visitor data; one action makes a wish).
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillItemsReadability } from '../../hub/items/index.js';
import { flushSearchMisses, isoWeek } from '../../hub/voice/index.js';
import { createTestAgent, signInAs, type ConsoleClient } from '../helpers/console.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { insertItems } from '../helpers/items.js';
import { createItem, newVisitor, oldFormToken } from '../hub/voice/fixtures.js';

let hub: TestHub;
let lea: ConsoleClient; // platform admin
let ana: ConsoleClient; // Koumac's partner admin
let noe: ConsoleClient; // Nouméa's editor

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'consolevoice' });
  await createTestAgent({ email: 'lea@gouv.nc', name: 'Léa Plateforme', role: 'platform-admin' });
  await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Koumac', role: 'partner-admin', partnerId: 'koumac' });
  await createTestAgent({ email: 'noe@noumea.nc', name: 'Noé Rédacteur', role: 'editor', partnerId: 'noumea' });
  [lea, ana, noe] = await Promise.all([
    signInAs(hub, 'lea@gouv.nc'),
    signInAs(hub, 'ana@koumac.nc'),
    signInAs(hub, 'noe@noumea.nc'),
  ]);
});
afterAll(() => hub?.stop());

async function htmlProblems(html: string) {
  // The kit Table's scrollable region is a div role=region by design.
  return (await validateHtml(html)).filter((p) => p.rule !== 'prefer-native-element');
}

async function answer(itemId: string, json: Record<string, unknown>): Promise<void> {
  const visitor = newVisitor();
  const res = await hub.request(`/api/v1/items/${itemId}/feedback`, {
    method: 'POST',
    headers: { 'Passerelle-Visitor': visitor },
    json: { formToken: await oldFormToken(itemId, visitor), ...json },
  });
  expect(res.status).toBe(201);
}

describe('« Avis sur les pages »', () => {
  it('lists a partner’s pages least useful first, and an item’s free texts to its agents only', async () => {
    const good = await createItem('koumac');
    const bad = await createItem('koumac');
    await answer(good, { useful: true });
    await answer(good, { useful: true });
    await answer(good, { useful: false, reasons: ['incomplet'] });
    await answer(bad, { useful: false, reasons: ['pas-clair', 'obsolete'], text: 'Les horaires datent de 2019.' });
    await answer(bad, { useful: false, reasons: ['pas-clair'] });
    const page = await ana.html('/console/avis');
    expect(page.status).toBe(200);
    expect(await htmlProblems(page.html)).toEqual([]);
    const rows = page.html.slice(page.html.indexOf('<tbody'));
    expect(rows.indexOf(`/console/avis/${bad}`)).toBeLessThan(rows.indexOf(`/console/avis/${good}`));
    expect(page.html).toMatch(/0\u202f%/);
    expect(page.html).toMatch(/67\u202f%/);
    expect(page.html).toMatch(/ce n(&#x27;|')est pas clair\s: 2/);
    const texts = await ana.html(`/console/avis/${bad}`);
    expect(texts.status).toBe(200);
    expect(texts.html).toContain('Les horaires datent de 2019.');
    expect(texts.html).toContain('Ces textes ne sont jamais publiés.');
    expect(await htmlProblems(texts.html)).toEqual([]);
    // Another partner's agent: refused; the public API never shows the text.
    expect((await noe.html(`/console/avis/${bad}`)).status).toBe(403);
    expect((await noe.html('/console/avis?partenaire=koumac')).status).toBe(403);
    const item = await (await hub.request(`/api/v1/items/${bad}`)).text();
    expect(item).not.toContain('datent de 2019');
    // A platform admin chooses the partner.
    const chosen = await lea.html('/console/avis?partenaire=koumac');
    expect(chosen.html).toContain(`/console/avis/${bad}`);
  });
});

describe('« Lisibilité »', () => {
  it('lists a partner’s measured pages hardest to read first', async () => {
    await insertItems([
      { id: 'lisi-facile', partnerId: 'koumac', title: 'Le marché', content: '<p>Le marché ouvre tôt. Venez.</p>' },
      {
        id: 'lisi-dure',
        partnerId: 'koumac',
        title: 'Autorisation préalable',
        content:
          "<p>La délivrance de l'autorisation administrative préalable est subordonnée à la production des justificatifs réglementaires.</p>",
      },
    ]);
    await fillItemsReadability();
    const page = await ana.html('/console/lisibilite');
    expect(page.status).toBe(200);
    expect(await htmlProblems(page.html)).toEqual([]);
    expect(page.html.indexOf('lisi-dure')).toBeGreaterThan(0);
    expect(page.html.indexOf('lisi-dure')).toBeLessThan(page.html.indexOf('lisi-facile'));
    expect(page.html).toContain('très difficile');
    expect((await noe.html('/console/lisibilite?partenaire=koumac')).status).toBe(403);
  });
});

describe('« Recherches sans réponse »', () => {
  it('counts zero-result searches of the portal and the API per normalized query and week, with no visitor data', async () => {
    const visitor = newVisitor();
    const headers = { 'Passerelle-Visitor': visitor, 'X-Forwarded-For': '203.0.113.7', 'User-Agent': 'Témoin/1.0' };
    expect((await hub.request('/api/v1/items?q=Permis%20de%20Pêche%20Sous-Marine', { headers })).status).toBe(200);
    expect((await hub.request('/api/v1/items?q=permis%20de%20peche%20%20sous-marine', { headers })).status).toBe(200);
    // Twice the same page: the second is served from the rendered pages, and counts too.
    for (let i = 0; i < 2; i++)
      expect((await hub.request('/recherche?q=PERMIS+DE+P%C3%8ACHE+sous-marine', { headers })).status).toBe(200);
    await flushSearchMisses();
    const records = await mongoose.connection.db!.collection('search_misses').find({}).toArray();
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(Object.keys(r).sort()).toEqual(['_id', 'count', 'query', 'week']);
    const stored = JSON.stringify(records);
    for (const trace of [visitor, '203.0.113.7', 'Témoin']) expect(stored).not.toContain(trace);
    const res = await hub.request('/api/v1/admin/searches/unanswered', { token: TEST_ADMIN_TOKEN });
    expect(res.status).toBe(200);
    const { queries } = (await res.json()) as { queries: { query: string; count: number; week: string }[] };
    expect(queries).toContainEqual({ query: 'permis de peche sous-marine', count: 4, week: isoWeek(new Date()) });
    expect(
      (await hub.request('/api/v1/admin/searches/unanswered?week=2026-53x', { token: TEST_ADMIN_TOKEN })).status,
    ).toBe(400);
  });

  it('makes a wish of a search: under study for a partner’s agent, « Nouveau » for the platform', async () => {
    for (let i = 0; i < 2; i++) await hub.request('/api/v1/items?q=navette%20maritime%20Ouvea');
    const page = await noe.html('/console/recherches-sans-reponse');
    expect(page.status).toBe(200);
    expect(await htmlProblems(page.html)).toEqual([]);
    expect(page.html).toContain('« navette maritime ouvea »');
    const made = await noe.post('/console/recherches-sans-reponse/souhait', {
      query: 'navette maritime ouvea',
      week: isoWeek(new Date()),
    });
    expect(made.status).toBe(303);
    const wishPath = String(made.headers.get('location'));
    const wishPage = await noe.html(wishPath);
    expect(wishPage.html).toContain('mis à l’étude par votre partenaire');
    const id = wishPath.split('/').at(-1);
    const wish = (await (await hub.request(`/api/v1/wishes/${id}`)).json()) as Record<string, unknown>;
    expect(wish).toMatchObject({
      status: 'a-l-etude',
      title: 'Recherche sans réponse : « navette maritime ouvea »',
      partners: [{ id: 'noumea' }],
    });
    expect(String(wish.body)).toContain('2 fois');
    await lea.html('/console/recherches-sans-reponse');
    const platform = await lea.post('/console/recherches-sans-reponse/souhait', {
      query: 'navette maritime ouvea',
      week: isoWeek(new Date()),
    });
    expect(platform.status).toBe(303);
    expect((await lea.html(String(platform.headers.get('location')))).html).toMatch(/au statut «\s?Nouveau\s?»/);
    // A query that is not in the week's list creates nothing.
    const forged = await lea.post('/console/recherches-sans-reponse/souhait', {
      query: 'inventée',
      week: isoWeek(new Date()),
    });
    expect(forged.status).toBe(303);
    expect(forged.headers.get('location')).toBe('/console/recherches-sans-reponse');
  });
});
