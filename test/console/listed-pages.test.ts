/**
 * Console pages served from what the hub holds in memory (issue 11's speed budget):
 * - the sources list, 50 a page, failing sources first, a filter by state, the count in
 *   the heading, pages as a `nav` with `aria-current`; a page past the last shows the last;
 *   a partner admin sees only their partner's sources on every page;
 * - a source's page from the sources held in memory;
 * - one item's page from the console's listing, without reading the item from the
 *   database (on FerretDB 1.24 a read by `_id` scans until it meets the item), and from
 *   the database when the listing does not hold it yet.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDoc } from '../../hub/sources/index.js';
import { createTestAgent, signInAs, type ConsoleClient } from '../helpers/console.js';
import { addFeedSources, markSourceFailing } from '../helpers/console-sources.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { insertItems } from '../helpers/items.js';

let hub: TestHub;
let ana: ConsoleClient;
let paul: ConsoleClient;
/** Koumac's sources in creation order (the list's order within a state). */
let koumac: SourceDoc[];
let failing: SourceDoc;

const rowsOf = (html: string) =>
  [...html.matchAll(/<th scope="row"><a href="\/console\/sources\/([^"]+)"/g)].map((m) => m[1]);
const headingOf = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
const currentPage = (html: string) => /aria-current="page"[^>]*>(\d+)</.exec(html)?.[1];

describe('console: the sources list, by pages', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'consolelisted' });
    koumac = await addFeedSources('koumac', 60);
    // The last one created fails: without « failing first » it would be on page 2.
    failing = koumac[59]!;
    await markSourceFailing(failing);
    await addFeedSources('noumea', 3);
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
    await createTestAgent({ email: 'paul@noumea.nc', name: 'Paul Nouméa', role: 'partner-admin', partnerId: 'noumea' });
    await createTestAgent({ email: 'lea@gouv.nc', name: 'Léa Plateforme', role: 'platform-admin' });
    ana = await signInAs(hub, 'ana@koumac.nc');
    paul = await signInAs(hub, 'paul@noumea.nc');
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('lists 50 sources a page, the failing one first, the count in the heading', async () => {
    const first = await ana.html('/console/sources');
    expect(first.status).toBe(200);
    expect(headingOf(first.html)).toBe('Sources (60)');
    expect(first.html).toContain('60 sources, page 1 sur 2');
    const rows = rowsOf(first.html);
    expect(rows).toHaveLength(50);
    expect(rows[0]).toBe(failing._id);
    expect(rows.slice(1)).toEqual(koumac.slice(0, 49).map((s) => s._id));
    expect(first.html).toMatch(/<nav class="pl-pagination" aria-label="Pagination">/);
    expect(currentPage(first.html)).toBe('1');
    expect(first.html).toContain('href="/console/sources?page=2"');
    expect(await validateHtml(first.html)).toEqual([]);
  });

  it('lists the next sources on page 2, and shows the last page for a page past it', async () => {
    const second = await ana.html('/console/sources?page=2');
    expect(rowsOf(second.html)).toEqual(koumac.slice(49, 59).map((s) => s._id));
    expect(currentPage(second.html)).toBe('2');
    expect(second.html).toContain('60 sources, page 2 sur 2');
    const past = await ana.html('/console/sources?page=9');
    expect(past.status).toBe(200);
    expect(rowsOf(past.html)).toEqual(rowsOf(second.html));
    expect(currentPage(past.html)).toBe('2');
  });

  it('filters by state, and keeps the filter in the pages', async () => {
    const failingOnly = await ana.html('/console/sources?etat=echec');
    expect(headingOf(failingOnly.html)).toBe('Sources en échec (1)');
    expect(rowsOf(failingOnly.html)).toEqual([failing._id]);
    const neverRead = await ana.html('/console/sources?etat=jamais-lue');
    expect(headingOf(neverRead.html)).toBe('Sources jamais lues (59)');
    expect(rowsOf(neverRead.html)).not.toContain(failing._id);
    expect(neverRead.html).toContain('href="/console/sources?etat=jamais-lue&amp;page=2"');
    expect(rowsOf((await ana.html('/console/sources?etat=jamais-lue&page=2')).html)).toHaveLength(9);
    expect(headingOf((await ana.html('/console/sources?etat=desactivee')).html)).toBe('Sources désactivées (0)');
    // An unknown state lists every source.
    expect(headingOf((await ana.html('/console/sources?etat=nimporte')).html)).toBe('Sources (60)');
  });

  it("shows a partner admin only their partner's sources, on every page", async () => {
    const page = await paul.html('/console/sources');
    expect(headingOf(page.html)).toBe('Sources (3)');
    expect(rowsOf(page.html)).toHaveLength(3);
    const koumacIds = new Set(koumac.map((s) => s._id));
    expect(rowsOf(page.html).some((id) => koumacIds.has(id!))).toBe(false);
    expect(page.html).not.toContain('aria-label="Pagination"');
    expect(rowsOf((await paul.html('/console/sources?page=2')).html)).toEqual(rowsOf(page.html));
    expect((await paul.get('/console/sources?partenaire=koumac&page=2')).status).toBe(403);
  });

  it("lets a platform admin page through one partner's sources", async () => {
    const lea = await signInAs(hub, 'lea@gouv.nc');
    const all = await lea.html('/console/sources');
    expect(headingOf(all.html)).toBe('Sources (63)');
    const one = await lea.html('/console/sources?partenaire=koumac');
    expect(headingOf(one.html)).toBe('Sources (60)');
    expect(one.html).toContain('href="/console/sources?partenaire=koumac&amp;page=2"');
  });

  it("shows a source's page from memory, with this process's change at once", async () => {
    const source = koumac[3]!;
    expect((await ana.html(`/console/sources/${source._id}`)).html).toContain('Désactiver');
    expect((await ana.post(`/console/sources/${source._id}/desactiver`)).status).toBe(303);
    const after = await ana.html(`/console/sources/${source._id}`);
    expect(after.html).toContain('>Activer<');
    expect(headingOf((await ana.html('/console/sources?etat=desactivee')).html)).toBe('Sources désactivées (1)');
    expect((await paul.get(`/console/sources/${source._id}`)).status).toBe(403);
    expect((await ana.get('/console/sources/inconnue')).status).toBe(404);
  });
});

