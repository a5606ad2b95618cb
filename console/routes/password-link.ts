/** /console/mot-de-passe/:token — choose a password through an invitation or reset link, once. */
import type { Context } from 'koa';
import { h } from 'preact';
import {
  openSession,
  readPasswordLink,
  setFlash,
  setSessionCookie,
  usePasswordLink,
} from '../../hub/accounts/index.js';
import { DomainError } from '../../hub/domain-errors.js';
import { sendPage } from '../../hub/ui/index.js';
import type { ConsoleDeps } from '../deps.js';
import { anonymousFormToken } from '../http/csrf.js';
import { errorMap, formBody, invalidFields } from '../http/forms.js';
import { ExpiredLinkPage, PasswordPage } from '../pages/password-page.js';

const isExpired = (err: unknown) =>
  err instanceof DomainError && (err.code === 'link_expired' || err.kind === 'not_found');

/** GET: the form, or the page saying the link no longer works. */
export function showPasswordLink(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const token = String(ctx.params.token);
    try {
      const { link, agent } = await readPasswordLink(token);
      const csrf = anonymousFormToken(ctx, deps.config.publicUrl.startsWith('https:'));
      // The page's address holds the token: never cached, never sent on as a referrer.
      ctx.set('Referrer-Policy', 'no-referrer');
      await sendPage(
        ctx,
        h(PasswordPage, { csrf, token, purpose: link.purpose, name: agent.name, email: agent.email }),
        {
          cacheControl: 'no-store',
        },
      );
    } catch (err) {
      if (!isExpired(err)) throw err;
      await sendPage(ctx, h(ExpiredLinkPage, {}), { status: 410, cacheControl: 'no-store' });
    }
  };
}

/** POST: sets the password, signs the agent in, on to the console. */
export function usePasswordLinkRoute(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const token = String(ctx.params.token);
    const body = formBody(ctx);
    const password = typeof body.password === 'string' ? body.password : '';
    const confirmation = typeof body.confirmation === 'string' ? body.confirmation : '';
    const secure = deps.config.publicUrl.startsWith('https:');
    const again = async (errors: Record<string, string>) => {
      const { link, agent } = await readPasswordLink(token);
      ctx.set('Referrer-Policy', 'no-referrer');
      const csrf = anonymousFormToken(ctx, secure);
      const props = { csrf, token, purpose: link.purpose, name: agent.name, email: agent.email, errors };
      await sendPage(ctx, h(PasswordPage, props), { status: 400, cacheControl: 'no-store' });
    };
    try {
      if (!password) return await again({ password: 'Saisissez un mot de passe' });
      if (password !== confirmation)
        return await again({ confirmation: 'Les deux mots de passe ne sont pas identiques' });
      const agent = await usePasswordLink(token, password);
      const { token: sessionToken, session } = await openSession(agent._id, 'link');
      setSessionCookie(ctx, sessionToken, secure);
      await setFlash(session._id, {
        kind: 'success',
        message: 'Votre mot de passe est enregistré : vous êtes connecté.',
      });
      ctx.status = 303;
      ctx.redirect('/console');
    } catch (err) {
      const fields = invalidFields(err);
      if (fields) return again(errorMap(fields));
      if (!isExpired(err)) throw err;
      await sendPage(ctx, h(ExpiredLinkPage, {}), { status: 410, cacheControl: 'no-store' });
    }
  };
}
