/**
 * Signing in and out: the sign-in form (POST → a new session, its cookie, back to the page
 * asked), the identity provider's round trip, sign out, and sign out everywhere.
 */
import type { Context } from 'koa';
import { h } from 'preact';
import {
  clearSessionCookie,
  closeAgentSessions,
  closeSession,
  openSession,
  readSignedIn,
  setSessionCookie,
  SIGN_IN_REFUSED,
  SignInRefused,
  signInWithPassword,
  type AgentDoc,
  type SessionDoc,
} from '../../hub/accounts/index.js';
import { DomainError } from '../../hub/domain-errors.js';
import { getClientAddress } from '../../hub/http/index.js';
import { sendPage } from '../../hub/ui/index.js';
import type { ConsoleDeps } from '../deps.js';
import { anonymousFormToken } from '../http/csrf.js';
import { field, formBody, queryParam } from '../http/forms.js';
import { getViewer, safeReturnPath } from '../http/viewer.js';
import { SignInPage, type SignInPageProps } from '../pages/sign-in-page.js';

const OIDC_COOKIE = 'passerelle_oidc';
const OIDC_PATH = '/console/connexion/oidc';

const secureOf = (deps: ConsoleDeps) => deps.config.publicUrl.startsWith('https:');

const SIGNED_OUT: Record<string, SignInPageProps['notice']> = {
  '1': { kind: 'success', title: 'Vous êtes déconnecté.' },
  partout: {
    kind: 'success',
    title: 'Vous êtes déconnecté partout.',
    text: 'Toutes vos sessions, sur tous vos appareils, sont fermées.',
  },
  expiree: { kind: 'info', title: 'Votre session a expiré : reconnectez-vous.' },
};

function renderSignIn(ctx: Context, deps: ConsoleDeps, props: Partial<SignInPageProps>, status = 200) {
  return sendPage(
    ctx,
    h(SignInPage, {
      csrf: anonymousFormToken(ctx, secureOf(deps)),
      retour: safeReturnPath(props.retour),
      ...(deps.oidc ? { oidcLabel: deps.config.oidcLabel } : {}),
      ...props,
    }),
    { status, cacheControl: 'no-store' },
  );
}

/** Opens a new session for the agent (the old one, if any, ends: a new id at every sign-in). */
async function startSession(ctx: Context, deps: ConsoleDeps, agent: AgentDoc, via: SessionDoc['via']): Promise<void> {
  const previous = await readSignedIn(ctx);
  if (previous) await closeSession(previous.session._id);
  const { token } = await openSession(agent._id, via);
  setSessionCookie(ctx, token, secureOf(deps));
}

/** GET /console/connexion */
export function showSignIn(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const retour = safeReturnPath(queryParam(ctx, 'retour'));
    if (await readSignedIn(ctx)) return ctx.redirect(retour);
    const notice = SIGNED_OUT[queryParam(ctx, 'sortie')];
    await renderSignIn(ctx, deps, { retour, ...(notice ? { notice } : {}) });
  };
}

/** POST /console/connexion */
export function signIn(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const body = formBody(ctx);
    const email = field(body, 'email');
    const password = typeof body.password === 'string' ? body.password : '';
    const retour = safeReturnPath(field(body, 'retour'));
    const errors: Record<string, string> = {};
    if (!email) errors.email = 'Saisissez votre adresse e-mail';
    if (!password) errors.password = 'Saisissez votre mot de passe';
    if (Object.keys(errors).length) return renderSignIn(ctx, deps, { retour, email, errors }, 400);
    let agent: AgentDoc;
    try {
      agent = await signInWithPassword(email, password, getClientAddress(ctx, deps.config.trustedProxies));
    } catch (err) {
      if (!(err instanceof SignInRefused)) throw err;
      ctx.log.info({ email }, 'console: sign-in refused');
      return renderSignIn(ctx, deps, { retour, email, errors: { form: SIGN_IN_REFUSED } }, 400);
    }
    await startSession(ctx, deps, agent, 'password');
    ctx.status = 303;
    ctx.redirect(retour);
  };
}

/** GET /console/connexion/oidc: to the identity provider. */
export function startOidc(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    if (!deps.oidc) return renderSignIn(ctx, deps, {}, 404);
    const { url, state } = await deps.oidc.start();
    const secure = secureOf(deps);
    if (secure) (ctx.cookies as unknown as { secure: boolean }).secure = true;
    ctx.cookies.set(OIDC_COOKIE, `${state}.${safeReturnPath(queryParam(ctx, 'retour'))}`, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: OIDC_PATH,
      maxAge: 10 * 60_000,
      overwrite: true,
    });
    ctx.status = 303;
    ctx.redirect(url);
  };
}

/** GET /console/connexion/oidc/retour: back from the provider. */
export function finishOidc(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    if (!deps.oidc) return renderSignIn(ctx, deps, {}, 404);
    const [state, retour] = (ctx.cookies.get(OIDC_COOKIE) ?? '').split(/\.(.*)/s);
    ctx.cookies.set(OIDC_COOKIE, '', { path: OIDC_PATH, maxAge: 0, overwrite: true });
    let agent: AgentDoc;
    try {
      agent = await deps.oidc.finish(new URL(ctx.originalUrl, deps.config.publicUrl), state);
    } catch (err) {
      ctx.log.warn({ err }, 'console: identity provider sign-in refused');
      const text =
        err instanceof DomainError ? err.detail : "Le fournisseur d'identité n'a pas confirmé votre connexion.";
      return renderSignIn(ctx, deps, { notice: { kind: 'alert', title: 'Connexion refusée', text } }, 403);
    }
    await startSession(ctx, deps, agent, 'oidc');
    ctx.status = 303;
    ctx.redirect(safeReturnPath(retour));
  };
}

/** POST /console/deconnexion (and …-partout: every session of the agent). */
export function signOut(deps: ConsoleDeps, everywhere: boolean) {
  return async (ctx: Context) => {
    const { session, agent } = getViewer(ctx);
    if (everywhere) await closeAgentSessions(agent._id);
    else await closeSession(session._id);
    clearSessionCookie(ctx, secureOf(deps));
    ctx.status = 303;
    ctx.redirect(`/console/connexion?sortie=${everywhere ? 'partout' : '1'}`);
  };
}
