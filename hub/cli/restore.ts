/**
 * npm run restore -- BACKUP_DIR [--drop | --force]: restores a backup made by
 * `npm run backup`. Refuses a database that holds data unless --drop (empty it first) or
 * --force (add to it, keeping documents already there). Then recounts likes and comments
 * (collections are backed up one after the other, so a like may be newer than its count).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { connectDatabase, disconnectDatabase, startLocalDatabase } from '../db/index.js';
import { restoreDatabase } from '../backup/index.js';
import { recountItemStats } from '../interaction/index.js';

const { values, positionals } = parseArgs({
  options: { drop: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const config = loadConfig();
let local: Awaited<ReturnType<typeof startLocalDatabase>> | undefined;
try {
  if (positionals.length !== 1) throw new Error('usage: npm run restore -- BACKUP_DIR [--drop | --force]');
  if (values.drop && values.force) throw new Error('--drop and --force exclude each other');
  local = config.mongodbUri ? undefined : await startLocalDatabase(config.dataDir, (l) => console.error(l));
  const uri = config.mongodbUri ?? local!.uri;
  const result = await restoreDatabase({
    uri,
    dir: positionals[0]!,
    mode: values.drop ? 'drop' : values.force ? 'force' : 'empty-only',
    progress: (line) => console.error(line),
  });
  await connectDatabase(uri);
  const recount = await recountItemStats();
  const inserted = result.collections.reduce((n, c) => n + c.inserted, 0);
  console.log(
    `restore: ${result.collections.length} collections, ${inserted} documents into « ${result.database} » (backup of ${result.manifest.createdAt}, schema ${result.manifest.schemaVersion}); counts checked on ${recount.checked} items, ${recount.fixed} fixed. The search index is rebuilt at the next start, which also applies pending migrations.`,
  );
} catch (err) {
  console.error(`restore: ${(err as Error).message.replace(/^restore: /, '')}`);
  process.exitCode = 1;
} finally {
  await disconnectDatabase();
  await local?.stop();
}
