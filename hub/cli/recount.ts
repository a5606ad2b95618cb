/** tsx hub/cli/recount.ts: recomputes every item's like and comment counts from the records. */
import { loadConfig } from '../config.js';
import { connectDatabase, disconnectDatabase, startLocalDatabase } from '../db/index.js';
import { recountItemStats } from '../interaction/index.js';

const config = loadConfig();
const local = config.mongodbUri ? undefined : await startLocalDatabase(config.dataDir, (l) => console.error(l));
try {
  await connectDatabase(config.mongodbUri ?? local!.uri);
  const report = await recountItemStats();
  console.log(
    `recount: ${report.checked} item(s) checked, ${report.fixed} fixed${report.fixed ? `: ${report.fixedIds.slice(0, 20).join(', ')}${report.fixed > 20 ? '…' : ''}` : ''}`,
  );
} catch (err) {
  console.error(`recount: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await disconnectDatabase();
  await local?.stop();
}
