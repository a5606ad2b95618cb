/** New wishes: a citizen's (form token checked by the route) or one an agent enters for a citizen. */
import { createHash, randomBytes } from 'node:crypto';
import type { FieldError, WishAgentInput, WishInput } from '../../../schemas/index.js';
import { isDuplicateKey } from '../../db/index.js';
import { Conflict } from '../../domain-errors.js';
import { countLinks, interactionNow, type ModerationMode } from '../../interaction/index.js';
import { limitVoiceAction } from '../rate-rules.js';
import { checkCommune, cleanEmail, cleanWishText, throwIfAny } from './clean.js';
import { WishFingerprintModel } from './wish-flag-model.js';
import { WishModel, type WishDoc, type WishModeration, type WishSigner } from './wish-model.js';

/** More links than this and a wish waits for a moderator, whatever the mode (as comments). */
const MAX_LINKS_UNMODERATED = 2;

export function newWishId(): string {
  return randomBytes(12).toString('base64url');
}

export interface CitizenWishRequest {
  input: WishInput;
  /** Spends the checked form token, once the wish passed every other check. */
  spendToken: () => Promise<void>;
  visitorHash: string;
  addressHash: string;
  mode: ModerationMode;
}

async function decideModeration(mode: ModerationMode, body: string, visitorHash: string): Promise<WishModeration> {
  if (countLinks(body) > MAX_LINKS_UNMODERATED) return 'pending';
  if (mode === 'post') return 'published';
  if (mode === 'pre') return 'pending';
  const approved = await WishModel.exists({
    visitor: visitorHash,
    moderation: 'published',
    approvedAt: { $exists: true },
  });
  return approved ? 'published' : 'pending';
}

function fingerprint(visitorHash: string, title: string): string {
  const normalized = title.toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${visitorHash}\u0000${normalized}`).digest('hex');
}

function optionalFields(input: Pick<WishInput, 'commune' | 'audience' | 'topic' | 'campaign'>): Partial<WishDoc> {
  return {
    ...(input.commune ? { commune: input.commune } : {}),
    ...(input.audience ? { audience: input.audience } : {}),
    ...(input.topic ? { topic: input.topic } : {}),
    ...(input.campaign ? { campaign: input.campaign } : {}),
  };
}

function firstStep(at: Date, by: WishSigner) {
  return { at, from: null, status: 'nouveau' as const, by };
}

/** Stores a citizen's wish (pending or published); returns it and the follow-up address to confirm. */
export async function createCitizenWish(request: CitizenWishRequest): Promise<{ wish: WishDoc; email?: string }> {
  const { input, visitorHash, addressHash, mode, spendToken } = request;
  const errors: FieldError[] = [];
  const text = cleanWishText(input, errors);
  const email = cleanEmail(input.email, errors);
  checkCommune(input.commune, errors);
  throwIfAny(errors);
  await limitVoiceAction('wish', visitorHash, addressHash);
  await spendToken();
  const id = newWishId();
  try {
    await WishFingerprintModel.create({ _id: fingerprint(visitorHash, text.title), visitor: visitorHash, wishId: id });
  } catch (err) {
    if (isDuplicateKey(err)) throw new Conflict('duplicate_wish', 'vous avez déjà proposé un souhait avec ce titre');
    throw err;
  }
  const at = interactionNow();
  try {
    const wish = await WishModel.create({
      _id: id,
      ...text,
      ...optionalFields(input),
      status: 'nouveau',
      moderation: await decideModeration(mode, text.body, visitorHash),
      origin: { kind: 'citizen' },
      visitor: visitorHash,
      ipHash: addressHash,
      partnerIds: [],
      supports: 0,
      history: [firstStep(at, { kind: 'citizen', name: 'Un citoyen' })],
      moderationLog: [],
      createdAt: at,
      updatedAt: at,
    });
    return { wish: wish.toObject(), ...(email ? { email } : {}) };
  } catch (err) {
    await WishFingerprintModel.deleteOne({ _id: fingerprint(visitorHash, text.title) });
    throw err;
  }
}

/** A wish collected in a social-network comment, entered by an agent: published at once, signed by the agent. */
export function createAgentWish(input: WishAgentInput, agent: WishSigner): Promise<WishDoc> {
  return createPublishedWish(input, agent, { kind: 'agent', network: input.network, postUrl: input.postUrl });
}

/** A wish an agent makes of searches that found nothing (« recherches sans réponse »). */
export function createSearchWish(text: { title: string; body: string }, agent: WishSigner): Promise<WishDoc> {
  return createPublishedWish(text, agent, { kind: 'search' });
}

async function createPublishedWish(
  input: Pick<WishInput, 'title' | 'body' | 'commune' | 'audience' | 'topic' | 'campaign'>,
  agent: WishSigner,
  origin: WishDoc['origin'],
): Promise<WishDoc> {
  const errors: FieldError[] = [];
  const text = cleanWishText(input, errors);
  checkCommune(input.commune, errors);
  throwIfAny(errors);
  const at = interactionNow();
  const wish = await WishModel.create({
    _id: newWishId(),
    ...text,
    ...optionalFields(input),
    status: 'nouveau',
    moderation: 'published',
    approvedAt: at,
    origin,
    partnerIds: [],
    supports: 0,
    history: [firstStep(at, agent)],
    moderationLog: [],
    createdAt: at,
    updatedAt: at,
  });
  return wish.toObject();
}
