/** <passerelle-search> in Chromium: completions, results, facets, paging, accessibility. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM } from '../../helpers/browser.js';
import { renderHostPage } from './helpers/host-site.js';
import { describeFocus, runAxe, startWorld, type World } from './helpers/world.js';

let world: World;

async function openSearch(
  body = '<passerelle-search></passerelle-search>',
  options: { colorScheme?: 'light' | 'dark'; width?: number } = {},
): Promise<Page> {
  world.host.setPage('/search.html', renderHostPage({ hubUrl: world.hub.url, body }));
  const page = await world.browser.newPage({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1024, height: 900 },
  });
  await page.goto(`${world.host.origin}/search.html`);
  await page.locator('passerelle-search input[role=combobox]').waitFor();
  return page;
}

describe.skipIf(!HAS_CHROMIUM)('<passerelle-search> in Chromium', () => {
  beforeAll(async () => {
    world = await startWorld('e2esearch', () =>
      Array.from({ length: 14 }, (_, i) => ({
        id: `nord-route-${i}`,
        partnerId: 'province-nord',
        title: `Travaux sur la route provinciale ${i + 1}`,
        summary: 'Circulation alternée pendant les travaux de chaussée.',
        topics: ['transports'],
      })),
    );
  });
  afterAll(() => world?.stop());

  it('completes as the user types, following the combobox pattern, and searches the chosen completion', async () => {
    const page = await openSearch();
    const input = page.locator('passerelle-search input[role=combobox]');
    await input.focus();
    await page.keyboard.type('pisc');
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
    const listbox = page.locator(`passerelle-search #${await input.getAttribute('aria-controls')}`);
    expect(await listbox.getAttribute('role')).toBe('listbox');
    const options = listbox.locator('[role=option]');
    expect(await options.count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    const activeId = await input.getAttribute('aria-activedescendant');
    expect(activeId).toBe(await options.first().getAttribute('id'));
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    expect(await describeFocus(page)).toBe('input#q[type=search]');
    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();

    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const chosen = (await options.first().textContent()) ?? '';
    await page.keyboard.press('Enter');
    expect(await input.inputValue()).toBe(chosen);
    await expect
      .poll(() => page.locator('passerelle-search .result-title').first().textContent())
      .toBe('Réouverture de la piscine du Ouen Toro');
    expect(await page.locator('passerelle-search .result .snippet mark').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('finds an item, announces the count, and narrows the results with facets', async () => {
    const page = await openSearch();
    await page.locator('passerelle-search input[role=combobox]').fill('emploi');
    await page.locator('passerelle-search button[type=submit]').click();
    const status = page.locator('passerelle-search p[role=status]');
    await expect.poll(() => status.textContent()).toBe('2 résultats');
    const titles = page.locator('passerelle-search .result-title');
    expect((await titles.allTextContents()).sort()).toEqual([
      "Offre d'emploi : agent de développement rural",
      "Offre d'emploi : infirmier en dispensaire",
    ]);

    const sante = page.getByRole('checkbox', { name: /^Sante \(1\)$/ });
    await sante.check();
    await expect.poll(() => status.textContent()).toBe('1 résultat');
    expect(await titles.allTextContents()).toEqual(["Offre d'emploi : infirmier en dispensaire"]);
    // The rebuilt checkbox keeps the keyboard focus and its checked state.
    expect(await describeFocus(page)).toMatch(/^input#f-\d+\[type=checkbox\]$/);
    expect(await page.getByRole('checkbox', { name: /^Sante/ }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: /^Sante/ }).uncheck();
    await expect.poll(() => status.textContent()).toBe('2 résultats');
    expect(
      await page
        .getByRole('group', { name: 'Affiner la recherche' })
        .getByRole('checkbox', { name: /^Province Sud \(2\)$/ })
        .count(),
    ).toBe(1);
    await page.close();
  });

  it('loads more results with "Afficher plus" and moves focus to the first new one', async () => {
    const page = await openSearch();
    await page.locator('passerelle-search input[role=combobox]').fill('travaux route');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('passerelle-search p[role=status]').textContent()).toBe('14 résultats');
    expect(await page.locator('passerelle-search .result').count()).toBe(10);
    const more = page.getByRole('button', { name: 'Afficher plus' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('passerelle-search .result').count()).toBe(14);
    expect(await more.isHidden()).toBe(true);
    expect(await describeFocus(page)).toBe('a');
    const focusedText = await page.evaluate(
      () => document.querySelector('passerelle-search')?.shadowRoot?.activeElement?.textContent,
    );
    expect(focusedText).toBe(await page.locator('passerelle-search .result-title').nth(10).textContent());
    await page.close();
  });

  it('has no axe violation with results, suggestions and facets shown, light and dark, at 320 px', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openSearch('<passerelle-search></passerelle-search>', { colorScheme, width: 320 });
      const input = page.locator('passerelle-search input[role=combobox]');
      await input.fill('emploi');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('passerelle-search .result').count()).toBe(2);
      await page.keyboard.type(' inf');
      await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('ArrowDown');
      expect(await runAxe(page, 'passerelle-search'), colorScheme).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.close();
    }
  });
});
