/**
 * The long-lived parts of a hub process, created once and shared by the routes: the
 * polite fetcher, the scheduler, the notifications (and their mailer), the OpenID Connect
 * sign-in, and what must learn that items changed.
 */
import { buildUserAgent, createFetcher, createReaderPool, type Fetcher, type ReaderPool } from '../connectors/index.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import cron, { type ScheduledTask } from 'node-cron';
import {
  createOidcSignIn,
  ensureSessionTtl,
  listActiveAgents,
  purgeAccountData,
  type OidcSignIn,
} from './accounts/index.js';
import { createCatalog, type Catalog } from './catalog/index.js';
import { compactExits, ServiceDirectory } from './online-services/index.js';
import { createLinkHealth, notifyBrokenLinks, type LinkHealth } from './link-health/index.js';
import { countAwaitingReview, purgeExpiredModerationData } from './interaction/index.js';
import { purgeVoiceData } from './voice/index.js';
import { purgeUnusedImages } from './images/index.js';
import { notifyLabsDueSoon } from './labs/index.js';
import { bumpItemsVersion, closeItemListing, refreshItemListing } from './items/index.js';
import {
  createMailer,
  type Mailer,
  createNotifications,
  sendModerationDigests,
  SOURCE_FAILING,
  SOURCE_RECOVERED,
  type Notifications,
} from './notifications/index.js';
import { createScheduler, limitPerHost, type Scheduler, type SourceHealthChange } from './scheduler/index.js';
import { openSealedCredentials, TIMEZONE } from './sources/index.js';
import { useCredentialsKey } from './secrets/index.js';
import { HUB_VERSION } from './version.js';

