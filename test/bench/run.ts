/**
 * npm run bench [-- ingest|isolation|search|backup|widgets|portal|console|console-cpu|relevance|stories|soak] — the benchmarks, each reported as
 * ratios against a baseline measured in the same process. Figures are written down in
 * docs/benchmarks.md.
 */
const which = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const all = which.length === 0;

if (all || which.includes('ingest')) await (await import('./ingest.bench.js')).runIngestBench();
if (all || which.includes('isolation')) await (await import('./isolation.bench.js')).runIsolationBench();
if (all || which.includes('search')) await (await import('./search.bench.js')).runSearchBench();
if (all || which.includes('backup')) await (await import('./backup.bench.js')).runBackupBench();
if (all || which.includes('widgets')) await (await import('./widgets.bench.js')).runWidgetsBench();
if (all || which.includes('freshness')) await (await import('./freshness.bench.js')).runFreshnessBench();
if (all || which.includes('portal')) await (await import('./portal.bench.js')).runPortalBench();
if (which.includes('console-cpu')) await (await import('./console-cpu.bench.js')).runConsoleCpuBench();
if (all || which.includes('console')) await (await import('./console.bench.js')).runConsoleBench();
if (all || which.includes('relevance')) await (await import('./relevance.bench.js')).runRelevanceBench();
if (all || which.includes('stories')) await (await import('./stories.bench.js')).runStoriesBench();
// The soak runs minutes (SOAK_MINUTES, default 10): only when named.
if (which.includes('soak')) await (await import('./soak.bench.js')).runSoakBench();
process.exit(0);
