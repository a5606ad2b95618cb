/**
 * The portal's wish pages over real HTTP on a real database: /souhaits (sorts, filters,
 * pages, response times, French 400s), /souhaits/:id (history signed by partners, answers,
 * links to the answering item and the other wish), and « Moi aussi » without JavaScript
 * (the portal's visitor cookie, exact counts, withdrawal, closed wishes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { changeStatus, createItem, makeToken, newVisitor, publishedWish, support } from '../hub/voice/fixtures.js';
import { getPage, measureTransfer, textsOf } from './helpers/http.js';
import { openFormSession } from './helpers/form-session.js';

let hub: TestHub;
let noumea: string;
const ids: Record<string, string> = {};
let itemId: string;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'portalwishes' });
  noumea = await makeToken(hub, 'partner-admin', 'noumea', 'Agent de Nouméa');
  ids.dechets = await publishedWish(hub, newVisitor(), {
    title: 'Horaires des déchetteries de Nouméa',
    commune: '98818',
    topic: 'dechets',
  });
  ids.bus = await publishedWish(hub, newVisitor(), { title: 'Lignes de bus du dimanche', commune: '98817' });
  ids.piscine = await publishedWish(hub, newVisitor(), { title: 'Tarifs des piscines municipales' });
  ids.bus2 = await publishedWish(hub, newVisitor(), { title: 'Les bus le dimanche à Dumbéa' });
  // Supports: bus 3, dechets 1, piscine 0.
  for (let i = 0; i < 3; i += 1) expect((await support(hub, ids.bus, newVisitor())).status).toBe(200);
  expect((await support(hub, ids.dechets, newVisitor())).status).toBe(200);
  // Déchets: assigned to Nouméa, answered and published; bus2: duplicate of bus.
  itemId = await createItem('noumea');
  expect((await changeStatus(hub, ids.dechets, { status: 'a-l-etude', partnerIds: ['noumea'] })).status).toBe(200);
  const answer = 'Les horaires seront publiés sur la page des déchetteries.';
  expect((await changeStatus(hub, ids.dechets, { status: 'accepte', answer }, noumea)).status).toBe(200);
  expect((await changeStatus(hub, ids.dechets, { status: 'publie', itemId }, noumea)).status).toBe(200);
  expect((await changeStatus(hub, ids.bus2, { status: 'doublon', duplicateOf: ids.bus })).status).toBe(200);
}, 120_000);
afterAll(() => hub?.stop());

const titles = (html: string) => textsOf(html, 'pl-wish-card__title');

describe('/souhaits', () => {
  it('lists the wishes by supports, newest or recently answered, with valid HTML', async () => {
    const { res, html } = await getPage(hub, '/souhaits');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(titles(html).slice(0, 2)).toEqual(['Lignes de bus du dimanche', 'Horaires des déchetteries de Nouméa']);
    expect(html).toContain('3\u00a0soutiens');
    expect(html).toContain('href="/souhaits/proposer"');
    expect(html).toContain('href="/feeds/wishes.rss"');
    expect(await validateHtml(html)).toEqual([]);

    const recent = await getPage(hub, '/souhaits?tri=recent');
    expect(titles(recent.html)[0]).toBe('Les bus le dimanche à Dumbéa');
    const answered = await getPage(hub, '/souhaits?tri=answered');
    // The duplicate was marked last: an answer too.
    expect(titles(answered.html)).toEqual(['Les bus le dimanche à Dumbéa', 'Horaires des déchetteries de Nouméa']);
    expect(answered.html).toContain('Les horaires seront publiés sur la page des déchetteries.');
  });

  it('filters by status, topic and commune, and pages', async () => {
    expect(titles((await getPage(hub, '/souhaits?statut=doublon')).html)).toEqual(['Les bus le dimanche à Dumbéa']);
    expect(titles((await getPage(hub, '/souhaits?theme=dechets')).html)).toEqual([
      'Horaires des déchetteries de Nouméa',
    ]);
    const commune = await getPage(hub, '/souhaits?commune=98817');
    expect(titles(commune.html)).toEqual(['Lignes de bus du dimanche']);
    expect(commune.html).toContain('1\u00a0souhait pour ces filtres');
    expect(commune.html).toMatch(/<option value="98817" selected/);
    expect((await getPage(hub, '/souhaits?page=2')).res.status).toBe(404);
  });

  it('shows each partner’s public response time', async () => {
    const { html } = await getPage(hub, '/souhaits');
    const table = html.slice(html.indexOf('id="delais"'));
    expect(table).toMatch(/Ville de Nouméa|Nouméa/);
    // Assigned and answered at once: a median of 0 days, 100 % within 30 days.
    expect(table).toContain('0\u00a0jour');
    expect(table).toMatch(/100\u00a0%/);
  });

  it('is light on a slow network: the page and the wish script, compressed', async () => {
    const list = await measureTransfer(hub, '/souhaits', 'br');
    expect(list.contentEncoding).toBe('br');
    expect(list.bytes).toBeLessThan(8_000);
    const form = await getPage(hub, '/souhaits/proposer');
    const script = /src="(\/assets\/souhaits\.[0-9a-f]{12}\.js)"/.exec(form.html)![1]!;
    const res = await fetch(hub.url + script);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect((await measureTransfer(hub, script, 'br')).bytes).toBeLessThan(1_000);
  });

  it('answers a wrong query with a French 400 page', async () => {
    const { res, html } = await getPage(hub, '/souhaits?statut=perdu&tri=hasard');
    expect(res.status).toBe(400);
    expect(html).toContain('statut inconnu');
    expect(html).toContain('tri inconnu');
  });
});

describe('/souhaits/:id', () => {
  it('shows the dated history signed by the partner, the answer and the answering item', async () => {
    const { res, html } = await getPage(hub, `/souhaits/${ids.dechets}`);
    expect(res.status).toBe(200);
    expect(html).toContain('<h1');
    expect(html).toContain('Horaires des déchetteries de Nouméa');
    const steps = textsOf(html, 'pl-wish-history__step');
    expect(steps).toHaveLength(4);
    expect(steps[0]).toMatch(/Proposé, par Un citoyen/);
    expect(steps[2]).toMatch(/Accepté, par .*Nouméa/);
    expect(steps[2]).toContain('Les horaires seront publiés');
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT/);
    expect(html).toContain(`href="/articles/${itemId}"`);
    // Closed: no « Moi aussi ».
    expect(html).not.toContain('Moi aussi');
    expect(html).not.toContain('Agent de Nouméa');
    expect(await validateHtml(html)).toEqual([]);
  });

  it('links a duplicate to the wish that continues', async () => {
    const { html } = await getPage(hub, `/souhaits/${ids.bus2}`);
    expect(html).toContain(`href="/souhaits/${ids.bus}"`);
    expect(html).toContain('Ce souhait rejoint un souhait semblable');
  });

  it('is a French 404 for an unknown wish', async () => {
    const { res, html } = await getPage(hub, '/souhaits/inconnu-0000000');
    expect(res.status).toBe(404);
    expect(html).toContain('introuvable');
  });
});

describe('« Moi aussi » without JavaScript', () => {
  it('supports once per visitor cookie, counts exactly, and withdraws', async () => {
    const citizen = openFormSession(hub);
    const path = `/souhaits/${ids.piscine}`;
    const first = await citizen.post(`${path}/soutien`, { action: 'soutenir' });
    expect(first.res.status).toBe(303);
    expect(first.res.headers.get('location')).toBe(`${path}?etat=soutenu#soutiens`);
    expect(citizen.cookies.get('passerelle_visiteur')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // Twice from the same visitor: still one.
    expect((await citizen.post(`${path}/soutien`, { action: 'soutenir' })).res.status).toBe(303);
    const page = await citizen.get(`${path}?etat=soutenu`);
    expect(page.html).toContain('Votre soutien est enregistré.');
    expect(page.html).toContain('<strong>1\u00a0soutien</strong>');
    expect(page.html).toContain('Retirer mon soutien');
    expect(await validateHtml(page.html)).toEqual([]);
    // Another visitor: two; the first withdraws: one.
    const other = openFormSession(hub);
    await other.post(`${path}/soutien`, { action: 'soutenir' });
    expect((await other.get(path)).html).toContain('<strong>2\u00a0soutiens</strong>');
    const withdrawn = await citizen.post(`${path}/soutien`, { action: 'retirer' });
    expect(withdrawn.res.headers.get('location')).toBe(`${path}?etat=retire#soutiens`);
    const after = await citizen.get(path);
    expect(after.html).toContain('<strong>1\u00a0soutien</strong>');
    expect(after.html).toContain('Moi aussi');
  });

  it('tells that a closed wish takes no more supports, and refuses a form from another site', async () => {
    const citizen = openFormSession(hub);
    const closed = await citizen.post(`/souhaits/${ids.dechets}/soutien`, { action: 'soutenir' });
    expect(closed.res.headers.get('location')).toBe(`/souhaits/${ids.dechets}?etat=ferme#soutiens`);
    const res = await fetch(`${hub.url}/souhaits/${ids.piscine}/soutien`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      body: 'action=soutenir',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('ne peut être envoyé que depuis ce site');
  });
});
