/**
 * The agents' console: server-rendered French pages at /console, behind accounts and
 * sessions (hub/accounts), calling the hub's services in-process. The app mounts
 * `parseConsoleForms()` and `renderConsoleErrors(deps)` before the routers, then
 * `consoleRoutes(deps)`. Extension points (À traiter rows, navigation entries, screens):
 * console/README.md.
 */
import { bodyParser } from '@koa/bodyparser';
import type { Context, Middleware, Next } from 'koa';
import { RouteGroup } from '../hub/http/index.js';
import type { ConsoleDeps } from './deps.js';
import { prefetchChrome } from './chrome.js';
import { checkForms } from './http/csrf.js';
import { addAction, addPage } from './http/routes.js';
import { requireAgent } from './http/viewer.js';
import { serveScript } from './routes/assets.js';
import { serveHome } from './routes/home.js';
import { showPasswordLink, usePasswordLinkRoute } from './routes/password-link.js';
import { postReviewComment, REVIEW_PATH, showReview } from './routes/review.js';
import { finishOidc, showSignIn, signIn, signOut, startOidc } from './routes/sign-in.js';
import { countsChanged } from './registry/held-counts.js';
import { addScreens } from './screens.js';

export type { ConsoleDeps } from './deps.js';
export { countsChanged } from './registry/held-counts.js';
export { renderConsoleErrors } from './http/errors.js';

/** Console forms are URL-encoded; parsed before the hub's JSON body parser, under /console only. */
export function parseConsoleForms(): Middleware {
  const parse = bodyParser({ enableTypes: ['form'], formLimit: '256kb', encoding: 'utf-8' });
  return async function consoleForms(ctx: Context, next: Next): Promise<void> {
    if (!ctx.path.startsWith('/console/')) return next();
    return parse(ctx, next);
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Read-your-writes for the navigation's counters held in memory: every unsafe request of
 * this process — a console form, the admin API, a citizen's comment — drops them as it
 * ends, before its response leaves (registry/held-counts.ts). Mounted by the app for every path.
 */
export function refreshCountsAfterWrites(): Middleware {
  return async function countsAfterWrites(ctx: Context, next: Next): Promise<void> {
    if (SAFE_METHODS.has(ctx.method)) return next();
    try {
      await next();
    } finally {
      countsChanged();
    }
  };
}

/** Every console page and action. */
export function consoleRoutes(deps: ConsoleDeps): RouteGroup {
  const group = new RouteGroup();
  const guard = requireAgent();
  const prefetch = prefetchChrome(deps);
  // The agent, then the navigation's counters started beside the page's own reads.
  const agent: Middleware = (ctx, next) => guard(ctx, () => prefetch(ctx, next));
  group.router.use(checkForms(deps.config.publicUrl));
  group.add(
    {
      method: 'get',
      path: '/console/assets/console.:hash.js',
      tag: 'console',
      summary: 'Le script de la console (copie, aperçu en direct), nommé par son empreinte',
      responses: { 200: { description: 'JavaScript', contentType: 'application/javascript' } },
    },
    serveScript,
  );
  addPage(
    group,
    '/console/connexion',
    'Connexion à la console',
    { retour: { description: 'Page après connexion' } },
    showSignIn(deps),
  );
  addAction(group, '/console/connexion', 'Se connecter (e-mail et mot de passe)', signIn(deps));
  addPage(group, '/console/connexion/oidc', "Connexion par le fournisseur d'identité", undefined, startOidc(deps));
  addPage(group, '/console/connexion/oidc/retour', "Retour du fournisseur d'identité", undefined, finishOidc(deps));
  addPage(
    group,
    '/console/mot-de-passe/:token',
    'Choisir un mot de passe (lien à usage unique)',
    undefined,
    showPasswordLink(deps),
  );
  addAction(group, '/console/mot-de-passe/:token', 'Enregistrer le mot de passe', usePasswordLinkRoute(deps));
  addPage(group, REVIEW_PATH, 'Relire un atelier par un lien de relecteur extérieur', undefined, showReview(deps));
  addAction(group, REVIEW_PATH, 'Commenter une section en relecteur extérieur, ou répondre', postReviewComment(deps));
  addAction(group, '/console/deconnexion', 'Se déconnecter', agent, signOut(deps, false));
  addAction(group, '/console/deconnexion-partout', 'Se déconnecter de toutes les sessions', agent, signOut(deps, true));
  addPage(group, '/console', 'À traiter : ce qui attend l’agent', undefined, agent, serveHome(deps));
  addScreens(group, deps, agent);
  return group;
}
