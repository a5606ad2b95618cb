/**
 * « Mes données » on the portal without JavaScript, over real HTTP on a real database: a
 * visitor known by the portal's cookie gives page feedback and supports a wish, the page
 * counts them, the download holds them, the erasure (confirmation, form token) removes
 * them and forgets the cookie while another visitor's data stays; no cookie, forged and
 * cross-site posts, and the API's limit per address.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setInteractionClock } from '../../hub/interaction/index.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { createItem, newVisitor, oldFormToken, publishedWish, readWish, support } from '../hub/voice/fixtures.js';
import { getPage } from './helpers/http.js';
import { openFormSession, readFormToken, type FormSession } from './helpers/form-session.js';

let hub: TestHub;
let itemId: string;
let wishId: string;
const other = newVisitor();

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'portalmydata' });
  itemId = await createItem('noumea');
  wishId = await publishedWish(hub, newVisitor(), { title: 'Horaires des bus du dimanche' });
  // Another visitor (a widget's key) who supports the same wish and answers the same page.
  expect((await support(hub, wishId, other)).status).toBe(200);
  const feedback = await hub.request(`/api/v1/items/${itemId}/feedback`, {
    method: 'POST',
    headers: { 'Passerelle-Visitor': other },
    json: { useful: true, formToken: await oldFormToken(itemId, other) },
  });
  expect(feedback.status).toBeLessThan(300);
}, 120_000);
afterAll(() => hub?.stop());
afterEach(() => setInteractionClock());

function exportOf(visitor: string): Promise<Record<string, unknown[]>> {
  return hub
    .request('/api/v1/visitor/data', { headers: { 'Passerelle-Visitor': visitor } })
    .then((r) => r.json() as Promise<Record<string, unknown[]>>);
}

/** Opens a form page, then sends it 4 s later (the token's minimum age is 3 s). */
async function sendLater(citizen: FormSession, page: string, action: string, fields: Record<string, string>) {
  setInteractionClock();
  const form = await citizen.get(page);
  expect(form.res.status).toBe(200);
  setInteractionClock(() => new Date(Date.now() + 4_000));
  try {
    return await citizen.post(action, { formToken: readFormToken(form.html), ...fields });
  } finally {
    setInteractionClock();
  }
}

