/**
 * <passerelle-article> on a page whose origin the item's partner does not allow: reading
 * works, and instead of a form and a like button that would fail with « service
 * momentanément indisponible », the citizen is told in French that this site cannot send
 * likes and comments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../../helpers/browser.js';
import { renderHostPage } from './helpers/host-site.js';
import { runAxe, startWorld, type World } from './helpers/world.js';

let world: World;

async function openArticle(item: string) {
  world.host.setPage(
    `/closed-${item}.html`,
    renderHostPage({ hubUrl: world.hub.url, body: `<passerelle-article item="${item}"></passerelle-article>` }),
  );
  const page = await world.browser.newPage({ viewport: { width: 1024, height: 900 } });
  await page.goto(`${world.host.origin}/closed-${item}.html`);
  await page.locator('passerelle-article form.comment-form').waitFor();
  return page;
}

describe.skipIf(!HAS_CHROMIUM)('<passerelle-article> on a site not allowed to write', () => {
  beforeAll(async () => {
    // le-mont-dore is not among the partners that list the host site in allowedOrigins.
    world = await startWorld('e2eclosed');
  });
  afterAll(() => world?.stop());

  it('shows the item and its comments, and says in French that this site cannot like or comment', async () => {
    const page = await openArticle('montdore-dechets');
    const article = page.locator('passerelle-article');
    expect(await article.locator('h2').first().textContent()).toBeTruthy();
    const note = article.locator('form.comment-form .note');
    await expect
      .poll(() => note.textContent())
      .toBe(
        'Ce site ne peut pas envoyer de «\u202fj’aime\u202f» ni de commentaires\u00a0: vous pouvez les lire ici, mais pas y réagir.',
      );
    expect(await article.locator('textarea').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publier le commentaire' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: "J'aime" }).isHidden()).toBe(true);
    expect(await article.locator('.like-row .count').textContent()).toBe("0 mention J'aime");
    expect(await article.textContent()).not.toContain('indisponible');
    expect(await runAxe(page, 'passerelle-article')).toEqual([]);
    await page.close();
  });

  it('keeps the form and the like button where the partner allows the site', async () => {
    const page = await openArticle('noumea-piscine');
    await expect.poll(() => page.getByRole('button', { name: 'Publier le commentaire' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: "J'aime" }).isVisible()).toBe(true);
    await page.close();
  });
});
