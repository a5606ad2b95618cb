/** What the API shows of a wish: public (no visitor, address or agent token) and admin. */
import { getCommuneName } from '../../search/index.js';
import type { PartnerRef } from '../deps.js';
import type { WishDoc, WishSigner, WishStep } from './wish-model.js';

type Names = ReadonlyMap<string, PartnerRef>;

export interface PublicWishStep {
  at: string;
  from: string | null;
  status: string;
  /** « Un citoyen », the partner's name, or « Passerelle » for the platform's agents. */
  signedBy: string;
  partnerId?: string;
  answer?: string;
  partnerIds?: string[];
  duplicateOf?: string;
  itemId?: string;
}

export interface PublicWish {
  id: string;
  title: string;
  body: string;
  status: string;
  supports: number;
  supported?: boolean;
  commune?: string;
  communeName?: string;
  audience?: string;
  topic?: string;
  partners: PartnerRef[];
  answer?: string;
  duplicateOf?: string;
  itemId?: string;
  createdAt: string;
  updatedAt: string;
  answeredAt?: string;
  history: PublicWishStep[];
}

function partnerOf(id: string, names: Names): PartnerRef {
  return { id, name: names.get(id)?.name ?? id };
}

/** Who signed, as the public reads it: a partner's name, never an agent's token. */
export function describeSigner(by: WishSigner, names: Names): string {
  if (by.kind === 'citizen') return 'Un citoyen';
  if (by.partnerId) return partnerOf(by.partnerId, names).name;
  return by.kind === 'system' ? 'Passerelle' : 'Passerelle (équipe de la plateforme)';
}

function toPublicStep(step: WishStep, names: Names): PublicWishStep {
  return {
    at: step.at.toISOString(),
    from: step.from ?? null,
    status: step.status,
    signedBy: describeSigner(step.by, names),
    ...(step.by.partnerId ? { partnerId: step.by.partnerId } : {}),
    ...(step.answer ? { answer: step.answer } : {}),
    ...(step.partnerIds?.length ? { partnerIds: step.partnerIds } : {}),
    ...(step.duplicateOf ? { duplicateOf: step.duplicateOf } : {}),
    ...(step.itemId ? { itemId: step.itemId } : {}),
  };
}

/** The public shape; `supported` when the visitor is known. */
export function toPublicWish(doc: WishDoc, names: Names, supported?: boolean): PublicWish {
  const communeName = doc.commune ? getCommuneName(doc.commune) : undefined;
  return {
    id: doc._id,
    title: doc.title,
    body: doc.body,
    status: doc.status,
    supports: doc.supports,
    ...(supported !== undefined ? { supported } : {}),
    ...(doc.commune ? { commune: doc.commune, ...(communeName ? { communeName } : {}) } : {}),
    ...(doc.audience ? { audience: doc.audience } : {}),
    ...(doc.topic ? { topic: doc.topic } : {}),
    partners: doc.partnerIds.map((id) => partnerOf(id, names)),
    ...(doc.answer ? { answer: doc.answer } : {}),
    ...(doc.duplicateOf ? { duplicateOf: doc.duplicateOf } : {}),
    ...(doc.itemId ? { itemId: doc.itemId } : {}),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    ...(doc.answeredAt ? { answeredAt: doc.answeredAt.toISOString() } : {}),
    history: doc.history.map((s) => toPublicStep(s, names)),
  };
}

export interface AdminWish extends PublicWish {
  moderation: string;
  hiddenReason?: string;
  origin: { kind: string; network?: string; postUrl?: string };
  campaign?: string;
  /** Each step with the agent who signed it (token or account id and name). */
  signatures: { at: string; by: WishSigner }[];
  moderationLog: { at: string; action: string; from: string; to: string; reason?: string; by: WishSigner }[];
}

/** What agents see: the public shape plus moderation, origin, campaign and signatures. */
export function toAdminWish(doc: WishDoc, names: Names): AdminWish {
  return {
    ...toPublicWish(doc, names),
    moderation: doc.moderation,
    ...(doc.hiddenReason ? { hiddenReason: doc.hiddenReason } : {}),
    origin: doc.origin,
    ...(doc.campaign ? { campaign: doc.campaign } : {}),
    signatures: doc.history.map((s) => ({ at: s.at.toISOString(), by: s.by })),
    moderationLog: doc.moderationLog.map((m) => ({ ...m, at: m.at.toISOString() })),
  };
}
