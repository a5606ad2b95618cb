/**
 * What admins do to API tokens, for the admin API and the console alike: platform admins
 * manage every token, partner admins their partner's (never a platform-admin token).
 */
import type { TokenInput } from '../../schemas/index.js';
import type { AuditSnapshot } from '../audit/index.js';
import { Forbidden, InvalidInput, NotFound } from '../domain-errors.js';
import { hasPartnerAccess } from './guard.js';
import { createToken, deleteToken, findToken, listTokens, type Principal, type TokenView } from './tokens.js';

async function checkTokenInput(
  principal: Principal,
  input: TokenInput,
  partnerExists: (id: string) => Promise<boolean>,
): Promise<void> {
  if (input.role === 'platform-admin') {
    if (principal.role !== 'platform-admin')
      throw new Forbidden('seul un administrateur de la plateforme crée ce rôle');
    if (input.partnerId)
      throw new InvalidInput([{ field: 'partnerId', message: "ne s'applique pas au rôle platform-admin" }]);
    return;
  }
  if (!input.partnerId) throw new InvalidInput([{ field: 'partnerId', message: `requis pour le rôle ${input.role}` }]);
  if (!hasPartnerAccess(principal, input.partnerId, ['partner-admin']))
    throw new Forbidden(`ce jeton ne donne pas accès au partenaire ${input.partnerId}`);
  if (!(await partnerExists(input.partnerId)))
    throw new InvalidInput([{ field: 'partnerId', message: 'partenaire inconnu' }]);
}

/** Creates a token `principal` may create; the secret is returned this once. */
export async function issueToken(
  principal: Principal,
  input: TokenInput,
  partnerExists: (id: string) => Promise<boolean>,
): Promise<{ token: string; view: TokenView }> {
  await checkTokenInput(principal, input, partnerExists);
  return createToken(input, principal.tokenId);
}

/** The tokens `principal` may see: all for platform admins, else the partner's. */
export function listVisibleTokens(principal: Principal, partnerId?: string): Promise<TokenView[]> {
  if (principal.role !== 'platform-admin') return listTokens(principal.partnerId);
  return listTokens(partnerId);
}

/** Revokes a token `principal` manages. */
export async function revokeToken(principal: Principal, id: string): Promise<TokenView> {
  const token = await findToken(id);
  if (!token) throw new NotFound(`le jeton ${id}`);
  if (principal.role !== 'platform-admin' && token.partnerId !== principal.partnerId)
    throw new Forbidden('action non autorisée pour ce jeton');
  await deleteToken(id);
  return token;
}

/** What the journal shows of a token (never its secret). */
export async function snapshotToken(id: string): Promise<AuditSnapshot | undefined> {
  const token = await findToken(id);
  if (!token) return undefined;
  return {
    label: token.name,
    ...(token.partnerId ? { partnerId: token.partnerId } : {}),
    fields: { name: token.name, role: token.role, partnerId: token.partnerId },
  };
}
