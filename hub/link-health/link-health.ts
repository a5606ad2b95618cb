/**
 * The link check as a process runs it: now (admin API, CLI), or daily (an hourly tick runs
 * it when no run finished in the last 20 hours), always under the claim so that one hub of
 * several checks; owners are told of newly broken links; and what the portal reads — the
 * broken services — held in memory and refreshed at most every minute.
 */
import { createHash, randomBytes } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Fetcher } from '../../connectors/index.js';
import type { Logger } from '../log.js';
import { claimLinkCheck, readLastCheck, releaseLinkCheck, renewLinkCheck } from './claim.js';
import type { Address } from './collect-addresses.js';
import { listBrokenServiceLinks } from './links.js';
import type { LinkDoc } from './link-model.js';
import { groupByPartner } from './notify.js';
import { runLinkCheck, type LinkCheckReport } from './run-check.js';

export interface LinkHealthOptions {
  fetcher: Fetcher;
  log: Logger;
  /** Tells a partner's agents of its newly broken links (one call per partner and run). */
  notify?: (partnerId: string, links: LinkDoc[], runId: string) => Promise<void>;
  /** How long a claim holds without renewal. Default 10 minutes (renewed every third). */
  leaseMs?: number;
  /** Daily ticks' time zone. Default Pacific/Noumea. */
  timezone?: string;
  /** Test knob: where the addresses come from. */
  collect?: () => Promise<Address[]>;
}

export interface LinkHealth {
  /** Runs a check now; undefined when another one (here or in another hub) holds the claim. */
  checkNow(): Promise<LinkCheckReport | undefined>;
  /** Runs a check when none finished in the last 20 hours. */
  checkIfDue(now?: Date): Promise<LinkCheckReport | undefined>;
  /** Starts the hourly tick. */
  start(): void;
  stop(): Promise<void>;
  /** Since when a service's address is broken, if it is (refreshes the memory first when stale). */
  unavailableSince(url: string): Promise<Date | undefined>;
  /** The services with `unavailableSince` set on those whose address is broken (what the portal shows). */
  markUnavailable<S extends { url: string; unavailableSince?: string }>(services: S[]): Promise<S[]>;
  /** A token that changes when the set of broken service addresses does (pages cached by it). */
  brokenVersion(): Promise<string>;
}

const DAILY_GAP_MS = 20 * 3_600_000;
const MEMORY_MS = 60_000;

/** Creates the link check of this process; nothing runs until start() or checkNow(). */
export function createLinkHealth(options: LinkHealthOptions): LinkHealth {
  const owner = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 600_000;
  let task: ScheduledTask | undefined;
  let broken: { at: number; byUrl: Map<string, Date>; token: string } | undefined;
  let running: Promise<unknown> | undefined;
  const stopping = new AbortController();

  async function checkNow(): Promise<LinkCheckReport | undefined> {
    const claim = await claimLinkCheck(owner, new Date(), leaseMs);
    if (!claim) return undefined;
    const renewal = setInterval(() => {
      renewLinkCheck(claim, new Date(Date.now() + leaseMs)).catch((err: unknown) =>
        options.log.warn({ err }, 'link-health: claim not renewed'),
      );
    }, leaseMs / 3);
    try {
      const report = await runLinkCheck({
        fetcher: options.fetcher,
        signal: stopping.signal,
        ...(options.collect ? { collect: options.collect } : {}),
      });
      const { checked, broken: brokenCount, startedAt, finishedAt } = report;
      // Stopped half-way: the claim expires and another hub (or this one, restarted) checks again.
      if (stopping.signal.aborted) return report;
      if (!(await releaseLinkCheck(claim, { checked, broken: brokenCount, startedAt, finishedAt })))
        options.log.warn('link-health: claim overtaken; run recorded anyway');
      broken = undefined;
      await tellOwners(report, claim.id);
      options.log.info({ checked, broken: brokenCount, recovered: report.recovered }, 'link-health: check done');
      return report;
    } finally {
      clearInterval(renewal);
    }
  }

  async function tellOwners(report: LinkCheckReport, runId: string): Promise<void> {
    if (!options.notify || report.newlyBroken.length === 0) return;
    for (const [partnerId, links] of groupByPartner(report.newlyBroken))
      await options
        .notify(partnerId, links, runId)
        .catch((err: unknown) => options.log.error({ err, partnerId }, 'link-health: owners not notified'));
  }

  async function checkIfDue(now = new Date()): Promise<LinkCheckReport | undefined> {
    const last = await readLastCheck();
    if (last && now.getTime() - new Date(last.finishedAt).getTime() < DAILY_GAP_MS) return undefined;
    return checkNow();
  }

  return {
    checkNow,
    checkIfDue,
    start() {
      task = cron.schedule(
        '17 * * * *',
        () => {
          if (running) return;
          running = checkIfDue()
            .catch((err: unknown) => options.log.error({ err }, 'link-health: check failed'))
            .finally(() => (running = undefined));
        },
        { timezone: options.timezone ?? 'Pacific/Noumea', name: 'passerelle-link-health' },
      );
    },
    async stop() {
      stopping.abort();
      await task?.destroy();
      await running;
    },
    unavailableSince,
    brokenVersion: async () => (await brokenLinks()).token,
    async markUnavailable(services) {
      if (services.length === 0) return services;
      const marked = [];
      for (const s of services) {
        const since = await unavailableSince(s.url);
        marked.push(since ? { ...s, unavailableSince: since.toISOString() } : s);
      }
      return marked;
    },
  };

  async function unavailableSince(url: string): Promise<Date | undefined> {
    return (await brokenLinks()).byUrl.get(url);
  }

  async function brokenLinks(): Promise<{ byUrl: Map<string, Date>; token: string }> {
    if (!broken || Date.now() - broken.at > MEMORY_MS) {
      const byUrl = await listBrokenServiceLinks();
      const token = [...byUrl]
        .map(([url, since]) => `${url} ${since.getTime()}`)
        .sort()
        .join('\n');
      broken = { at: Date.now(), byUrl, token: createHash('sha256').update(token).digest('base64url').slice(0, 16) };
    }
    return broken;
  }
}