describe("console: an item's page from the listing", () => {
  /** The item reads the test process's hub sends to the database while `fn` runs. */
  async function itemReads(fn: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    mongoose.set('debug', (collection: string, method: string, query: unknown) => {
      if (collection === 'items') seen.push(`${method} ${JSON.stringify(query)}`);
    });
    try {
      await fn();
    } finally {
      mongoose.set('debug', false);
    }
    return seen;
  }

  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'consolelisteditem' });
    await insertItems([
      { id: 'koumac-a', partnerId: 'koumac', title: 'Marché de Koumac', stats: { likes: 4, comments: 2 } },
      { id: 'noumea-a', partnerId: 'noumea', title: 'Réservé à Nouméa' },
    ]);
    await createTestAgent({ email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' });
    ana = await signInAs(hub, 'ana@koumac.nc');
    // The first console listing loads the items (one scan); pages after it read none by `_id`.
    expect((await ana.html('/console/contenus')).html).toContain('Marché de Koumac');
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('shows an item held in the listing without reading it from the database', async () => {
    let page!: { status: number; html: string };
    const reads = await itemReads(async () => (page = await ana.html('/console/contenus/koumac-a')));
    expect(page.status).toBe(200);
    expect(page.html).toContain('Marché de Koumac');
    expect(page.html).toContain('4');
    expect(reads.filter((r) => r.includes('koumac-a'))).toEqual([]);
  });

  it('reads from the database an item the listing does not hold yet, and refuses another partner’s', async () => {
    // Written behind the hub's back: no change-log entry, so the listing never learns of it.
    await insertItems([{ id: 'koumac-late', partnerId: 'koumac', title: 'Arrivé après la liste' }]);
    let page!: { status: number; html: string };
    const reads = await itemReads(async () => (page = await ana.html('/console/contenus/koumac-late')));
    expect(page.status).toBe(200);
    expect(page.html).toContain('Arrivé après la liste');
    expect(reads.some((r) => r.includes('koumac-late'))).toBe(true);
    expect((await ana.get('/console/contenus/noumea-a')).status).toBe(403);
    expect((await ana.get('/console/contenus/inconnu')).status).toBe(404);
  });

  it('shows a withdrawal at once (the listing takes this process’s writes)', async () => {
    await ana.html('/console/contenus/koumac-a?confirmer=retirer');
    expect((await ana.post('/console/contenus/koumac-a/retirer')).status).toBe(303);
    const after = await ana.html('/console/contenus/koumac-a');
    expect(after.html).toContain('Retiré par un agent');
  });
});
