/**
 * Screenshots of pages for a person to look at (never compared by tests): written only when
 * SCREENSHOTS names a folder, e.g. `SCREENSHOTS=/tmp/shots npx vitest run test/portal/e2e`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The viewports every page kind is checked and shown at. */
export const VIEWPORTS = [
  { width: 320, height: 720 },
  { width: 1280, height: 900 },
] as const;

export const COLOR_SCHEMES = ['light', 'dark'] as const;

/** A phone page is many screens tall: image viewers shrink it out of reading, so it is also cut in parts. */
const PART_HEIGHT = 1000;

/**
 * Saves a full-page PNG named `<name>.png` when SCREENSHOTS is set, and for narrow pages
 * `<name>-part<N>.png` slices of 1,000 px that stay legible; returns the paths.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string[]> {
  const dir = process.env.SCREENSHOTS;
  if (!dir) return [];
  await mkdir(dir, { recursive: true });
  const paths = [join(dir, `${name}.png`)];
  await page.screenshot({ path: paths[0], fullPage: true });
  const width = page.viewportSize()?.width ?? 0;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (width > 480) return paths;
  for (let y = 0, n = 1; y < height; y += PART_HEIGHT, n++) {
    const path = join(dir, `${name}-part${n}.png`);
    await page.screenshot({
      path,
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(PART_HEIGHT, height - y) },
    });
    paths.push(path);
  }
  return paths;
}
