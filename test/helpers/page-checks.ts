/**
 * The checks every page kind gets in Chromium: at 320 and 1280 px, light and dark, no axe
 * violation, nothing wider than the screen, no console error (a CSP refusal shows there),
 * and a screenshot when SCREENSHOTS is set.
 */
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { runAxe } from './axe.js';
import { COLOR_SCHEMES, saveScreenshot, VIEWPORTS } from './screenshots.js';

/** Opens `url` in every viewport and colour scheme and checks it; `name` names the screenshots. */
export async function checkPageEverywhere(
  browser: Browser,
  url: string,
  name: string,
  options: { cookies?: { name: string; value: string; url: string }[] } = {},
): Promise<void> {
  for (const viewport of VIEWPORTS) {
    for (const colorScheme of COLOR_SCHEMES) {
      const label = `${name} ${viewport.width} ${colorScheme}`;
      const context = await browser.newContext({ viewport, colorScheme });
      // A signed-in page (the console): the session cookie, as the browser would hold it.
      if (options.cookies) await context.addCookies(options.cookies);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(url);
      expect(await runAxe(page), label).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(
        viewport.width,
      );
      expect(errors, label).toEqual([]);
      await saveScreenshot(page, `${name}-${viewport.width}-${colorScheme}`);
      await context.close();
    }
  }
}
