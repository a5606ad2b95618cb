/**
 * The pages of the follow-up mails' links. GET shows a button and changes nothing; the
 * POST confirms the address (double opt-in) or erases it (unsubscribe) through the voice
 * service, then shows what was done. A link whose address is already erased is a French 404.
 */
import type { Context } from 'koa';
import { h } from 'preact';
import type { PortalDeps } from '../deps.js';
import { FollowUpPage, type FollowUpAction } from '../pages/follow-up-page.js';
import { sendPortalPage } from '../site/send-portal-page.js';
import { readFormBody } from './commune-choice.js';
import { BadPageRequest } from './error-pages.js';
import { requireVoice } from './wishes.js';

const TOKEN = /^[A-Za-z0-9_-]{8,40}\.[A-Za-z0-9_-]{20,64}$/;

function checkToken(value: unknown): string {
  if (typeof value !== 'string' || !TOKEN.test(value))
    throw new BadPageRequest([
      { field: 'jeton', message: 'le lien est incomplet : copiez-le en entier depuis le message' },
    ]);
  return value;
}

export function serveFollowUp(deps: PortalDeps, action: FollowUpAction) {
  const send = (ctx: Context, props: Parameters<typeof FollowUpPage>[0]) =>
    sendPortalPage(ctx, deps.publicUrl, h(FollowUpPage, props), { cacheControl: 'no-store' });
  return {
    async show(ctx: Context): Promise<void> {
      requireVoice(deps);
      await send(ctx, { action, token: checkToken(ctx.query.jeton) });
    },
    async post(ctx: Context): Promise<void> {
      const voice = requireVoice(deps);
      const token = checkToken((await readFormBody(ctx, 'jeton')).get('jeton'));
      if (action === 'confirmer') {
        const { wishId } = await voice.confirmFollowUp(token);
        return send(ctx, { action, token, done: { wishId } });
      }
      await voice.stopFollowUp(token);
      await send(ctx, { action, token, done: {} });
    },
  };
}