export interface HubServices {
  fetcher: Fetcher;
  /** Reads sources in worker threads: scheduled runs and previews alike. */
  reader: ReaderPool;
  scheduler: Scheduler;
  catalog: Catalog;
  /** The registry of online services as searches read it (in memory, refreshed). */
  onlineServices: ServiceDirectory;
  /** The daily check of outbound links (hub/link-health). */
  linkHealth: LinkHealth;
  /** Console and e-mail notifications (source health, moderation digest; later issues add kinds). */
  notifications: Notifications;
  /** The e-mail transport (nodemailer when SMTP_URL is set), shared with the wishes' follow-up. */
  mailer: Mailer;
  /** Sign-in through the identity provider, when OIDC_ISSUER is set. */
  oidc: OidcSignIn | undefined;
  /** Sends today's moderation digests not yet sent (the 07:00 job); returns how many. */
  sendModerationDigests(at?: Date): Promise<number>;
  /** Tells derived data (search index, feeds) that items changed. */
  itemsChanged(): void;
  /**
   * A partner was created, changed or deleted: names, kinds and territories are part of
   * the search index and of the feeds, in this process and in the others.
   */
  partnersChanged(): Promise<void>;
  /** Listeners of itemsChanged. */
  onItemsChanged(listener: () => void): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Test knobs of the scheduler: claim duration (default SCHEDULER_LEASE_SECONDS), how long "run now" waits for a run in progress. */
export interface ServiceOptions {
  leaseMs?: number;
  reportWaitMs?: number;
}

/** Creates the services; nothing touches the network or the database until start(). */
export function createServices(config: Config, log: Logger, options: ServiceOptions = {}): HubServices {
  useCredentialsKey(config.credentialsKey);
  const onlineServices = new ServiceDirectory();
  const catalog = createCatalog(config, log, onlineServices);
  // A run that changed items may have changed the services their fiches point to.
  // The console's listing (hub/items item-listing.ts) reads this process's change log entries at once.
  const listeners: (() => void)[] = [
    () => catalog.search.itemsChanged(),
    () => onlineServices.invalidate(),
    () => void refreshItemListing().catch((err: unknown) => log.warn({ err }, 'items: listing catch-up failed')),
  ];
  const itemsChanged = () => listeners.forEach((l) => l());
  const fetcher = limitPerHost(
    createFetcher({
      userAgent: buildUserAgent(HUB_VERSION, config.publicUrl),
      allowedHosts: config.sourceAllowedHosts,
      timeoutMs: config.fetchTimeoutMs,
      maxBytes: config.fetchMaxBytes,
      openCredentials: openSealedCredentials,
    }),
    2,
  );
  const mailer = createMailer({
    publicUrl: config.publicUrl,
    ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}),
    ...(config.mailFrom ? { from: config.mailFrom } : {}),
  });
  const notifications = createNotifications({
    mailer,
    publicUrl: config.publicUrl,
    log: log.child({ module: 'notifications' }),
    recipients: async (partnerId, roles) =>
      (await listActiveAgents(partnerId, roles)).map(({ email, name }) => ({ email, name })),
  });
  const notifySourceHealth = (change: SourceHealthChange) => {
    const { source, state, run } = change;
    const failing = change.change === 'failing';
    notifications
      .notify(failing ? SOURCE_FAILING : SOURCE_RECOVERED, {
        partnerId: source.partnerId,
        // Once per episode, whatever the number of hubs: the alert's start, or the run that ended it.
        key: failing
          ? `source-failing:${source._id}:${state.alert?.since.toISOString() ?? run.id}`
          : `source-recovered:${source._id}:${run.id}`,
        data: {
          sourceId: source._id,
          sourceName: source.name ?? source.url,
          url: source.url,
          partnerName: catalog.partners.current().get(source.partnerId)?.name ?? source.partnerId,
          failures: failing ? state.consecutiveFailures : source.state.consecutiveFailures,
          ...(state.lastError ? { message: state.lastError.message } : {}),
        },
      })
      .catch((err: unknown) => log.error({ err, sourceId: source._id }, 'notifications: source health not notified'));
  };
  const linkHealth = createLinkHealth({
    fetcher,
    log: log.child({ module: 'link-health' }),
    notify: notifyBrokenLinks(notifications, (id) => catalog.partners.current().get(id)?.name),
  });
  const digest = (at?: Date) =>
    sendModerationDigests(
      {
        notifications,
        countAwaiting: () => countAwaitingReview(),
        partnerName: (id) => catalog.partners.current().get(id)?.name,
      },
      at,
    );
  const reader = createReaderPool({
    fetcher,
    threads: config.readerThreads,
    memoryMb: config.readerMemoryMb,
    keepOne: config.readerWarm,
    timeoutMs: config.runTimeoutSeconds * 1000,
  });
  const scheduler = createScheduler({
    reader,
    budget: { maxBytes: config.runMaxBytes, maxItems: config.runMaxItems },
    onSourceHealth: notifySourceHealth,
    log: log.child({ module: 'scheduler' }),
    concurrency: config.schedulerConcurrency,
    onItemsChanged: itemsChanged,
    leaseMs: options.leaseMs ?? config.schedulerLeaseSeconds * 1000,
    ...(options.reportWaitMs !== undefined ? { reportWaitMs: options.reportWaitMs } : {}),
    tick: `*/${config.schedulerTickSeconds} * * * * *`,
  });
  const oidc =
    config.oidcIssuer && config.oidcClientId
      ? createOidcSignIn({
          issuer: config.oidcIssuer,
          clientId: config.oidcClientId,
          ...(config.oidcClientSecret ? { clientSecret: config.oidcClientSecret } : {}),
          redirectUri: `${config.publicUrl}/console/connexion/oidc/retour`,
        })
      : undefined;
  const jobs: ScheduledTask[] = [];
  return {
    fetcher,
    reader,
    scheduler,
    catalog,
    onlineServices,
    linkHealth,
    notifications,
    mailer,
    oidc,
    sendModerationDigests: digest,
    itemsChanged,
    async partnersChanged() {
      await catalog.partners.reload();
      // The change log names the partners whose name, kind or territory changed: every hub
      // reloads its partners and indexes again the items of those its index holds (no full
      // build); a change of what only pages show (website, description) reloads them alone.
      const { changed, indexed } = catalog.partners.takeChanged();
      if (!changed.length) return;
      await bumpItemsVersion({ partners: indexed, directory: true });
      itemsChanged();
    },
    onItemsChanged: (listener) => void listeners.push(listener),
    async start() {
      // A reader thread takes a while to start (seconds from the TypeScript sources): it
      // starts with the hub rather than with the first run or preview.
      const warming = config.readerWarm
        ? reader.warm().catch((err: unknown) => log.warn({ err }, 'reader: warm-up failed'))
        : undefined;
      await catalog.start();
      await warming;
      if (!(await ensureSessionTtl()))
        log.info('accounts: no TTL index on this database (FerretDB); expired sessions are purged daily');
      if (!config.schedulerEnabled) return;
      scheduler.start();
      linkHealth.start();
      // Retention of moderation, privacy and account data (hub/interaction/README.md), and
      // images nobody viewed for a month (hub/images), daily at 03:00; the moderation digest
      // and the labs due within three days at 07:00. Idempotent: several hubs may all run them.
      jobs.push(
        cron.schedule(
          '0 3 * * *',
          async () => {
            try {
              const at = new Date();
              const purged = {
                ...(await purgeExpiredModerationData(at)),
                ...(await purgeAccountData()),
                voice: await purgeVoiceData(at),
              };
              log.info({ purged }, 'maintenance: retention applied');
            } catch (err) {
              log.error({ err }, 'maintenance: retention failed');
            }
            try {
              log.info({ exits: await compactExits(new Date()) }, 'maintenance: service exits compacted');
            } catch (err) {
              log.error({ err }, 'maintenance: exit compaction failed');
            }
            try {
              log.info({ images: await purgeUnusedImages(new Date()) }, 'maintenance: unused images forgotten');
            } catch (err) {
              log.error({ err }, 'maintenance: image purge failed');
            }
          },
          { timezone: TIMEZONE, name: 'passerelle-retention' },
        ),
        cron.schedule(
          '0 7 * * *',
          async () => {
            try {
              log.info({ sent: await digest() }, 'notifications: moderation digests');
            } catch (err) {
              log.error({ err }, 'notifications: moderation digests failed');
            }
            try {
              // Labs due within three days (told once per lab and due date: notifications' keys).
              log.info({ told: await notifyLabsDueSoon(notifications) }, 'notifications: labs due soon');
            } catch (err) {
              log.error({ err }, 'notifications: labs due soon failed');
            }
          },
          { timezone: TIMEZONE, name: 'passerelle-moderation-digest' },
        ),
      );
    },
    async stop() {
      await Promise.all(jobs.map((job) => job.destroy()));
      await linkHealth.stop();
      mailer.close();
      catalog.stop();
      closeItemListing();
      await scheduler.stop();
      await reader.close();
      await fetcher.close();
    },
  };
}
