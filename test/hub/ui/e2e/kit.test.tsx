/**
 * Every component of the kit in Chromium, served with the pages' CSP and the built
 * stylesheet: no axe violation at 320 px light and 1280 px dark (the four with PAGE_CHECKS=all), nothing wider than the screen.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStylesheets, PAGE_CSP, renderPage } from '../../../../hub/ui/index.js';
import { HAS_CHROMIUM, launchBrowser } from '../../../helpers/browser.js';
import { checkPageEverywhere } from '../../../helpers/page-checks.js';
import { KitGallery } from '../kit-gallery.js';

let server: Server;
let origin: string;
let browser: Browser;

describe.skipIf(!HAS_CHROMIUM)('the kit in Chromium', () => {
  beforeAll(async () => {
    const sheets = await getStylesheets();
    const html = renderPage(<KitGallery />, sheets);
    server = createServer((req, res) => {
      if (req.url === sheets.portal.href) {
        res.writeHead(200, { 'Content-Type': 'text/css' }).end(sheets.portal.file.identity);
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP }).end(html);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('has no axe violation at 320 px light and 1280 px dark (the four with PAGE_CHECKS=all), and the stylesheet applies under the CSP', async () => {
    await checkPageEverywhere(browser, `${origin}/galerie`, 'kit');
    const page = await browser.newPage();
    await page.goto(`${origin}/galerie`);
    // The skip link is moved out of sight by the stylesheet, which the CSP let through.
    expect(await page.locator('.pl-skip-link').evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
    await page.close();
  }, 90_000);

  it('shows a visible focus ring and moves to a field from the error summary', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/galerie`);
    await page.getByRole('link', { name: 'Indiquez votre nom' }).first().click();
    expect(await page.evaluate(() => location.hash)).toBe('#nom');
    await page.getByLabel('Code postal').focus();
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.close();
  });

  it('prints the content without the navigation', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/galerie`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.pl-nav').isVisible()).toBe(false);
    expect(await page.locator('.pl-search').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    await page.close();
  });
});
