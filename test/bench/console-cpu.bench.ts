/**
 * CPU per console page (issue 11): the hub's main thread's own CPU time a request, read
 * from /proc/thread-self/schedstat, which a loaded machine cannot inflate (waiting for a
 * core is not CPU time). The client runs in a worker thread, so the main thread's CPU is
 * the hub's alone (koa, the session read and its BSON, the page's data, rendering,
 * compression's dispatch; brotli itself runs on libuv's pool: counted apart, as the
 * process's CPU minus the main thread's, which includes the client's thread).
 * `BENCH_CONSOLE_CPU_PROFILE=dir` also writes a .cpuprofile per page (node:inspector)
 * and prints where the main thread's time went.
 */
import { readFileSync, readlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Worker } from 'node:worker_threads';
import mongoose from 'mongoose';
import { closeItemListing, listPartnerItems } from '../../hub/items/index.js';
import { startBenchHub } from './bench-hub.js';
import { addItems, addSources, signInBenchAgent } from './console.bench.js';
import { fmt } from './lib.js';

const SOURCES = Number(process.env.BENCH_CONSOLE_SOURCES ?? 200);
const ITEMS = Number(process.env.BENCH_CONSOLE_ITEMS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_CONSOLE_CPU_REQUESTS ?? 150);
const PROFILE_DIR = process.env.BENCH_CONSOLE_CPU_PROFILE;
/** Every page measured in this many rounds (all pages, then again): the median is reported. */
const ROUNDS = Number(process.env.BENCH_CONSOLE_CPU_ROUNDS ?? 3);
const PARTNER = 'koumac';
/** The profiler's sampling interval, µs. */
const SAMPLING_US = 200;

// The client: sequential GETs with keep-alive, in its own thread.
const CLIENT = `
const { parentPort } = require('node:worker_threads');
const { readFileSync, readlinkSync } = require('node:fs');
const task = '/proc/' + readlinkSync('/proc/thread-self');
const cpuMs = () => Number(readFileSync(task + '/schedstat', 'utf8').split(' ')[0]) / 1e6;
parentPort.on('message', async ({ url, cookie, n }) => {
  let bytes = 0, encoding = '', status = 0;
  const cpu0 = cpuMs();
  for (let i = 0; i < n; i += 1) {
    const res = await fetch(url, { headers: { cookie, 'accept-encoding': 'br, gzip' } });
    const body = await res.arrayBuffer();
    bytes = body.byteLength; encoding = res.headers.get('content-encoding') || 'identity'; status = res.status;
  }
  parentPort.postMessage({ bytes, encoding, status, cpuMs: cpuMs() - cpu0 });
});`;

