/**
 * One pass over every outbound address: each checked once, politely (at most 2 requests
 * at once to one host, hosts interleaved so that one slow site does not hold the others),
 * its record written, and the records of addresses nothing names any more forgotten.
 */
import type { Fetcher } from '../../connectors/index.js';
import { limitPerHost } from '../scheduler/index.js';
import { applyOutcome, becameBroken } from './apply-outcome.js';
import { checkLink } from './check-link.js';
import { collectAddresses, type Address } from './collect-addresses.js';
import type { LinkDoc } from './link-model.js';
import { deleteLinks, loadLinks, newLink, ownersOf, saveLink } from './links.js';

/** Requests at once to one host: the connectors' politeness. */
export const REQUESTS_PER_HOST = 2;

export interface RunCheckOptions {
  fetcher: Fetcher;
  /** Checks at once, all hosts together. Default 8. */
  concurrency?: number;
  /** Where the addresses come from. Default: services, items, partners (collectAddresses). */
  collect?: () => Promise<Address[]>;
  now?: () => Date;
  /** Stops taking addresses (the hub is stopping); those under way finish, the rest wait for the next run. */
  signal?: AbortSignal;
}

export interface LinkCheckReport {
  checked: number;
  /** Broken links after the run. */
  broken: number;
  /** The links this run turned broken (their owners are told). */
  newlyBroken: LinkDoc[];
  /** Broken links that answered again. */
  recovered: number;
  forgotten: number;
  startedAt: Date;
  finishedAt: Date;
}

/** Checks every address once and records the outcome. */
export async function runLinkCheck(options: RunCheckOptions): Promise<LinkCheckReport> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const fetcher = limitPerHost(options.fetcher, REQUESTS_PER_HOST);
  const [addresses, known] = await Promise.all([(options.collect ?? collectAddresses)(), loadLinks()]);
  const report: LinkCheckReport = {
    checked: 0,
    broken: 0,
    newlyBroken: [],
    recovered: 0,
    forgotten: 0,
    startedAt,
    finishedAt: startedAt,
  };
  const seen = new Set<string>();
  const checkOne = async ({ url, refs }: Address) => {
    const fresh = newLink(url, refs, now());
    seen.add(fresh._id);
    const previous = known.get(fresh._id);
    const base: LinkDoc = previous ? { ...previous, refs, partnerIds: ownersOf(refs) } : fresh;
    const next = applyOutcome(base, await checkLink(fetcher, base), now());
    await saveLink(next, !previous);
    report.checked += 1;
    if (next.status === 'broken') report.broken += 1;
    if (becameBroken(base, next)) report.newlyBroken.push(next);
    if (base.status === 'broken' && next.status === 'ok') report.recovered += 1;
  };
  await runPool(interleaveByHost(addresses), options.concurrency ?? 8, checkOne, options.signal);
  // An interrupted run has not seen every address: it forgets nothing.
  if (!options.signal?.aborted) report.forgotten = await deleteLinks([...known.keys()].filter((id) => !seen.has(id)));
  report.finishedAt = now();
  return report;
}

/** Round-robin over hosts: a site with thousands of pages does not make the others wait. */
export function interleaveByHost(addresses: readonly Address[]): Address[] {
  const byHost = new Map<string, Address[]>();
  for (const a of addresses) {
    const host = URL.canParse(a.url) ? new URL(a.url).host : '';
    const list = byHost.get(host);
    if (list) list.push(a);
    else byHost.set(host, [a]);
  }
  const queues = [...byHost.values()];
  const out: Address[] = [];
  for (let i = 0; out.length < addresses.length; i++)
    for (const q of queues) if (i < q.length) out.push(q[i] as Address);
  return out;
}

async function runPool<T>(
  work: readonly T[],
  size: number,
  fn: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < work.length && !signal?.aborted) await fn(work[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, work.length)) }, worker));
}
