/**
 * A real OpenID provider (oidc-provider) on loopback for the console's sign-in tests. Its
 * login step signs in whoever the test names (`loginAs`), consent is granted at once: the
 * tests are about Passerelle's side of the flow, not the provider's screens.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const OIDC_CLIENT_ID = 'passerelle-console';
export const OIDC_CLIENT_SECRET = 'un-secret-de-test-assez-long-pour-hs256';

export interface TestOidcProvider {
  issuer: string;
  /** Who signs in at the provider next, and whether it says the address is verified. */
  loginAs(email: string, options?: { verified?: boolean }): void;
  close(): Promise<void>;
}

/** Starts the provider; `redirectUri` is the hub's PUBLIC_URL + /console/connexion/oidc/retour. */
export async function startTestOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let login = { email: '', verified: true };
  const provider = new Provider(issuer, {
    clients: [{ client_id: OIDC_CLIENT_ID, client_secret: OIDC_CLIENT_SECRET, redirect_uris: [redirectUri] }],
    claims: { email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, email: login.email, email_verified: login.verified }),
    }),
    // Consent granted at once for the scopes asked.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: false } },
  });
  // The login step: whoever the test named, at once.
  provider.use(async (ctx, next) => {
    if (!ctx.path.startsWith('/interaction/')) return next();
    const to = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: login.email } });
    ctx.status = 303;
    ctx.redirect(to);
  });
  handler = provider.callback();
  return {
    issuer,
    loginAs(email, { verified = true } = {}) {
      login = { email, verified };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows the browser's redirects at the provider (its own cookie jar) from the authorize
 * address until the provider sends the browser back to `returnPrefix`; returns that address.
 */
export async function passThroughProvider(authorizeUrl: string, returnPrefix: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizeUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(returnPrefix)) return new URL(url);
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider answered ${res.status} at ${url}: ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('provider: too many redirects');
}