const task = `/proc/${readlinkSync('/proc/thread-self')}`;
const threadCpuMs = () => Number(readFileSync(`${task}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
const processCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Measure {
  /** The hub's main thread, a request. */
  mainMs: number;
  /** The process's other threads but the client's (libuv's pool: brotli, gzip, crypto), a request. */
  poolMs: number;
  bytes: number;
  encoding: string;
}

function run(worker: Worker, url: string, cookie: string, n: number): Promise<Measure> {
  const main0 = threadCpuMs();
  const proc0 = processCpuMs();
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { bytes: number; encoding: string; status: number; cpuMs: number }) => {
      const main = threadCpuMs() - main0;
      const all = processCpuMs() - proc0;
      if (m.status !== 200) reject(new Error(`bench: ${url} answered ${m.status}`));
      resolve({ mainMs: main / n, poolMs: (all - main - m.cpuMs) / n, bytes: m.bytes, encoding: m.encoding });
    });
    worker.postMessage({ url, cookie, n });
  });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/**
 * Where the main thread's samples fell, each counted once by the frame it ran in (its
 * leaf; a component's own code counts as rendering), so that the phases add up to the
 * profile's busy time.
 */
export const PHASES: [string, (leaf: ProfileNode['callFrame'], stack: ProfileNode['callFrame'][]) => boolean][] = [
  ['GC', (f) => f.functionName === '(garbage collector)'],
  ['socket writes (syscalls)', (f) => /^(writeBuffer|writev|writeUtf8String|writeLatin1String)$/.test(f.functionName)],
  [
    'compression',
    (f, st) => f.url === 'node:zlib' || st.some((x) => /^(compress|compressPerRequest)$/.test(x.functionName)),
  ],
  ['typography', (f) => /typography/.test(f.url)],
  [
    'rendering (preact-render-to-string, components)',
    (f, st) => /preact/.test(f.url) || /\.tsx$/.test(f.url) || st.some((x) => x.functionName === 'renderPage'),
  ],
  ['database driver (mongodb, bson, mongoose)', (f) => /node_modules\/(mongodb|bson|mongoose)\//.test(f.url)],
  ['session read (our code)', (_, st) => st.some((x) => x.functionName === 'readSignedIn')],
  [
    'koa, router, HTTP parsing and headers',
    (f) =>
      /node_modules\/(koa|koa-[^/]+|@koa|delegates|cookies|accepts|negotiator|type-is|mime|vary|statuses|on-finished|ee-first)\b/.test(
        f.url,
      ) || /^node:_http/.test(f.url),
  ],
  ['page data (our code)', (f) => f.url.includes('/work/') && !f.url.includes('node_modules')],
  ['Node internals (streams, events, promises)', (f) => f.url.startsWith('node:') || f.url === ''],
  ['other', () => true],
];

export function phases(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, n: number) {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const c of node.children ?? []) parent.set(c, node.id);
  }
  const totals = new Map<string, number>();
  const self = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    // A sample's delta is wall time: on a loaded machine a thread descheduled for 100 ms
    // charges it all to the frame it stopped in. Capped at twice the sampling interval, the
    // profile counts (about) the CPU the frame ran.
    const dt = Math.min((profile.timeDeltas[i] ?? 0) / 1000, (2 * SAMPLING_US) / 1000);
    const leaf = byId.get(id)!;
    if (leaf.callFrame.functionName === '(idle)') return;
    const stack: ProfileNode['callFrame'][] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
      stack.push(byId.get(cur)!.callFrame);
    // The profiler's own start and stop, not a request's.
    if (stack.some((f) => f.url === 'node:inspector')) return;
    all += dt;
    const [name] = PHASES.find(([, test]) => test(leaf.callFrame, stack))!;
    totals.set(name, (totals.get(name) ?? 0) + dt);
    const key = `${leaf.callFrame.functionName || '(anon)'} ${leaf.callFrame.url.replace(/^.*\/(node_modules\/)?/, '')}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return {
    busy: all / n,
    phases: PHASES.map(([k]) => `${k} ${fmt((totals.get(k) ?? 0) / n, 2)}`).join('; '),
    top: top.map(([k, v]) => `${k} ${fmt(v / n, 2)}`).join('\n    '),
  };
}

export async function runConsoleCpuBench(): Promise<void> {
  const os = await import('node:os');
  const { hub, close } = await startBenchHub('bench_console_cpu');
  const base = hub.url;
  const cookie = await signInBenchAgent(base);
  const sourceIds = await addSources(0, SOURCES);
  await addItems(0, ITEMS, sourceIds);
  closeItemListing();
  await listPartnerItems({ partnerId: PARTNER, limit: 1 });
  const pages: [string, string][] = [
    ['`/healthz`', '/healthz'],
    ['À traiter `/console`', '/console'],
    ['sources list', '/console/sources'],
    ['a source', `/console/sources/${sourceIds[0]}`],
    ['Contenus, first page', '/console/contenus'],
    ['Contenus, page 20', '/console/contenus?page=20'],
    ['Contenus, `?q=marché`', '/console/contenus?q=march%C3%A9'],
    ['Contenus, filters', '/console/contenus?statut=withdrawn&type=event'],
    ['Contenus, one source', `/console/contenus?source=${sourceIds[0]}`],
    ['one item `bench-500`', '/console/contenus/bench-500'],
  ];
  const worker = new Worker(CLIENT, { eval: true });
  const loadAtStart = os.loadavg();
  const startedAt = new Date().toISOString().slice(0, 19);
  const rows: string[] = [];
  // Database calls a request, by collection and method (mongoose's debug hook).
  let calls = new Map<string, number>();
  mongoose.set('debug', (collection: string, method: string) => {
    const key = `${collection}.${method}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
  });
  const details: string[] = [];
  const inspector = PROFILE_DIR ? new Session() : undefined;
  if (inspector) {
    mkdirSync(PROFILE_DIR!, { recursive: true });
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const measures: Measure[][] = pages.map(() => []);
  const reads: string[] = [];
  for (const [i, [, path]] of pages.entries()) {
    await run(worker, base + path, cookie, 30); // warm-up
    calls = new Map();
    measures[i]!.push(await run(worker, base + path, cookie, REQUESTS));
    reads.push([...calls].map(([k, v]) => `${k} ${fmt(v / REQUESTS, 2)}`).join(', '));
  }
  // Further rounds, page after page, so that a burst of the neighbours falls on one round.
  for (let round = 1; round < ROUNDS; round += 1)
    for (const [i, [, path]] of pages.entries()) measures[i]!.push(await run(worker, base + path, cookie, REQUESTS));
  const notes: string[] = pages.map(() => '');
  if (inspector)
    for (const [i, [label, path]] of pages.entries()) {
      // The page as sent uncompressed, to weigh compression's settings apart.
      const plain = await fetch(base + path, { headers: { cookie, 'accept-encoding': 'identity' } });
      writeFileSync(`${PROFILE_DIR}/${path.replace(/[^\w]+/g, '_')}.html`, Buffer.from(await plain.arrayBuffer()));
      await inspector.post('Profiler.start');
      await run(worker, base + path, cookie, REQUESTS);
      const { profile } = await inspector.post('Profiler.stop');
      writeFileSync(`${PROFILE_DIR}/${path.replace(/[^\w]+/g, '_')}.cpuprofile`, JSON.stringify(profile));
      const p = phases(profile as never, REQUESTS);
      notes[i] = ` | ${fmt(p.busy, 2)} ms | ${p.phases}`;
      details.push(`  ${label}:\n    ${p.top}`);
    }
  for (const [i, [label]] of pages.entries()) {
    const ms = measures[i]!;
    const main = median(ms.map((m) => m.mainMs));
    const pool = median(ms.map((m) => m.poolMs));
    const total = median(ms.map((m) => m.mainMs + m.poolMs));
    rows.push(
      `| ${label} | ${fmt(ms[0]!.bytes / 1024, 1)} KB, ${ms[0]!.encoding} | ${fmt(main, 2)} ms | ${fmt(pool, 2)} ms | ${fmt(total, 2)} ms | ${ms.map((m) => fmt(m.mainMs + m.poolMs, 2)).join(' / ')} | ${reads[i]}${notes[i]} |`,
    );
  }
  await worker.terminate();
  await close();
  const [s1, s5, s15] = loadAtStart;
  const [l1, l5, l15] = os.loadavg();
  console.log(
    `\n### CPU per console page (${SOURCES} sources, ${ITEMS.toLocaleString('en')} items; ${ROUNDS} rounds of ${REQUESTS} sequential requests a page, medians)\n`,
  );
  console.log(
    `Run ${startedAt} UTC; load average ${fmt(s1!, 2)} / ${fmt(s5!, 2)} / ${fmt(s15!, 2)} → ${fmt(l1!, 2)} / ${fmt(l5!, 2)} / ${fmt(l15!, 2)}.\n`,
  );
  console.log(
    `| page | HTML, encoding | hub main thread CPU a request | hub's other threads (V8's GC and compiler, libuv's pool) | hub total | total by round | database calls a request${inspector ? ' | profiled busy a request | phases (inclusive ms a request)' : ''} |`,
  );
  console.log(`|---|---|---|---|---|---|---|${inspector ? '---|---|' : ''}`);
  for (const row of rows) console.log(row);
  if (details.length) console.log(`\nTop self time (ms a request):\n${details.join('\n')}`);
}
