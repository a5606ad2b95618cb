/**
 * Limits of the citizens' voice, on the interaction limiter (one sliding-window log in the
 * database, shared by every hub process). Per address they are loose: many citizens share
 * one mobile-carrier address.
 */
import type { Context } from 'koa';
import { consumeRateLimits, hashRequestAddress, interactionNow, type RateRule } from '../interaction/index.js';
import type { VoiceDeps } from './deps.js';

const MINUTE = 60_000;

export const VOICE_RATE_RULES = {
  wishVisitor: { name: 'wish-visitor', limit: 5, windowMs: 60 * MINUTE },
  wishAddress: { name: 'wish-address', limit: 100, windowMs: 60 * MINUTE },
  supportVisitor: { name: 'support-visitor', limit: 30, windowMs: MINUTE },
  supportAddress: { name: 'support-address', limit: 1000, windowMs: MINUTE },
  feedbackVisitor: { name: 'feedback-visitor', limit: 20, windowMs: 10 * MINUTE },
  feedbackAddress: { name: 'feedback-address', limit: 500, windowMs: 10 * MINUTE },
  flagVisitor: { name: 'wish-flag-visitor', limit: 20, windowMs: 10 * MINUTE },
  flagAddress: { name: 'wish-flag-address', limit: 300, windowMs: 10 * MINUTE },
  similarAddress: { name: 'wish-similar-address', limit: 600, windowMs: MINUTE },
} as const satisfies Record<string, RateRule>;

export type VoiceAction = 'wish' | 'support' | 'feedback' | 'flag';

const RULES: Record<VoiceAction, [RateRule, RateRule]> = {
  wish: [VOICE_RATE_RULES.wishVisitor, VOICE_RATE_RULES.wishAddress],
  support: [VOICE_RATE_RULES.supportVisitor, VOICE_RATE_RULES.supportAddress],
  feedback: [VOICE_RATE_RULES.feedbackVisitor, VOICE_RATE_RULES.feedbackAddress],
  flag: [VOICE_RATE_RULES.flagVisitor, VOICE_RATE_RULES.flagAddress],
};

/** The hashed address of the request (today's salt). */
export function hashAddressOf(ctx: Context, deps: VoiceDeps): Promise<string> {
  return hashRequestAddress(ctx, deps);
}

/** Counts one action for the visitor and the address; 429 rate_limited when over. */
export async function limitVoiceAction(action: VoiceAction, visitorHash: string, addressHash: string): Promise<void> {
  const [perVisitor, perAddress] = RULES[action];
  await consumeRateLimits(
    [
      { rule: perVisitor, key: visitorHash },
      { rule: perAddress, key: addressHash },
    ],
    interactionNow(),
  );
}

/** Counts one look-up of suggestions for the address. */
export function limitSimilar(addressHash: string): Promise<void> {
  return consumeRateLimits([{ rule: VOICE_RATE_RULES.similarAddress, key: addressHash }], interactionNow());
}
