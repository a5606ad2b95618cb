/**
 * The interaction limits. Per visitor they are tight; per address they are loose because
 * many citizens share one mobile-carrier address (CGNAT).
 */
import type { Context } from 'koa';
import { getClientAddress } from '../http/index.js';
import { consumeRateLimits, type RateHit, type RateRule } from './rate-limit.js';
import { now } from './clock.js';
import type { InteractionDeps } from './deps.js';
import { hashAddress } from './privacy/ip-hash.js';

const MINUTE = 60_000;

export const RATE_RULES = {
  likeVisitor: { name: 'like-visitor', limit: 60, windowMs: MINUTE },
  likeAddress: { name: 'like-address', limit: 1000, windowMs: MINUTE },
  commentVisitor: { name: 'comment-visitor', limit: 5, windowMs: 10 * MINUTE },
  commentAddress: { name: 'comment-address', limit: 100, windowMs: 10 * MINUTE },
  flagVisitor: { name: 'flag-visitor', limit: 20, windowMs: 10 * MINUTE },
  flagAddress: { name: 'flag-address', limit: 300, windowMs: 10 * MINUTE },
  editComment: { name: 'edit-comment', limit: 10, windowMs: 10 * MINUTE },
  visitorDataAddress: { name: 'visitor-data-address', limit: 60, windowMs: 10 * MINUTE },
} as const satisfies Record<string, RateRule>;

export type ActionKind = 'like' | 'comment' | 'flag';

/** The hashed address of the request's client (today's salt). */
export function hashRequestAddress(ctx: Context, deps: InteractionDeps): Promise<string> {
  return hashAddress(getClientAddress(ctx, deps.config.trustedProxies), now(), deps.config.ipHashSecret);
}

/** Counts one like, comment or flag for the visitor and the address; 429 rate_limited when over. */
export async function limitAction(kind: ActionKind, visitorHash: string, addressHash: string): Promise<void> {
  const rules: Record<ActionKind, [RateRule, RateRule]> = {
    like: [RATE_RULES.likeVisitor, RATE_RULES.likeAddress],
    comment: [RATE_RULES.commentVisitor, RATE_RULES.commentAddress],
    flag: [RATE_RULES.flagVisitor, RATE_RULES.flagAddress],
  };
  const [perVisitor, perAddress] = rules[kind];
  await consumeRateLimits(
    [
      { rule: perVisitor, key: visitorHash },
      { rule: perAddress, key: addressHash },
    ],
    now(),
  );
}

/** Counts one hit against a single rule. */
export function limitOne(rule: RateRule, key: string): Promise<void> {
  const hit: RateHit = { rule, key };
  return consumeRateLimits([hit], now());
}
