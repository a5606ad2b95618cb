/**
 * tsx hub/cli/check-links.ts: checks every outbound link now (as the daily job and
 * POST /api/v1/admin/links/check do), under the same claim, and prints what it found.
 */
import { buildUserAgent, createFetcher } from '../../connectors/index.js';
import { loadConfig } from '../config.js';
import { connectDatabase, disconnectDatabase, startLocalDatabase } from '../db/index.js';
import { listActiveAgents } from '../accounts/index.js';
import { createLinkHealth, notifyBrokenLinks } from '../link-health/index.js';
import { createLogger } from '../log.js';
import { createMailer, createNotifications } from '../notifications/index.js';
import { findPartner } from '../partners/index.js';
import { HUB_VERSION } from '../version.js';

const config = loadConfig();
const local = config.mongodbUri ? undefined : await startLocalDatabase(config.dataDir, (l) => console.error(l));
const fetcher = createFetcher({
  userAgent: buildUserAgent(HUB_VERSION, config.publicUrl),
  allowedHosts: config.sourceAllowedHosts,
  timeoutMs: config.fetchTimeoutMs,
  maxBytes: config.fetchMaxBytes,
});
const log = createLogger(config.logLevel);
const mailer = createMailer({
  publicUrl: config.publicUrl,
  ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}),
  ...(config.mailFrom ? { from: config.mailFrom } : {}),
});
// The owners of newly broken links are told as after the daily check (once per episode).
const notifications = createNotifications({
  mailer,
  publicUrl: config.publicUrl,
  log,
  recipients: async (partnerId, roles) =>
    (await listActiveAgents(partnerId, roles)).map(({ email, name }) => ({ email, name })),
});
const names = new Map<string, string>();
try {
  await connectDatabase(config.mongodbUri ?? local!.uri);
  const notify = notifyBrokenLinks(notifications, (id) => names.get(id));
  const report = await createLinkHealth({
    fetcher,
    log,
    notify: async (partnerId, links, runId) => {
      names.set(partnerId, (await findPartner(partnerId))?.name ?? partnerId);
      await notify(partnerId, links, runId);
    },
  }).checkNow();
  if (!report) {
    console.error('check-links: a check is already running (here or on another hub)');
    process.exitCode = 2;
  } else {
    console.log(
      `check-links: ${report.checked} address(es) checked, ${report.broken} broken (${report.newlyBroken.length} new, ${report.recovered} recovered)`,
    );
    for (const link of report.newlyBroken) console.log(`  broken: ${link.url} — ${link.error?.message ?? ''}`);
  }
} catch (err) {
  console.error(`check-links: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await fetcher.close();
  mailer.close();
  await disconnectDatabase();
  await local?.stop();
}
