/**
 * When a source runs next: its cron expression (Pacific/Noumea), pushed back by the
 * feed's own ttl / max-age after a success, by exponential backoff with jitter after a
 * failure (at most one attempt a day), or by the server's Retry-After — and never sooner
 * than MIN_RUN_INTERVAL_MS after the last run, whatever the expression says.
 */
import { CronExpressionParser } from 'cron-parser';

export const TIMEZONE = 'Pacific/Noumea';
export const DEFAULT_SCHEDULE = '*/30 * * * *';
const DAY_MS = 24 * 3600_000;
/** First retry delay after one failure; doubles with each further failure. */
const BACKOFF_BASE_MS = 5 * 60_000;
/** A source is read at most once in this interval by the scheduler ("run now" excepted). */
export const MIN_RUN_INTERVAL_MS = 5 * 60_000;

/** Checks a cron expression; returns the complaint (French for ours, the parser's otherwise), or undefined. */
export function checkCronExpression(expression: string): string | undefined {
  // Six fields lead with seconds: `* * * * * *` would read a source every second.
  if (!expression.trim().startsWith('@') && expression.trim().split(/\s+/).length > 5)
    return '5 champs attendus (minute heure jour mois jour-de-la-semaine) : les secondes ne sont pas acceptées, une source est lue au plus toutes les 5 minutes';
  try {
    CronExpressionParser.parse(expression, { tz: TIMEZONE });
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The next time the expression fires strictly after `after`. */
export function nextCronRun(expression: string, after: Date): Date {
  return CronExpressionParser.parse(expression, { currentDate: after, tz: TIMEZONE }).next().toDate();
}

/** Delay before the next attempt after `failures` consecutive failures, with ±20% jitter. */
export function backoffDelayMs(failures: number, random: () => number = Math.random): number {
  const exponential = BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1);
  const jittered = exponential * (0.8 + 0.4 * random());
  return Math.min(DAY_MS, Math.round(jittered));
}

export interface RunOutcome {
  schedule: string;
  now: Date;
  /** ok / partial count as success; failed as failure unless deferred by Retry-After. */
  succeeded: boolean;
  consecutiveFailures: number;
  ttlSeconds?: number;
  maxAgeSeconds?: number;
  retryAfterSeconds?: number;
  random?: () => number;
}

/** Computes the next attempt of a source after a run. */
export function computeNextRunAt(o: RunOutcome): Date {
  const cron = nextCronRun(o.schedule, o.now).getTime();
  const now = o.now.getTime();
  let earliest = now;
  if (o.retryAfterSeconds !== undefined) earliest = now + Math.min(DAY_MS, o.retryAfterSeconds * 1000);
  else if (!o.succeeded) earliest = now + backoffDelayMs(o.consecutiveFailures, o.random);
  else earliest = now + Math.min(DAY_MS, 1000 * Math.max(o.ttlSeconds ?? 0, o.maxAgeSeconds ?? 0));
  earliest = Math.max(earliest, now + MIN_RUN_INTERVAL_MS);
  // After a failure the backoff decides alone (the cron would retry too soon);
  // otherwise the next cron slot that is not before the earliest allowed time.
  if (!o.succeeded && o.retryAfterSeconds === undefined) return new Date(earliest);
  return new Date(earliest > cron ? nextCronRun(o.schedule, new Date(earliest - 1)).getTime() : cron);
}
