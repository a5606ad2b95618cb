/**
 * Sign-in through the government's identity provider (OpenID Connect, authorization code
 * with PKCE, state and nonce, by openid-client). An account is matched by e-mail and must
 * exist first: the provider proves who the person is, Passerelle decides what they may do.
 */
import * as client from 'openid-client';
import { Forbidden } from '../domain-errors.js';
import type { AgentDoc } from './agent-model.js';
import { findAgentByEmail, recordSignIn } from './agents.js';
import { OidcFlowModel, type OidcFlowDoc } from './sign-in-model.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** Where the provider sends the agent back: PUBLIC_URL + /console/connexion/oidc/retour. */
  redirectUri: string;
}

/** How long an agent may take at the provider. */
const FLOW_TTL_MS = 10 * 60_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export const OIDC_REFUSED =
  "Connexion refusée : votre compte auprès du fournisseur d'identité n'a pas de compte Passerelle actif à la même adresse e-mail. Demandez à l'administrateur de votre partenaire de vous inviter.";

export interface OidcSignIn {
  /** Starts a sign-in: the provider's address to send the agent to, and the state to keep in a cookie. */
  start(now?: Date): Promise<{ url: string; state: string }>;
  /** Finishes it from the callback's full URL and the state kept in the cookie; the agent, or Forbidden. */
  finish(callbackUrl: URL, cookieState: string | undefined, now?: Date): Promise<AgentDoc>;
}

/** The provider's configuration is discovered on first use, and again after a failure. */
export function createOidcSignIn(settings: OidcSettings): OidcSignIn {
  let configuration: Promise<client.Configuration> | undefined;
  const discover = () => {
    const issuer = new URL(settings.issuer);
    // Plain http only for a provider on this machine (tests, a local provider).
    const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
    configuration ??= client
      .discovery(
        issuer,
        settings.clientId,
        settings.clientSecret,
        undefined,
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        configuration = undefined;
        throw err;
      });
    return configuration;
  };
  return {
    async start(now = new Date()) {
      const config = await discover();
      const verifier = client.randomPKCECodeVerifier();
      const flow: OidcFlowDoc = {
        _id: client.randomState(),
        nonce: client.randomNonce(),
        verifier,
        createdAt: now,
        expiresAt: new Date(now.getTime() + FLOW_TTL_MS),
      };
      await OidcFlowModel.create(flow);
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: flow._id,
        nonce: flow.nonce,
      });
      return { url: url.href, state: flow._id };
    },
    async finish(callbackUrl, cookieState, now = new Date()) {
      const state = callbackUrl.searchParams.get('state');
      // The browser that comes back must be the one that left (its cookie holds the state).
      if (!state || state !== cookieState) throw new Forbidden(OIDC_REFUSED, 'oidc_refused');
      const flow = await OidcFlowModel.findOneAndDelete({ _id: state }).lean<OidcFlowDoc>();
      if (!flow || flow.expiresAt <= now) throw new Forbidden(OIDC_REFUSED, 'oidc_refused');
      const tokens = await client.authorizationCodeGrant(await discover(), callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow._id,
        expectedNonce: flow.nonce,
      });
      const claims = tokens.claims();
      const email = typeof claims?.email === 'string' ? claims.email : undefined;
      if (!email || claims?.email_verified === false) throw new Forbidden(OIDC_REFUSED, 'oidc_refused');
      const agent = await findAgentByEmail(email);
      if (!agent || !agent.active) throw new Forbidden(OIDC_REFUSED, 'oidc_refused');
      await recordSignIn(agent._id, now);
      return agent;
    },
  };
}

/** Flows abandoned at the provider. */
export async function purgeOidcFlows(now = new Date()): Promise<number> {
  const { deletedCount } = await OidcFlowModel.deleteMany({ expiresAt: { $lt: now } });
  return deletedCount;
}
