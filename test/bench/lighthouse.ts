/**
 * Lighthouse 12.2.3 (the pinned devDependency) against pages of a running hub, with
 * Debian's Chromium, mobile emulation and its default simulated throttling (slow 4G,
 * 4× CPU). Used by the portal benchmark; skipped when Chromium is absent or with
 * BENCH_LIGHTHOUSE=0. Lighthouse multiplies the main-thread time it observes, so its
 * performance score is only the page's own on an idle machine: the load average is
 * printed with the scores.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface Report {
  categories: Record<(typeof CATEGORIES)[number], { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
}

export const HAS_LIGHTHOUSE = existsSync(CHROMIUM) && process.env.BENCH_LIGHTHOUSE !== '0';

/** One Lighthouse run; Chromium's trace sometimes misses the navigation (NO_NAVSTART): tried 3 times. */
async function audit(url: string, dir: string, n: number, attempt = 1): Promise<Report> {
  const out = join(dir, `${n}.json`);
  try {
    await lighthouse(url, out);
  } catch (error) {
    if (attempt >= 3) throw error;
    return audit(url, dir, n, attempt + 1);
  }
  return JSON.parse(await readFile(out, 'utf8')) as Report;
}

async function lighthouse(url: string, out: string): Promise<void> {
  await run(
    join(process.cwd(), 'node_modules', '.bin', 'lighthouse'),
    [
      url,
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
      `--only-categories=${CATEGORIES.join(',')}`,
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking',
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180_000 },
  );
}

const score = (r: Report, c: (typeof CATEGORIES)[number]) => Math.round((r.categories[c].score ?? 0) * 100);
const ms = (r: Report, a: string) => Math.round(r.audits[a]?.numericValue ?? NaN);

/** Prints one Markdown row per page: the median performance run of `runs`, its metrics. */
export async function lighthouseTable(base: string, pages: [string, string][], runs = 3): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'passerelle-lh-'));
  console.log(`\n### Lighthouse 12.2.3, mobile (median of ${runs} runs; load average ${loadavg()[0]!.toFixed(2)})\n`);
  console.log('| page | performance (runs) | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  try {
    let n = 0;
    for (const [label, path] of pages) {
      const reports: Report[] = [];
      for (let i = 0; i < runs; i++) reports.push(await audit(base + path, dir, n++));
      reports.sort((a, b) => score(a, 'performance') - score(b, 'performance'));
      const r = reports[Math.floor(reports.length / 2)]!;
      console.log(
        `| ${label} | ${score(r, 'performance')} (${reports.map((x) => score(x, 'performance')).join(', ')}) | ${score(r, 'accessibility')} | ${score(r, 'best-practices')} | ${score(r, 'seo')} | ${ms(r, 'first-contentful-paint')} ms | ${ms(r, 'largest-contentful-paint')} ms | ${ms(r, 'total-blocking-time')} ms | ${(r.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)} |`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
