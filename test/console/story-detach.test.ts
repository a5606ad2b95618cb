/**
 * « Détacher de l’histoire » over real HTTP: an item grouped with other partners' copies
 * shows them on its Contenus page; its partner's agent detaches it after a confirmation
 * (CSRF form), it is journaled and never grouped again; another partner's agent and a
 * moderator are refused, and the item stays grouped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findItem } from '../../hub/items/index.js';
import { createTestAgent, signInAs, type ConsoleClient } from '../helpers/console.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { insertItems } from '../helpers/items.js';

let hub: TestHub;
let ana: ConsoleClient;

const ANNOUNCEMENT = 'Fermeture de la RT1 à Koné';

describe('console: « Détacher de l’histoire »', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'storydetach' });
    // One story told by three partners (the government founded it), and one item alone.
    await insertItems([
      { id: 'gouv-rt1', partnerId: 'gouvernement', title: ANNOUNCEMENT },
      { id: 'koumac-rt1', partnerId: 'koumac', title: `${ANNOUNCEMENT} (relais)`, storyId: 'gouv-rt1' },
      { id: 'poum-rt1', partnerId: 'poum', title: `${ANNOUNCEMENT}, à Poum`, storyId: 'gouv-rt1' },
      { id: 'koumac-seul', partnerId: 'koumac', title: 'Marché de Koumac samedi' },
    ]);
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
    await createTestAgent({ email: 'paul@poum.nc', name: 'Paul Téin', role: 'editor', partnerId: 'poum' });
    await createTestAgent({ email: 'modo@koumac.nc', name: 'Marie Modo', role: 'moderator', partnerId: 'koumac' });
    ana = await signInAs(hub, 'ana@koumac.nc');
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('shows the other partners’ copies and the way out; nothing for an item alone', async () => {
    const page = await ana.html('/console/contenus/koumac-rt1');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Regroupé avec');
    expect(page.html).toContain(ANNOUNCEMENT);
    expect(page.html).toContain('href="/console/contenus/koumac-rt1?confirmer=detacher#confirmation"');
    expect(page.html).toContain('Détacher de l’histoire…');
    expect(await validateHtml(page.html)).toEqual([]);
    const alone = await ana.html('/console/contenus/koumac-seul');
    expect(alone.html).not.toContain('Regroupé avec');
    expect(alone.html).not.toContain('Détacher');
  });

  it('refuses another partner’s agent and a moderator: the item stays grouped', async () => {
    const paul = await signInAs(hub, 'paul@poum.nc');
    expect((await paul.get('/console/contenus/koumac-rt1?confirmer=detacher')).status).toBe(403);
    await paul.html('/console/contenus/poum-rt1');
    expect((await paul.post('/console/contenus/koumac-rt1/detacher')).status).toBe(403);
    const modo = await signInAs(hub, 'modo@koumac.nc');
    await modo.html('/console');
    expect((await modo.post('/console/contenus/koumac-rt1/detacher')).status).toBe(403);
    // Without the CSRF token, even its own partner is refused.
    expect((await ana.post('/console/contenus/koumac-rt1/detacher', {}, { csrf: null })).status).toBe(403);
    expect(await findItem('koumac-rt1')).toMatchObject({ storyId: 'gouv-rt1' });
  });

  it('detaches after a French confirmation, journaled; the others stay grouped', async () => {
    const asked = await ana.html('/console/contenus/koumac-rt1?confirmer=detacher');
    expect(asked.html).toMatch(/Détacher ce contenu de l’histoire\s\?/);
    expect(asked.html).toContain('Il ne sera plus regroupé avec les publications de');
    expect(asked.html).toContain('action="/console/contenus/koumac-rt1/detacher"');
    expect(asked.html).toContain('Oui, détacher de l’histoire');
    expect(await validateHtml(asked.html)).toEqual([]);

    const done = await ana.post('/console/contenus/koumac-rt1/detacher');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/console/contenus/koumac-rt1');
    const after = await ana.html('/console/contenus/koumac-rt1');
    expect(after.html).toContain('est détaché de l’histoire');
    expect(after.html).toContain('Détaché : montré seul');
    expect(after.html).not.toContain('Regroupé avec');
    const stored = await findItem('koumac-rt1');
    expect(stored?.storyDetached).toBe(true);
    expect(stored?.storyId).toBeUndefined();
    expect(await findItem('poum-rt1')).toMatchObject({ storyId: 'gouv-rt1' });

    const journal = await ana.html('/console/journal');
    expect(journal.html).toContain('Contenu détaché de son histoire');
    expect(journal.html).toContain(`${ANNOUNCEMENT} (relais)`);
  });
});
