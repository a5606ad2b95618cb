/**
 * npm run backup [-- --out DIR] [--engine=auto|driver|mongodump]: backs the database up
 * into a new folder under DIR (default ./backups). What is in a backup, and what is not:
 * README, « Backups ».
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { startLocalDatabase } from '../db/index.js';
import { backupDatabase, type BackupEngine } from '../backup/index.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, engine: { type: 'string', default: 'auto' } } });
const config = loadConfig();
let local: Awaited<ReturnType<typeof startLocalDatabase>> | undefined;
try {
  if (!['auto', 'driver', 'mongodump'].includes(values.engine!))
    throw new Error(`--engine must be auto, driver or mongodump (got "${values.engine}")`);
  local = config.mongodbUri ? undefined : await startLocalDatabase(config.dataDir, (l) => console.error(l));
  const { dir, manifest } = await backupDatabase({
    uri: config.mongodbUri ?? local!.uri,
    ...(values.out ? { outDir: values.out } : {}),
    engine: values.engine as BackupEngine | 'auto',
    progress: (line) => console.error(line),
  });
  const documents = manifest.collections.reduce((n, c) => n + c.documents, 0);
  console.log(
    `backup: ${manifest.collections.length} collections, ${documents} documents, schema ${manifest.schemaVersion}, ${manifest.engine} → ${dir}`,
  );
} catch (err) {
  console.error(`backup: ${(err as Error).message.replace(/^backup: /, '')}`);
  process.exitCode = 1;
} finally {
  await local?.stop();
}
