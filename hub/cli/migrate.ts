/**
 * npm run migrate: applies the pending migrations now (a starting hub does the same), or
 * with --status shows where the database stands. Safe while hubs run and start.
 */
import { loadConfig } from '../config.js';
import { connectDatabase, disconnectDatabase, startLocalDatabase } from '../db/index.js';
import { migrateDatabase, readSchemaStatus } from '../migrations/index.js';
import { useCredentialsKey } from '../secrets/index.js';

const statusOnly = process.argv.includes('--status');
const config = loadConfig();
useCredentialsKey(config.credentialsKey);
const local = config.mongodbUri ? undefined : await startLocalDatabase(config.dataDir, (l) => console.error(l));

async function printStatus(): Promise<void> {
  const status = await readSchemaStatus();
  console.log(`schema: database at version ${status.databaseVersion}, this code at version ${status.codeVersion}`);
  for (const a of status.applied)
    console.log(
      `  applied  ${a._id} (${a.appliedAt.toISOString()}, ${a.durationMs} ms, ${a.owner}, hub ${a.hubVersion})`,
    );
  for (const id of status.pending) console.log(`  pending  ${id}`);
  for (const id of status.unknown) console.log(`  unknown  ${id} (applied by a newer hub)`);
  for (const r of status.running)
    console.log(`  running  ${r.migrationId} by ${r.owner} (lease until ${r.until.toISOString()})`);
}

try {
  await connectDatabase(config.mongodbUri ?? local!.uri);
  if (statusOnly) await printStatus();
  else {
    const report = await migrateDatabase({ progress: (line) => console.error(line) });
    for (const o of report.outcomes)
      console.log(
        o.outcome === 'applied'
          ? `migrate: ${o.id} applied in ${o.durationMs} ms ${JSON.stringify(o.result ?? {})}`
          : `migrate: ${o.id} already applied`,
      );
    console.log(`migrate: database at schema version ${report.databaseVersion} (this code: ${report.codeVersion})`);
  }
} catch (err) {
  console.error(`migrate: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await disconnectDatabase();
  await local?.stop();
}