describe('« Mes données » without JavaScript', () => {
  let citizen: FormSession;
  let key = '';

  it('counts what the cookie’s key holds: feedback, a support, a like', async () => {
    citizen = openFormSession(hub);
    const sent = await sendLater(citizen, `/articles/${itemId}/avis?reponse=non`, `/articles/${itemId}/avis`, {
      utile: 'non',
      raisons: 'incomplet',
      texte: 'Il manque les horaires.',
      website: '',
    });
    expect(sent.res.status).toBe(303);
    key = citizen.cookies.get('passerelle_visiteur') ?? '';
    expect(key).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect((await citizen.post(`/souhaits/${wishId}/soutien`, { action: 'soutenir' })).res.status).toBe(303);
    // The same key through the API (as a script would send it): a like.
    const like = await hub.request(`/api/v1/items/${itemId}/likes`, {
      method: 'POST',
      headers: { 'Passerelle-Visitor': key },
    });
    expect(like.status).toBe(200);

    const { res, html } = await citizen.get('/mes-donnees');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const text = html.replace(/<[^>]+>/g, '').replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain('1 mention « J’aime »');
    expect(text).toContain('1 avis sur une page');
    expect(text).toContain('1 soutien « Moi aussi »');
    expect(text).toContain('0 souhait proposé');
    expect(text).toContain('0 commentaire');
    expect(html).toContain('action="/mes-donnees/telecharger"');
    expect(html).toContain('action="/mes-donnees/effacer"');
    expect(await validateHtml(html)).toEqual([]);
  });

  it('downloads the API’s export as an attachment, not stored', async () => {
    const { res, html } = await citizen.get('/mes-donnees/telecharger');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="mes-donnees-passerelle-\d{4}-\d\d-\d\d\.json"/,
    );
    expect(res.headers.get('content-type')).toContain('application/json');
    const data = JSON.parse(html) as Record<string, unknown[]>;
    expect(data.feedback).toMatchObject([
      { itemId, useful: false, reasons: ['incomplet'], text: 'Il manque les horaires.' },
    ]);
    expect(data.supports).toMatchObject([{ wishId }]);
    expect(data.likes).toMatchObject([{ itemId }]);
    expect(data).toEqual(expect.objectContaining({ wishes: [], comments: [] }));
  });

  it('refuses a forged or cross-site erasure in French, erasing nothing', async () => {
    const forged = await citizen.post('/mes-donnees/effacer', { formToken: 'faux.jeton' });
    expect(forged.res.status).toBe(400);
    expect(forged.html).toMatch(/<title>Erreur\s:\sEffacer mes données/);
    expect(forged.html).toContain('Vos données n’ont pas été effacées.');
    expect(forged.html).toContain('rien n’a été effacé');
    expect(await validateHtml(forged.html)).toEqual([]);
    // A valid token, but posted from another site.
    const page = await citizen.get('/mes-donnees/effacer');
    const cross = await fetch(`${hub.url}/mes-donnees/effacer`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `passerelle_visiteur=${key}`,
        'sec-fetch-site': 'cross-site',
        accept: 'text/html',
      },
      body: new URLSearchParams({ formToken: readFormToken(page.html) }).toString(),
    });
    expect(cross.status).toBe(400);
    expect(await cross.text()).toContain('ce formulaire ne peut être envoyé que depuis ce site');
    // Another visitor's token (from another cookie) is refused too.
    const stranger = openFormSession(hub);
    await stranger.get(`/articles/${itemId}/avis`);
    const strangerPage = await stranger.get('/mes-donnees/effacer');
    setInteractionClock(() => new Date(Date.now() + 4_000));
    const foreign = await citizen.post('/mes-donnees/effacer', { formToken: readFormToken(strangerPage.html) });
    expect(foreign.res.status).toBe(403);
    expect(foreign.html).toContain('rien n’a été effacé');
    const still = await exportOf(key);
    expect([still.feedback?.length, still.supports?.length, still.likes?.length]).toEqual([1, 1, 1]);
  });

  it('erases after the confirmation, forgets the cookie, and leaves the other visitor’s data', async () => {
    const confirm = await citizen.get('/mes-donnees/effacer');
    expect(confirm.res.status).toBe(200);
    expect(confirm.html).toContain('Vous allez effacer définitivement');
    expect(await validateHtml(confirm.html)).toEqual([]);
    setInteractionClock(() => new Date(Date.now() + 4_000));
    const erased = await citizen.post('/mes-donnees/effacer', { formToken: readFormToken(confirm.html) });
    expect(erased.res.status).toBe(303);
    expect(erased.res.headers.get('location')).toBe('/mes-donnees?efface=1');
    expect(erased.res.headers.get('set-cookie')).toMatch(/passerelle_visiteur=;.*expires=Thu, 01 Jan 1970/i);
    setInteractionClock();

    const after = await exportOf(key);
    for (const kind of ['likes', 'comments', 'flags', 'feedback', 'wishes', 'supports', 'wishFlags', 'followUps'])
      expect(after[kind], kind).toEqual([]);
    const kept = await exportOf(other);
    expect(kept.feedback).toMatchObject([{ itemId, useful: true }]);
    expect(kept.supports).toMatchObject([{ wishId }]);
    expect((await readWish(hub, wishId)).supports).toBe(1);

    const done = await citizen.get('/mes-donnees?efface=1');
    expect(done.html).toContain('Vos données sont effacées.');
    expect(done.html).toContain('rien n’est enregistré à son nom');
    expect(await validateHtml(done.html)).toEqual([]);
  });
});

describe('« Mes données » without a cookie', () => {
  it('says nothing is stored and offers nothing to download or erase', async () => {
    const { res, html } = await getPage(hub, '/mes-donnees');
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(html).toContain('rien n’est enregistré à son nom');
    expect(html).not.toContain('action="/mes-donnees/effacer"');
    const download = await fetch(`${hub.url}/mes-donnees/telecharger`, { redirect: 'manual' });
    expect(download.status).toBe(303);
    const post = await openFormSession(hub).post('/mes-donnees/effacer', { formToken: 'x' });
    expect(post.res.status).toBe(400);
    expect(post.html).toContain('il n’y a rien à effacer');
  });

  it('is linked from « Vos droits » of /donnees-personnelles and the footer', async () => {
    const { html } = await getPage(hub, '/donnees-personnelles');
    const rights = html.slice(html.indexOf('id="droits-titre"'));
    expect(rights).toContain('<a href="/mes-donnees">Mes données</a>');
    expect(html).toMatch(/<footer[\s\S]*href="\/mes-donnees"/);
    expect(html).toContain('90 jours après la clôture du souhait');
    expect(await validateHtml(html)).toEqual([]);
  });
});

describe('the API’s limit per address', () => {
  it('answers 429 in French past 60 looks in 10 minutes', async () => {
    const citizen = openFormSession(hub);
    await citizen.get(`/articles/${itemId}/avis`);
    let last = 0;
    for (let i = 0; i < 61 && last !== 429; i += 1) last = (await citizen.get('/mes-donnees')).res.status;
    expect(last).toBe(429);
    const { html } = await citizen.get('/mes-donnees/telecharger');
    expect(html).toContain('Trop de demandes depuis votre connexion');
  });
});
