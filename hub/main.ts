/**
 * Process entry (npm start): configuration, the HTTP port (taken first: a taken port stops
 * the start before anything is written or printed), database (a local one when MONGODB_URI
 * is unset), first-start seeding, then the app on that port. Any failure to start ends the
 * process with one line on stderr and exit code 1.
 */
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { connectDatabase, disconnectDatabase, redactUri, startLocalDatabase, type LocalDatabase } from './db/index.js';
import { countPartners, seedPartners } from './partners/index.js';
import { ensureBootstrapToken } from './auth/index.js';
import { ensureFirstAdmin } from './accounts/index.js';
import { bindPort, describeListening, startHub } from './hub.js';
import { migrateDatabase } from './migrations/index.js';
import { useCredentialsKey } from './secrets/index.js';

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const server = await bindPort(config.port, config.host);
  let local: LocalDatabase | undefined;
  let uri = config.mongodbUri;
  try {
    if (!uri) {
      local = await startLocalDatabase(config.dataDir, say);
      uri = local.uri;
      log.info({ engine: local.engine, dataDir: config.dataDir }, 'database: local server started');
    }
    await connectDatabase(uri);
    log.info({ uri: redactUri(uri) }, 'database: connected');
    useCredentialsKey(config.credentialsKey); // migration 002 seals credentials
    // Before serving: pending migrations run once across all hubs (hub/migrations/README.md).
    const schema = await migrateDatabase({ progress: (line) => log.info(line) });
    log.info({ schemaVersion: schema.databaseVersion }, 'database: schema up to date');
    if (config.seedOnStart && (await countPartners()) === 0)
      log.info({ inserted: await seedPartners() }, 'seed: partners loaded');
    const token = await ensureBootstrapToken(config.adminToken);
    if (token) say(`\nPasserelle: first start — platform admin token (shown once, keep it safe):\n  ${token}\n`);
    if (config.adminEmail && config.adminPassword && (await ensureFirstAdmin(config.adminEmail, config.adminPassword)))
      say(
        `Passerelle: console account ${config.adminEmail} created (platform admin) — sign in at ${config.publicUrl}/console`,
      );
    const hub = await startHub(config, log, { server });
    const listening = describeListening(hub.server);
    log.info({ listening, publicUrl: config.publicUrl }, 'http: listening');
    say(
      `Passerelle is listening on ${listening} — open ${config.publicUrl} (PUBLIC_URL: the widgets accept likes and comments from this address and from partners' allowed origins). Stop with Ctrl+C.`,
    );
    const stop = async (signal: string) => {
      log.info({ signal }, 'hub: stopping');
      await hub.close();
      await disconnectDatabase();
      await local?.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (err) {
    server.close();
    await local?.stop();
    throw err;
  }
}

main().catch((err: unknown) => {
  const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
  say(`passerelle: ${message.split('\n')[0]}`);
  process.exit(1);
});
