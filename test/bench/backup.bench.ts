/**
 * Backup and restore (driver engine, the portable format) of a database holding the DILA
 * corpus repeated up to 10,000 items (BENCH_BACKUP_ITEMS) and the 45 partners. Baseline:
 * reading every backed-up document through the driver in the same process — the least a
 * backup can cost.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { backupDatabase, restoreDatabase } from '../../hub/backup/index.js';
import { seedPartners } from '../../hub/partners/index.js';
import { benchDatabase, fmt, timed } from './lib.js';
import { insertCorpus, makeCorpus } from './search.bench.js';

export async function runBackupBench(): Promise<void> {
  const size = Number(process.env.BENCH_BACKUP_ITEMS ?? 10_000);
  const db = await benchDatabase('bench_backup');
  const out = await mkdtemp(join(tmpdir(), 'passerelle-bench-backup-'));
  try {
    await seedPartners();
    await insertCorpus(makeCorpus(size));
    const raw = mongoose.connection.db!;
    const names = (await raw.listCollections().toArray()).map((c) => c.name).filter((n) => n !== 'search_index');
    const read = await timed(async () => {
      let n = 0;
      for (const name of names) n += (await raw.collection(name).find({}).toArray()).length;
      return n;
    });
    const backup = await timed(() => backupDatabase({ uri: db.uri, outDir: out, engine: 'driver' }));
    const { manifest, dir } = backup.result;
    const documents = manifest.collections.reduce((n, c) => n + c.documents, 0);
    const bytes = manifest.collections.reduce((n, c) => n + c.data!.bytes, 0);
    const target = db.uri.replace(/\/[^/]*$/, '/bench_backup_restored');
    const restore = await timed(() => restoreDatabase({ uri: target, dir }));
    console.log(`\n## Backup and restore (${size.toLocaleString('en')} items, driver engine)\n`);
    console.log(
      '| documents | read baseline | backup | backup ÷ read | compressed size | restore | restored documents/s |',
    );
    console.log('|---|---|---|---|---|---|---|');
    console.log(
      `| ${documents.toLocaleString('en')} | ${fmt(read.ms / 1000, 2)} s | ${fmt(backup.ms / 1000, 2)} s | ${fmt(backup.ms / read.ms, 2)}× | ${fmt(bytes / 1048576, 1)} MiB | ${fmt(restore.ms / 1000, 2)} s | ${fmt(documents / (restore.ms / 1000), 0)} |`,
    );
  } finally {
    await rm(out, { recursive: true, force: true });
    await db.close();
  }
}
