/**
 * Ingestion: the full DILA co-marquage corpus and a generated 5,000-item feed, through the
 * real path (loopback HTTP, connector, MongoDB-compatible server). Baseline: the same
 * source's parse-only time (fetch, parse, map, no database), measured in this process.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetcher, readInProcess, runConnector, type ConnectorSource } from '../../connectors/index.js';
import { createLogger } from '../../hub/log.js';
import { seedPartners } from '../../hub/partners/index.js';
import { createScheduler } from '../../hub/scheduler/index.js';
import { createSource } from '../../hub/sources/index.js';
import { SourceModel } from '../../hub/sources/source-model.js';
import type { Run } from '../../schemas/index.js';
import { benchDatabase, fmt, memoryOf, timed } from './lib.js';
import { generatedFeed, loadFicheXml, zipFiches } from './corpus.js';

async function serveBodies(bodies: Record<string, { body: Uint8Array | string; type: string; etag: string }>) {
  const server = createServer((req, res) => {
    const entry = bodies[new URL(req.url ?? '/', 'http://x').pathname];
    if (!entry) return void res.writeHead(404).end();
    if (req.headers['if-none-match'] === entry.etag) return void res.writeHead(304, { etag: entry.etag }).end();
    res.writeHead(200, { 'content-type': entry.type, etag: entry.etag }).end(entry.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

function line(label: string, run: Run, ms: number, parseMs: number): string {
  const c = run.counts;
  return `| ${label} | ${c.fetched} | ${c.created}/${c.updated}/${c.unchanged}/${c.rejected} | ${fmt(ms / 1000, 2)} s | ${fmt((c.fetched / ms) * 1000, 0)} | ${fmt(parseMs / 1000, 2)} s | ${fmt(ms / parseMs, 2)}× |`;
}

/** Runs the ingestion benchmark and prints a markdown table. */
export async function runIngestBench(): Promise<void> {
  const db = await benchDatabase('bench_ingest');
  await seedPartners();
  const fetcher = createFetcher({
    userAgent: 'Passerelle-bench',
    allowedHosts: ['127.0.0.1'],
    timeoutMs: 120_000,
    maxBytes: 200 * 1024 * 1024,
  });
  const scheduler = createScheduler({ reader: readInProcess(fetcher), log: createLogger('warn'), concurrency: 1 });
  const fiches = loadFicheXml();
  const zip = zipFiches(fiches);
  const site = await serveBodies({
    '/feed.rss': { body: generatedFeed(5000), type: 'application/rss+xml', etag: '"feed-1"' },
    '/fiches.zip': { body: zip, type: 'application/zip', etag: '"zip-1"' },
  });
  const rows: string[] = [];
  // Parse-only baseline: the connector alone (fetch, parse, map), second of two runs so that
  // both sides are measured warm.
  const parseOnly = async (source: ConnectorSource) => {
    await runConnector(source, { fetcher });
    return (await timed(() => runConnector(source, { fetcher }))).ms;
  };

  for (const [label, kind, path] of [
    ['DILA corpus (zip)', 'comarquage', '/fiches.zip'],
    ['generated feed', 'feed', '/feed.rss'],
  ] as const) {
    const source = await createSource({
      partnerId: 'haut-commissariat',
      kind,
      url: `${site.origin}${path}`,
      ...(kind === 'comarquage' ? { complete: true } : {}),
    });
    const cs: ConnectorSource = {
      id: source._id,
      partnerId: source.partnerId,
      kind,
      url: source.url,
      complete: source.complete,
    };
    const parseMs = await parseOnly(cs);
    const first = await timed(() => scheduler.runNow(source._id));
    rows.push(line(`${label}, first run`, first.result!, first.ms, parseMs));
    const notModified = await timed(() => scheduler.runNow(source._id));
    rows.push(
      line(`${label}, unchanged (304)`, notModified.result!, notModified.ms, parseMs) +
        ` ${fmt((notModified.ms / first.ms) * 100, 2)}% of first`,
    );
    await SourceModel.updateOne({ _id: source._id }, { $unset: { 'state.etag': '' } });
    const sameBytes = await timed(() => scheduler.runNow(source._id));
    rows.push(
      line(`${label}, same bytes, no validator`, sameBytes.result!, sameBytes.ms, parseMs) +
        ` ${fmt((sameBytes.ms / first.ms) * 100, 2)}% of first`,
    );
    await SourceModel.updateOne({ _id: source._id }, { $unset: { 'state.etag': '', 'state.bodyHash': '' } });
    const unchanged = await timed(() => scheduler.runNow(source._id));
    rows.push(
      line(`${label}, same items, full compare`, unchanged.result!, unchanged.ms, parseMs) +
        ` ${fmt((unchanged.ms / first.ms) * 100, 1)}% of first`,
    );
  }
  const mem = memoryOf();
  console.log(`\n### Ingestion (${fiches.size} fiches, zip ${fmt(zip.length / 1048576)} MiB; 5,000-item feed)\n`);
  console.log(
    '| run | entries | created/updated/unchanged/rejected | time | items/s | parse-only | ingest ÷ parse-only |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(
    `\nPeak resident memory of the benchmark process: ${fmt(mem.peakMiB, 0)} MiB (now ${fmt(mem.rssMiB, 0)} MiB).`,
  );
  site.close();
  await scheduler.stop();
  await fetcher.close();
  await db.close();
}
