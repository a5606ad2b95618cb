/** Tells a wish's confirmed followers about its latest step (the API's and the console's steps alike). */
import type { Logger } from '../../log.js';
import type { VoiceDeps } from '../deps.js';
import { describeSigner } from '../wishes/view.js';
import type { WishDoc } from '../wishes/wish-model.js';
import { buildLinks, type FollowUp } from './follow-up.js';

/** Mails the latest step; never throws (a failure is logged: the agent's step is done). */
export async function announceStep(deps: VoiceDeps, followUp: FollowUp, wish: WishDoc, log: Logger): Promise<void> {
  const step = wish.history[wish.history.length - 1];
  if (!step) return;
  try {
    const names = await deps.partners();
    const other = step.duplicateOf ? buildLinks(deps.config.publicUrl, step.duplicateOf, '').wishUrl : undefined;
    await followUp.announce(wish._id, {
      title: wish.title,
      status: step.status,
      signedBy: describeSigner(step.by, names),
      ...(step.answer ? { answer: step.answer } : {}),
      ...(other ? { otherWishUrl: other } : {}),
    });
  } catch (err) {
    log.error({ err, wish: wish._id }, 'voice: follow-up of a step failed');
  }
}
