/**
 * The long-lived parts of a hub process, created once and shared by the routes: the
 * polite fetcher, the scheduler, and what must learn that items changed.
 */
import { buildUserAgent, createFetcher, createReaderPool, type Fetcher, type ReaderPool } from '../connectors/index.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import cron, { type ScheduledTask } from 'node-cron';
import { createCatalog, type Catalog } from './catalog/index.js';
import { ServiceDirectory } from './online-services/index.js';
import { purgeExpiredModerationData } from './interaction/index.js';
import { purgeUnusedImages } from './images/index.js';
import { bumpItemsVersion } from './items/index.js';
import { createScheduler, limitPerHost, type Scheduler } from './scheduler/index.js';
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
  const listeners: (() => void)[] = [() => catalog.search.itemsChanged(), () => onlineServices.invalidate()];
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
  const reader = createReaderPool({
    fetcher,
    threads: config.readerThreads,
    memoryMb: config.readerMemoryMb,
    timeoutMs: config.runTimeoutSeconds * 1000,
  });
  const scheduler = createScheduler({
    reader,
    budget: { maxBytes: config.runMaxBytes, maxItems: config.runMaxItems },
    log: log.child({ module: 'scheduler' }),
    concurrency: config.schedulerConcurrency,
    onItemsChanged: itemsChanged,
    leaseMs: options.leaseMs ?? config.schedulerLeaseSeconds * 1000,
    ...(options.reportWaitMs !== undefined ? { reportWaitMs: options.reportWaitMs } : {}),
    tick: `*/${config.schedulerTickSeconds} * * * * *`,
  });
  let maintenance: ScheduledTask | undefined;
  return {
    fetcher,
    reader,
    scheduler,
    catalog,
    onlineServices,
    itemsChanged,
    async partnersChanged() {
      await catalog.partners.reload();
      await bumpItemsVersion();
      itemsChanged();
    },
    onItemsChanged: (listener) => void listeners.push(listener),
    async start() {
      // A reader thread takes a while to start (seconds from the TypeScript sources): it
      // starts with the hub rather than with the first run or preview.
      const warming = reader.warm().catch((err: unknown) => log.warn({ err }, 'reader: warm-up failed'));
      await catalog.start();
      await warming;
      if (!config.schedulerEnabled) return;
      scheduler.start();
      // Retention of moderation and privacy data (hub/interaction/README.md), and images
      // nobody viewed for a month (hub/images), daily at 03:00.
      // Idempotent deletes: several hub processes may all run it.
      maintenance = cron.schedule(
        '0 3 * * *',
        async () => {
          try {
            log.info({ purged: await purgeExpiredModerationData(new Date()) }, 'maintenance: retention applied');
          } catch (err) {
            log.error({ err }, 'maintenance: retention failed');
          }
          try {
            log.info({ images: await purgeUnusedImages(new Date()) }, 'maintenance: unused images forgotten');
          } catch (err) {
            log.error({ err }, 'maintenance: image purge failed');
          }
        },
        { timezone: TIMEZONE, name: 'passerelle-retention' },
      );
    },
    async stop() {
      await maintenance?.destroy();
      catalog.stop();
      await scheduler.stop();
      await reader.close();
      await fetcher.close();
    },
  };
}
