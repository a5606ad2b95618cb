/**
 * Contenus over real HTTP: a partner's items with search, filters and pages, their likes
 * and comments with the link to their moderation; withdraw and restore after a
 * confirmation, in the journal and gone from the public API; roles, other partners and
 * CSRF refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAgent, signInAs, type ConsoleClient } from '../helpers/console.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { insertItems, type ItemFixture } from '../helpers/items.js';
import { newVisitor, postCommentOk } from '../hub/interaction/fixtures.js';

let hub: TestHub;
let ana: ConsoleClient;
let agendaId: string;

/** A Koumac source through the admin API; its id. */
async function createSource(name: string): Promise<string> {
  const res = await hub.request('/api/v1/admin/sources', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { partnerId: 'koumac', kind: 'feed', url: `https://www.koumac.nc/${name}.xml`, name, enabled: false },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** 30 Koumac items across two sources and two types, and one of Nouméa. */
function fixtures(actus: string, agenda: string): ItemFixture[] {
  const koumac: ItemFixture[] = Array.from({ length: 30 }, (_, i) => ({
    id: `koumac-${String(i + 1).padStart(2, '0')}`,
    partnerId: 'koumac',
    sourceId: i % 3 === 0 ? agenda : actus,
    type: i % 3 === 0 ? 'event' : 'news',
    title: i === 4 ? 'Fête du cerf et de la crevette' : `Actualité de Koumac numéro ${i + 1}`,
    publishedAt: new Date(Date.UTC(2026, 9, 1 + i)),
    stats: { likes: i, comments: 0 },
  }));
  return [...koumac, { id: 'noumea-secret', partnerId: 'noumea', title: 'Réservé à Nouméa' }];
}

/** The public API's answer for an item: 200 while published, 404 once withdrawn. */
const publicStatus = async (id: string) => (await fetch(`${hub.url}/api/v1/items/${id}`)).status;

const rowsOf = (html: string) =>
  [...html.matchAll(/<th scope="row"><a href="\/console\/contenus\/([^"]+)"/g)].map((m) => m[1]);

describe('console: Contenus', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'consolecontents' });
    const [actus, agenda] = [await createSource('Actus'), await createSource('Agenda')];
    agendaId = agenda!;
    await insertItems(fixtures(actus!, agenda!));
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
    await createTestAgent({ email: 'eric@koumac.nc', name: 'Éric Rédac', role: 'editor', partnerId: 'koumac' });
    await createTestAgent({ email: 'modo@koumac.nc', name: 'Marie Modo', role: 'moderator', partnerId: 'koumac' });
    ana = await signInAs(hub, 'ana@koumac.nc');
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('lists the partner’s items newest first, 25 a page, with likes and only its own', async () => {
    const first = await ana.html('/console/contenus');
    expect(first.status).toBe(200);
    expect(first.html).toContain('30 contenus, page 1 sur 2');
    const ids = rowsOf(first.html);
    expect(ids).toHaveLength(25);
    expect(ids[0]).toBe('koumac-30');
    expect(first.html).not.toContain('noumea-secret');
    expect(first.html).toContain('href="/console/contenus?page=2"');
    expect(await validateHtml(first.html), JSON.stringify(await validateHtml(first.html))).toEqual([]);
    const second = await ana.html('/console/contenus?page=2');
    expect(rowsOf(second.html)).toEqual(['koumac-05', 'koumac-04', 'koumac-03', 'koumac-02', 'koumac-01']);
  });

  it('filters by words of the title, source, type and status, and keeps the filters in the pages', async () => {
    const words = await ana.html('/console/contenus?q=CREVETTE');
    expect(rowsOf(words.html)).toEqual(['koumac-05']);
    const agenda = await ana.html(`/console/contenus?source=${agendaId}`);
    expect(rowsOf(agenda.html)).toHaveLength(10);
    expect(agenda.html).toContain(`<option value="${agendaId}" selected>Agenda</option>`);
    expect(agenda.html).toContain('<td>Agenda</td>');
    const events = await ana.html('/console/contenus?type=event&statut=published');
    expect(rowsOf(events.html)).toHaveLength(10);
    const news = await ana.html('/console/contenus?type=news');
    expect(news.html).toContain('20 contenus');
    const none = await ana.html('/console/contenus?statut=withdrawn');
    expect(none.html).toContain('Aucun contenu ne correspond à ces filtres.');
    // A regular-expression character is a word like any other, not a pattern.
    expect((await ana.html('/console/contenus?q=.*')).html).toContain('Aucun contenu');
  });

  it('shows an item’s comments count with a link to their moderation, filtered to that item', async () => {
    await postCommentOk(hub, 'koumac-30', newVisitor(), { author: 'Jean', body: 'Le marché est-il maintenu samedi ?' });
    await postCommentOk(hub, 'koumac-29', newVisitor(), { author: 'Rose', body: 'Où se gare-t-on pour la fête ?' });
    const page = await ana.html('/console/contenus/koumac-30');
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/console/moderation?statut=published&amp;contenu=koumac-30"');
    const queue = await ana.html('/console/moderation?statut=published&contenu=koumac-30');
    expect(queue.html).toContain('Le marché est-il maintenu samedi ?');
    expect(queue.html).not.toContain('Où se gare-t-on');
  });

  it('withdraws an item after confirmation: gone from the public API, in the journal; then restores it', async () => {
    const asked = await ana.html('/console/contenus/koumac-12?confirmer=retirer');
    expect(asked.html).toMatch(/Retirer ce contenu\s\?/);
    expect(asked.html).toContain('action="/console/contenus/koumac-12/retirer"');
    expect(await validateHtml(asked.html)).toEqual([]);
    expect(await publicStatus('koumac-12')).toBe(200);

    const done = await ana.post('/console/contenus/koumac-12/retirer');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/console/contenus/koumac-12');
    const after = await ana.html('/console/contenus/koumac-12');
    expect(after.html).toContain('est retiré du portail, des flux et des widgets.');
    expect(after.html).toContain('Retiré par un agent');
    expect(await publicStatus('koumac-12')).toBe(404);
    expect(rowsOf((await ana.html('/console/contenus?statut=withdrawn')).html)).toEqual(['koumac-12']);

    // Twice is refused in French, nothing changes.
    const again = await ana.post('/console/contenus/koumac-12/retirer');
    expect(again.status).toBe(409);
    const againHtml = await again.text();
    expect(againHtml, againHtml.slice(againHtml.indexOf('<main'), againHtml.indexOf('</main>'))).toMatch(
      /ce contenu n.est pas publié/i,
    );

    const journal = await ana.html('/console/journal');
    expect(journal.html).toContain('Contenu retiré');
    expect(journal.html).toContain('Actualité de Koumac numéro 12');

    expect((await ana.html('/console/contenus/koumac-12?confirmer=retablir')).html).toMatch(/Rétablir ce contenu\s\?/);
    expect((await ana.post('/console/contenus/koumac-12/retablir')).status).toBe(303);
    expect(await publicStatus('koumac-12')).toBe(200);
    expect((await ana.html('/console/journal')).html).toContain('Contenu rétabli');
  });

  it('refuses a form without its CSRF token', async () => {
    await ana.html('/console/contenus/koumac-11');
    const res = await ana.post('/console/contenus/koumac-11/retirer', {}, { csrf: null });
    expect(res.status).toBe(403);
    expect(await publicStatus('koumac-11')).toBe(200);
  });

  it('refuses another partner’s item, and roles without the capability', async () => {
    expect((await ana.get('/console/contenus/noumea-secret')).status).toBe(403);
    await ana.html('/console/contenus');
    expect((await ana.post('/console/contenus/noumea-secret/retirer')).status).toBe(403);
    expect((await ana.get('/console/contenus?partenaire=noumea')).status).toBe(403);
    expect((await ana.get('/console/contenus/inconnu')).status).toBe(404);
    expect(await publicStatus('noumea-secret')).toBe(200);

    const modo = await signInAs(hub, 'modo@koumac.nc');
    expect((await modo.get('/console/contenus')).status).toBe(403);
    expect((await modo.html('/console')).html).not.toContain('href="/console/contenus"');

    // An editor withdraws and restores (contents.write).
    const eric = await signInAs(hub, 'eric@koumac.nc');
    await eric.html('/console/contenus/koumac-10');
    expect((await eric.post('/console/contenus/koumac-10/retirer')).status).toBe(303);
    expect((await eric.post('/console/contenus/koumac-10/retablir')).status).toBe(303);
  });
});
