/** A real hub in this process, on a benchmark database, for the HTTP and browser benchmarks. */
import { loadConfig } from '../../hub/config.js';
import { startHub, type RunningHub } from '../../hub/hub.js';
import { createLogger } from '../../hub/log.js';
import { seedPartners } from '../../hub/partners/index.js';
import { benchDatabase } from './lib.js';

export async function startBenchHub(name: string): Promise<{ hub: RunningHub; close(): Promise<void> }> {
  const db = await benchDatabase(name);
  await seedPartners();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SCHEDULER_ENABLED: 'false',
    ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
    MONGODB_URI: db.uri,
  });
  const hub = await startHub(config, createLogger('silent'));
  return {
    hub,
    close: async () => {
      await hub.close();
      await db.close();
    },
  };
}
