/**
 * Widgets: time from embed.js arriving to the first news card on screen, in headless
 * Chromium on a partner page of another origin. Baseline: the same page fetching the
 * same /api/v1/items URL itself (no widget), measured in the same browser.
 */
import { launchBrowser } from '../helpers/browser.js';
import { renderHostPage, startHostSite } from '../widgets/e2e/helpers/host-site.js';
import { CATALOG_FIXTURES, insertItems } from '../helpers/items.js';
import { fmt, percentile } from './lib.js';
import { startBenchHub } from './bench-hub.js';

const RUNS = 30;

const WATCH = `(function poll() {
  var el = document.querySelector('passerelle-news');
  if (el && el.shadowRoot && el.shadowRoot.querySelector('.card')) { window.__done = performance.now(); return; }
  requestAnimationFrame(poll);
})();`;

export async function runWidgetsBench(): Promise<void> {
  const { hub, close } = await startBenchHub('bench_widgets');
  await insertItems(CATALOG_FIXTURES);
  await hub.services.catalog.search.refresh();
  const host = await startHostSite();
  host.setPage(
    '/news.html',
    renderHostPage({
      hubUrl: hub.url,
      body: '<passerelle-news partner="noumea" limit="5"></passerelle-news>',
      before: WATCH,
    }),
  );
  host.setPage(
    '/fetch.html',
    `<!doctype html><html lang="fr"><head><title>t</title></head><body><script>
    var t0 = performance.now();
    fetch(${JSON.stringify(`${hub.url}/api/v1/items?partner=noumea&limit=5`)}).then(function (r) { return r.json(); }).then(function () { window.__done = performance.now() - t0; });
  </script></body></html>`,
  );
  const browser = await launchBrowser();
  const widget: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const page = await browser.newPage();
    await page.goto(`${host.origin}/news.html`);
    await page.waitForFunction(() => (window as unknown as { __done?: number }).__done !== undefined);
    widget.push(
      await page.evaluate(() => {
        const script = performance
          .getEntriesByType('resource')
          .find((e) => e.name.includes('/widgets/v1/embed.js')) as PerformanceResourceTiming;
        return (window as unknown as { __done: number }).__done - script.responseEnd;
      }),
    );
    await page.goto(`${host.origin}/fetch.html`);
    await page.waitForFunction(() => (window as unknown as { __done?: number }).__done !== undefined);
    baseline.push(await page.evaluate(() => (window as unknown as { __done: number }).__done));
    await page.close();
  }
  console.log(`\n### Widgets (${RUNS} page loads, headless Chromium, host page on another origin)\n`);
  console.log('| measure | p50 | p95 | max |');
  console.log('|---|---|---|---|');
  console.log(
    `| first news card after embed.js arrived | ${fmt(percentile(widget, 50))} ms | ${fmt(percentile(widget, 95))} ms | ${fmt(Math.max(...widget))} ms |`,
  );
  console.log(
    `| baseline: the page fetching the same API URL itself | ${fmt(percentile(baseline, 50))} ms | ${fmt(percentile(baseline, 95))} ms | ${fmt(Math.max(...baseline))} ms |`,
  );
  console.log(`| ratio (p50) | ${fmt(percentile(widget, 50) / percentile(baseline, 50), 2)}× | | |`);
  await browser.close();
  await host.close();
  await close();
}
