/** Widget iframes in Chromium: resize handshake, frame-ancestors, strict CSP; and the demo page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../../helpers/browser.js';
import { startHostSite, type HostSite } from './helpers/host-site.js';
import { runAxe, startWorld, type World } from './helpers/world.js';

let world: World;
let stranger: HostSite;

function framePage(hubUrl: string, src: string, withHostScript = true): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Site sans script</title><link rel="icon" href="data:,"></head>
<body><main><h1>Actualités de la commune</h1>
<iframe id="widget" src="${src}" title="Actualités" style="width:100%;height:100px;border:0"></iframe>
</main>${withHostScript ? `<script src="${hubUrl}/widgets/v1/frame.js" async></script>` : ''}</body></html>`;
}

describe.skipIf(!HAS_CHROMIUM)('widget iframes and demo page in Chromium', () => {
  beforeAll(async () => {
    world = await startWorld('e2eframe');
    stranger = await startHostSite();
  });
  afterAll(async () => {
    await stranger?.close();
    await world?.stop();
  });

  it("renders the widget under the frame's strict CSP and resizes the iframe to its content", async () => {
    const { hub, host, browser } = world;
    const src = `${hub.url}/widgets/v1/frame/news?partner=noumea&origin=${encodeURIComponent(host.origin)}&id=f1`;
    host.setPage('/frame.html', framePage(hub.url, src));
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(`${host.origin}/frame.html`);
    const frame = page.frameLocator('#widget');
    await expect.poll(() => frame.locator('passerelle-news li.card').count()).toBe(2);
    // Styled by the constructed stylesheet although the frame's CSP allows no inline style.
    expect(await frame.locator('passerelle-news h2').evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');
    const contentHeight = await frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    await expect
      .poll(() => page.locator('#widget').evaluate((el) => (el as HTMLIFrameElement).getBoundingClientRect().height))
      .toBe(contentHeight);
    expect(contentHeight).toBeGreaterThan(150);
    // Links leave the frame for the embedding page.
    expect(await frame.locator('base').getAttribute('target')).toBe('_top');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is refused by frame-ancestors on a site the partner did not allow, and never posts there', async () => {
    const { hub, browser } = world;
    const src = `${hub.url}/widgets/v1/frame/news?partner=noumea&origin=${encodeURIComponent(stranger.origin)}`;
    stranger.setPage('/frame.html', framePage(hub.url, src));
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => problems.push(m.text()));
    await page.goto(`${stranger.origin}/frame.html`);
    await expect.poll(() => problems.some((p) => p.includes('frame-ancestors'))).toBe(true);
    expect(await page.frameLocator('#widget').locator('passerelle-news').count()).toBe(0);
    expect(await page.locator('#widget').evaluate((el) => el.getBoundingClientRect().height)).toBe(100);
    await page.close();
  });

  it("ignores resize messages from any origin but the hub's, even from the iframe itself", async () => {
    const { hub, host, browser } = world;
    // A frame of the host's own origin pretending to be a widget, and the host page posting to itself.
    host.setPage(
      '/impostor.html',
      '<!doctype html><title>x</title><script>setInterval(function () { parent.postMessage({ type: "passerelle:resize", height: 999, id: "" }, "*"); }, 50);</script>',
    );
    host.setPage('/forged.html', framePage(hub.url, `${host.origin}/impostor.html`));
    const page = await browser.newPage();
    await page.goto(`${host.origin}/forged.html`);
    await page.waitForLoadState('load');
    await page.evaluate(() => window.postMessage({ type: 'passerelle:resize', height: 999, id: '' }, '*'));
    await page.waitForTimeout(300);
    expect(await page.locator('#widget').evaluate((el) => el.getBoundingClientRect().height)).toBe(100);
    await page.close();
  });

  it('shows every widget live on /widgets/demo, without CSP errors or axe violations', async () => {
    const { hub, browser } = world;
    // axe is injected as an inline script, which the page's CSP rightly forbids: bypass it for axe only.
    const context = await browser.newContext({ bypassCSP: true });
    const strict = await browser.newPage();
    const problems: string[] = [];
    strict.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    strict.on('pageerror', (e) => problems.push(e.message));
    await strict.goto(`${hub.url}/widgets/demo`);
    await expect.poll(() => strict.frameLocator('iframe').locator('passerelle-news li.card').count()).toBe(3);
    await expect.poll(() => strict.locator('passerelle-article form.comment-form').count()).toBe(1);
    expect(problems).toEqual([]);
    await strict.close();

    const page = await context.newPage();
    await page.goto(`${hub.url}/widgets/demo`);
    await expect.poll(() => page.locator('passerelle-news li.card').count()).toBe(5);
    await expect
      .poll(() => page.locator('passerelle-article h3').first().textContent())
      .toBe('Inscription sur les listes électorales');
    await expect.poll(() => page.frameLocator('iframe').locator('passerelle-news li.card').count()).toBe(3);
    expect(await page.locator('pre code').first().textContent()).toBe(
      '<script src="http://portal.test/widgets/v1/embed.js" defer></script>',
    );
    expect(await page.title()).toBe('Widgets Passerelle — démonstration');
    expect(await runAxe(page, 'main')).toEqual([]);
    await context.close();
  });
});
