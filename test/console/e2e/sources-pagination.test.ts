/**
 * The console's sources list when it has more than one page (50 sources a page), in
 * Chromium: page 1 (the failing source first, the count in the heading, the pagination
 * `nav`) and page 2 pass the page checks (axe at 320 px light and 1280 px dark, nothing
 * wider than the screen, no CSP error). The fewest sources that make a page 2: 51.
 * The every-page check (screens.test.ts) keeps a few sources; the list's pages, filter and
 * scopes are checked over HTTP in test/console/listed-pages.test.ts.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDoc } from '../../../hub/sources/index.js';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { createTestAgent, signInAs } from '../../helpers/console.js';
import { addFeedSources, markSourceFailing } from '../../helpers/console-sources.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';

/** One more than a page of the list holds (console/routes/sources.ts, SOURCES_PAGE_SIZE). */
const SOURCES = 51;

let hub: TestHub;
let browser: Browser;
let cookies: { name: string; value: string; url: string }[];
let sources: SourceDoc[];

describe.skipIf(!HAS_CHROMIUM)('the console sources list, by pages, in Chromium', () => {
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, label: 'consolepages' });
    await createTestAgent({ email: 'lea@gouv.nc', name: 'Léa Plateforme', role: 'platform-admin' });
    const lea = await signInAs(hub, 'lea@gouv.nc');
    sources = await addFeedSources('koumac', SOURCES, false);
    // The last one created fails: « failing first » puts it at the top of page 1.
    await markSourceFailing(sources.at(-1)!);
    cookies = [...lea.cookies].map(([name, value]) => ({ name, value, url: hub.url }));
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('shows page 1 with the failing source first, the count and the pagination, and passes the page checks', async () => {
    const context = await browser.newContext();
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(`${hub.url}/console/sources`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Sources (${SOURCES})`);
    const rows = page.locator('th[scope="row"] a');
    expect(await rows.count()).toBe(50);
    expect(await rows.first().getAttribute('href')).toBe(`/console/sources/${sources.at(-1)!._id}`);
    const nav = page.getByRole('navigation', { name: 'Pagination' });
    expect(await nav.locator('[aria-current="page"]').textContent()).toBe('1');
    await nav.locator('a[href="/console/sources?page=2"]').first().click();
    await page.waitForURL(/page=2/);
    expect(await page.locator('th[scope="row"] a').count()).toBe(1);
    expect(await nav.locator('[aria-current="page"]').textContent()).toBe('2');
    await context.close();
    await checkPageEverywhere(browser, `${hub.url}/console/sources`, 'console-sources-page-1', { cookies });
  }, 120_000);

  it('passes the page checks on page 2, and on a filter that keeps a single page', async () => {
    await checkPageEverywhere(browser, `${hub.url}/console/sources?page=2`, 'console-sources-page-2', { cookies });
    await checkPageEverywhere(browser, `${hub.url}/console/sources?etat=echec`, 'console-sources-echec', {
      cookies,
    });
  }, 120_000);
});
