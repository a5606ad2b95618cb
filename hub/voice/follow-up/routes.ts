/**
 * Confirming and stopping the e-mail follow-up of a wish. The links of the mails open
 * portal pages whose button POSTs here (a GET that changed something would be triggered
 * by mail scanners); the one-click List-Unsubscribe POST (RFC 8058) comes here directly.
 */
import type { Context } from 'koa';
import { invalidInput, RouteGroup } from '../../http/index.js';
import type { FollowUp } from './follow-up.js';

function readToken(ctx: Context): string {
  const fromQuery = typeof ctx.query.token === 'string' ? ctx.query.token : undefined;
  const body = ctx.request.body as { token?: unknown } | undefined;
  const token = fromQuery ?? (typeof body?.token === 'string' ? body.token : undefined);
  if (!token || token.length > 200) throw invalidInput([{ field: 'token', message: 'jeton du lien absent' }]);
  return token;
}

const TOKEN_DOC = { token: { description: 'The token of the link (or in a JSON body {token})' } };

/** The follow-up routes. */
export function followUpRoutes(followUp: FollowUp): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'post',
        path: '/api/v1/wishes/follow-up/confirm',
        tag: 'voice',
        summary: 'Confirm the e-mail follow-up of a wish (double opt-in)',
        query: TOKEN_DOC,
        responses: {
          200: { description: '{confirmed: true, wishId}' },
          400: { description: 'invalid_input' },
          404: { description: 'Unknown token (address erased)' },
        },
      },
      async (ctx) => {
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { confirmed: true, ...(await followUp.confirm(readToken(ctx))) };
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/wishes/follow-up/unsubscribe',
        tag: 'voice',
        summary: 'Stop the follow-up: the address is erased (idempotent; one-click List-Unsubscribe)',
        query: TOKEN_DOC,
        responses: { 200: { description: '{unsubscribed: true, erased}' }, 400: { description: 'invalid_input' } },
      },
      async (ctx) => {
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { unsubscribed: true, ...(await followUp.unsubscribe(readToken(ctx))) };
      },
    );
}
