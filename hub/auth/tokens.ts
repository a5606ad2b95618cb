/**
 * Bearer tokens: `pst_<id>_<secret>`. The id finds the record; the secret is compared by
 * its sha256 in constant time. ADMIN_TOKEN from the environment is a platform admin.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role, TokenInput } from '../../schemas/index.js';
import { TokenModel, type TokenDoc } from './token-model.js';

/** Who is calling an admin route: a bearer token, or an agent signed in to the console. */
export interface Principal {
  /** Absent means token (principals made before agents existed). */
  kind?: 'token' | 'agent';
  /** The credential logs keep: the token's id, or `agent:<id>` for a console session. */
  tokenId: string;
  /** Set for an agent's session. */
  agentId?: string;
  name: string;
  role: Role;
  partnerId?: string;
}

/** A token as the API shows it: never its secret or hash. */
export interface TokenView {
  id: string;
  name: string;
  role: Role;
  partnerId?: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt?: string;
}

const FORMAT = /^pst_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function sameSecret(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Resolves a presented bearer token to its principal, or undefined. */
export async function resolveToken(
  presented: string,
  envAdminToken: string | undefined,
): Promise<Principal | undefined> {
  if (envAdminToken && sameSecret(sha256(presented), sha256(envAdminToken))) {
    return { kind: 'token', tokenId: 'env', name: 'ADMIN_TOKEN', role: 'platform-admin' };
  }
  const match = FORMAT.exec(presented);
  if (!match) return undefined;
  const [, id, secret] = match as unknown as [string, string, string];
  const doc = await TokenModel.findById(id).lean<TokenDoc>();
  if (!doc || !sameSecret(sha256(secret), Buffer.from(doc.secretHash, 'hex'))) return undefined;
  // Best effort, at most once a minute: usage tracking must not slow every request down.
  if (!doc.lastUsedAt || Date.now() - doc.lastUsedAt.getTime() > 60_000) {
    void TokenModel.updateOne({ _id: id }, { $set: { lastUsedAt: new Date() } }).catch(() => undefined);
  }
  return {
    kind: 'token',
    tokenId: doc._id,
    name: doc.name,
    role: doc.role,
    ...(doc.partnerId ? { partnerId: doc.partnerId } : {}),
  };
}

/** Creates a token; returns its view and the secret, shown this once. */
export async function createToken(
  input: TokenInput,
  createdBy: string,
  bootstrap = false,
): Promise<{ token: string; view: TokenView }> {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const doc = await TokenModel.create({
    _id: id,
    name: input.name,
    role: input.role,
    ...(input.partnerId ? { partnerId: input.partnerId } : {}),
    secretHash: sha256(secret).toString('hex'),
    createdBy,
    createdAt: new Date(),
    ...(bootstrap ? { bootstrap } : {}),
  });
  return { token: `pst_${id}_${secret}`, view: toTokenView(doc.toObject()) };
}

/** Lists tokens, optionally those of one partner. */
export async function listTokens(partnerId?: string): Promise<TokenView[]> {
  const docs = await TokenModel.find(partnerId ? { partnerId } : {})
    .sort({ createdAt: 1 })
    .lean<TokenDoc[]>();
  return docs.map(toTokenView);
}

/** Whether a partner still has tokens (0 or 1: enough to refuse its deletion). */
export async function countPartnerTokens(partnerId: string): Promise<number> {
  return TokenModel.countDocuments({ partnerId }, { limit: 1 });
}

/** Finds one token's view. */
export async function findToken(id: string): Promise<TokenView | undefined> {
  const doc = await TokenModel.findById(id).lean<TokenDoc>();
  return doc ? toTokenView(doc) : undefined;
}

/** Deletes a token; true when it existed. */
export async function deleteToken(id: string): Promise<boolean> {
  const { deletedCount } = await TokenModel.deleteOne({ _id: id });
  return deletedCount === 1;
}

/**
 * When ADMIN_TOKEN is unset and no platform admin token exists yet, makes one and returns
 * its secret so that main can print it once.
 */
export async function ensureBootstrapToken(envAdminToken: string | undefined): Promise<string | undefined> {
  if (envAdminToken) return undefined;
  if (await TokenModel.exists({ role: 'platform-admin' })) return undefined;
  const { token } = await createToken({ name: 'Administrateur initial', role: 'platform-admin' }, 'bootstrap', true);
  return token;
}

function toTokenView(doc: TokenDoc): TokenView {
  return {
    id: doc._id,
    name: doc.name,
    role: doc.role,
    ...(doc.partnerId ? { partnerId: doc.partnerId } : {}),
    createdBy: doc.createdBy,
    createdAt: doc.createdAt.toISOString(),
    ...(doc.lastUsedAt ? { lastUsedAt: doc.lastUsedAt.toISOString() } : {}),
  };
}
