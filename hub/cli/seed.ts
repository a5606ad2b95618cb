/** npm run seed: inserts the 45 seed partners that are missing (idempotent). */
import { loadConfig } from '../config.js';
import { connectDatabase, disconnectDatabase, startLocalDatabase } from '../db/index.js';
import { seedPartners, SEED_PARTNERS } from '../partners/index.js';

const config = loadConfig();
const local = config.mongodbUri ? undefined : await startLocalDatabase(config.dataDir, (l) => console.error(l));
try {
  await connectDatabase(config.mongodbUri ?? local!.uri);
  const inserted = await seedPartners();
  console.log(`seed: ${inserted} partner(s) inserted, ${SEED_PARTNERS.length - inserted} already present`);
} catch (err) {
  console.error(`seed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await disconnectDatabase();
  await local?.stop();
}
