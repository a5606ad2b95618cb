/**
 * The checks every page kind gets in Chromium: no axe violation, nothing wider than the
 * screen, no console error (a CSP refusal shows there), and a screenshot when SCREENSHOTS
 * is set. By default two views cover both widths and both colour schemes — 320 px light
 * and 1280 px dark: the colours do not depend on the width, nor the layout on the scheme.
 * PAGE_CHECKS=all checks the four (before a release, or after a change of the tokens).
 */
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { runAxe } from './axe.js';
import { COLOR_SCHEMES, saveScreenshot, VIEWPORTS } from './screenshots.js';

/** Whether this run checks the view: all four with PAGE_CHECKS=all, else 320 light and 1280 dark. */
export function checksView(width: number, colorScheme: (typeof COLOR_SCHEMES)[number]): boolean {
  if (process.env.PAGE_CHECKS === 'all') return true;
  return width <= 320 === (colorScheme === 'light');
}

/**
 * Opens `url` in every viewport and colour scheme and checks it; `name` names the
 * screenshots. `status` is the page's expected HTTP status (default 200): Chromium logs a
 * console error for a 4xx/5xx document, which is then the expected one, not a failure.
 * `cookies`: a signed-in page (the console) gets the session cookie, as the browser holds it.
 */
export async function checkPageEverywhere(
  browser: Browser,
  url: string,
  name: string,
  { status = 200, cookies }: { status?: number; cookies?: { name: string; value: string; url: string }[] } = {},
): Promise<void> {
  for (const viewport of VIEWPORTS) {
    for (const colorScheme of COLOR_SCHEMES) {
      if (!checksView(viewport.width, colorScheme)) continue;
      const label = `${name} ${viewport.width} ${colorScheme}`;
      const context = await browser.newContext({ viewport, colorScheme });
      if (cookies) await context.addCookies(cookies);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      const response = await page.goto(url);
      expect(response?.status(), label).toBe(status);
      const expected = `the server responded with a status of ${status}`;
      expect(await runAxe(page), label).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(
        viewport.width,
      );
      expect(
        errors.filter((e) => status === 200 || !e.includes(expected)),
        label,
      ).toEqual([]);
      await saveScreenshot(page, `${name}-${viewport.width}-${colorScheme}`);
      await context.close();
    }
  }
}
