/**
 * Soak (issue 17, « Done when »): three hub processes on one database for SOAK_MINUTES
 * (default 10) of mixed traffic — searches, portal pages, likes, comments — while three
 * sources fall due every minute; one hub is killed (SIGKILL) at a third of the time and
 * restarted at half. A new entry is added to a feed after the restart. Checked at the end:
 * - each due run happened once (no source has two scheduled runs started in one minute);
 * - like and comment counts that each hub serves equal the records;
 * - no request failed but those in flight on the killed hub when it died;
 * - the new item was searchable on all three hubs within 10 s of being written.
 * The scheduler runs a source at most every 5 minutes whatever its cron: with three sources
 * created together, runs fall due at the start and every 5 minutes after (the traffic lasts
 * until the new entry is written). Not part of `npm test`: `SOAK_MINUTES=3 npm run bench -- soak`.
 */
import { randomBytes } from 'node:crypto';
import { countItemStats } from '../../hub/interaction/index.js';
import { ItemModel } from '../../hub/items/item-model.js';
import { seedPartners } from '../../hub/partners/index.js';
import { createSource } from '../../hub/sources/index.js';
import { RunModel } from '../../hub/sources/run-model.js';
import { serve, startLoopbackServer } from '../connectors/helpers/loopback-server.js';
import { startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { makeRss, numberedEntries, type RssEntry } from '../helpers/rss.js';
import { benchDatabase, fmt, markMigrationsApplied, memoryOf, percentile } from './lib.js';
import { insertCorpus, makeCorpus } from './search.bench.js';

const TOKEN = 'soak-admin-token-0123456789abcdef';
const QUERIES = ['permis', 'carte grise', 'allocations', 'equipemnt', 'Nouméa', 'impôt', 'retraite', 'logement'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const visitor = () => randomBytes(16).toString('base64url');

interface Sample {
  kind: string;
  hub: number;
  start: number;
  end: number;
  ok: boolean;
  status: number;
}

interface Slot {
  hub: HubProcess | null;
  url: string;
  killedAt?: number;
}

export async function runSoakBench(): Promise<void> {
  const minutes = Number(process.env.SOAK_MINUTES ?? 10);
  const duration = minutes * 60_000;
  const db = await benchDatabase('bench_soak');
  await seedPartners();
  const corpus = makeCorpus(1000);
  await insertCorpus(corpus);
  await markMigrationsApplied();
  const itemIds = corpus.slice(0, 30).map((i) => i.id);
  const site = await startLoopbackServer();
  const extra: RssEntry[] = [];
  for (const n of [0, 1, 2])
    site.route(`/soak-${n}.rss`, (req, res, url) => {
      const entries = [...numberedEntries(20, `soak-${n}`), ...(n === 0 ? extra : [])];
      serve(makeRss(entries), 'application/rss+xml')(req, res, url);
    });
  const sources = await Promise.all(
    [0, 1, 2].map((n) =>
      // Every minute: createSource does not apply the API's 5-minute floor (a soak needs due runs).
      createSource({ partnerId: 'noumea', kind: 'feed', url: `${site.origin}/soak-${n}.rss`, schedule: '* * * * *' }),
    ),
  );
  const env = {
    MONGODB_URI: db.uri,
    ADMIN_TOKEN: TOKEN,
    SCHEDULER_ENABLED: 'true',
    SCHEDULER_TICK_SECONDS: '5',
    SCHEDULER_LEASE_SECONDS: '15',
    SOURCE_ALLOWED_HOSTS: '127.0.0.1',
    SEED_ON_START: 'false',
  };
  const slots: Slot[] = [];
  for (let i = 0; i < 3; i++) {
    const hub = await startHubProcess(env);
    slots.push({ hub, url: hub.url });
  }
  for (const slot of slots)
    while ((await fetch(`${slot.url}/readyz`).catch(() => undefined))?.status !== 200) await sleep(200);
  console.error(`soak: three hubs ready, ${minutes} min of traffic`);

  const samples: Sample[] = [];
  const started = Date.now();
  let stop = false;
  async function request(kind: string, path: string, init?: RequestInit): Promise<Response | undefined> {
    const live = slots.map((s, i) => [s, i] as const).filter(([s]) => s.hub);
    const [slot, hub] = pick(live);
    const start = Date.now();
    const res = await fetch(`${slot.url}${path}`, init).catch(() => undefined);
    const status = res?.status ?? 0;
    samples.push({ kind, hub, start, end: Date.now(), ok: status > 0 && status < 500 && status !== 429, status });
    return res;
  }
  const readers = Array.from({ length: 4 }, async () => {
    while (!stop) {
      const roll = Math.random();
      if (roll < 0.6) await request('search', `/api/v1/items?q=${encodeURIComponent(pick(QUERIES))}`);
      else if (roll < 0.8) await request('page', pick(['/', '/recherche?q=permis', `/articles/${pick(itemIds)}`]));
      else
        await request('like', `/api/v1/items/${pick(itemIds)}/likes`, {
          method: 'POST',
          headers: { 'Passerelle-Visitor': visitor() },
        });
      await sleep(50);
    }
  });
  const commenter = (async () => {
    while (!stop) {
      const id = pick(itemIds);
      const key = visitor();
      const res = await request('comment-form', `/api/v1/items/${id}/comments`, {
        headers: { 'Passerelle-Visitor': key },
      });
      const formToken = res?.ok ? ((await res.json()) as { formToken: string }).formToken : undefined;
      await sleep(3200);
      if (formToken)
        await request('comment', `/api/v1/items/${id}/comments`, {
          method: 'POST',
          headers: { 'Passerelle-Visitor': key, 'Content-Type': 'application/json' },
          body: JSON.stringify({ author: 'Soak', body: `Merci ${randomBytes(4).toString('hex')}`, formToken }),
        });
      await sleep(5000);
    }
  })();

  // The kill at a third, the restart at half, the new item at 60 %.
  await sleep(duration / 3);
  const victim = slots[1]!;
  victim.killedAt = Date.now();
  victim.hub!.kill();
  victim.hub = null;
  console.error(`soak: hub 2 killed at ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  await sleep(duration / 2 - duration / 3);
  victim.hub = await startHubProcess(env);
  victim.url = victim.hub.url;
  console.error(`soak: hub 2 restarted at ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  await sleep(duration * 0.6 - duration / 2);
  const word = `soakfresh${Date.now().toString(36)}`;
  extra.push({
    guid: word,
    title: `Annonce ${word}`,
    link: `https://www.noumea.nc/${word}`,
    pubDate: new Date().toUTCString(),
  });
  let writtenAt = 0;
  while (!writtenAt) {
    if (await ItemModel.exists({ guid: word })) writtenAt = Date.now();
    else await sleep(200);
  }
  const seen = await Promise.all(
    slots.map(async (slot) => {
      for (;;) {
        const res = await fetch(`${slot.url}/api/v1/items?q=${word}`).catch(() => undefined);
        if (res?.ok && ((await res.json()) as { total: number }).total > 0) return Date.now() - writtenAt;
        if (Date.now() - writtenAt > 60_000) return NaN;
        await sleep(100);
      }
    }),
  );
  await sleep(Math.max(0, started + duration - Date.now()));
  stop = true;
  await Promise.all([...readers, commenter]);
  await sleep(5000);

  // Each due run once: no source has two scheduled runs that started in the same minute.
  const runs = await RunModel.find({ trigger: 'schedule' }, { sourceId: 1, startedAt: 1, status: 1 }).lean<
    { sourceId: string; startedAt: Date; status: string }[]
  >();
  const perSlot = new Map<string, number>();
  for (const run of runs) {
    const key = `${run.sourceId}@${Math.floor(run.startedAt.getTime() / 60_000)}`;
    perSlot.set(key, (perSlot.get(key) ?? 0) + 1);
  }
  const doubled = [...perSlot.values()].filter((n) => n > 1).length;
  const statuses = runs.reduce<Record<string, number>>(
    (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
    {},
  );
  // Counts served by each hub against the records.
  let mismatches = 0;
  for (const id of itemIds) {
    const truth = await countItemStats(id);
    for (const slot of slots) {
      const res = await fetch(`${slot.url}/api/v1/items/${id}`);
      const stats = ((await res.json()) as { stats: { likes: number; comments: number } }).stats;
      if (stats.likes !== truth.likes || stats.comments !== truth.comments) mismatches++;
    }
  }
  const killedAt = victim.killedAt!;
  const failed = samples.filter((s) => !s.ok);
  const inFlight = failed.filter((s) => s.hub === 1 && s.start <= killedAt && s.end >= killedAt);
  const memory = slots.map((s) => fmt(memoryOf(s.hub!.child.pid!).rssMiB, 0)).join(' / ');
  console.log(`\n### Soak: 3 hubs, ${minutes} min, hub 2 killed at 1/3 and restarted at 1/2\n`);
  console.log('| measure | value |');
  console.log('|---|---|');
  for (const kind of ['search', 'page', 'like', 'comment-form', 'comment']) {
    const lat = samples.filter((s) => s.kind === kind).map((s) => s.end - s.start);
    console.log(
      `| ${kind} requests, p50 / p95 | ${lat.length} — ${fmt(percentile(lat, 50), 0)} / ${fmt(percentile(lat, 95), 0)} ms |`,
    );
  }
  console.log(`| failed requests (all) / in flight on the killed hub | ${failed.length} / ${inFlight.length} |`);
  console.log(
    `| failures by status (0: no answer) | ${JSON.stringify(failed.reduce<Record<number, number>>((a, s) => ({ ...a, [s.status]: (a[s.status] ?? 0) + 1 }), {}))} |`,
  );
  console.log(`| scheduled runs (by status) | ${runs.length} ${JSON.stringify(statuses)} |`);
  console.log(`| source-minutes run twice | ${doubled} |`);
  console.log(`| items × hubs whose counts differ from the records | ${mismatches} of ${itemIds.length * 3} |`);
  console.log(
    `| new item searchable on hubs 1 / 2 / 3 after it was written | ${seen.map((ms) => fmt(ms / 1000, 2)).join(' / ')} s |`,
  );
  console.log(`| hubs' resident memory at the end | ${memory} MiB |`);
  const problems = [
    doubled > 0 && `${doubled} source-minutes ran twice`,
    mismatches > 0 && `${mismatches} counts differ from the records`,
    failed.length > inFlight.length && `${failed.length - inFlight.length} requests failed outside the kill`,
    seen.some((ms) => !(ms <= 10_000)) && 'the new item was not searchable everywhere within 10 s',
    sources.length !== 3 && 'sources missing',
  ].filter(Boolean);
  console.log(problems.length ? `\nsoak: FAILED — ${problems.join('; ')}` : '\nsoak: every check held');
  for (const slot of slots) slot.hub?.stop();
  await site.close();
  await db.close();
}
