/**
 * The link check's lease, so that of several hubs on one database one checks at a time
 * (records are replaced whole, and FerretDB does not make concurrent updates atomic). As
 * for sources: the state has a `generation`; claiming it is inserting `generation#attempt`,
 * which one process only can do; a crashed holder's claim expires (`until`) and the next
 * claimer inserts attempt + 1. The holder bumps the generation when it is done.
 */
import { randomBytes } from 'node:crypto';
import { Schema, model } from 'mongoose';
import { isDuplicateKey } from '../db/index.js';

interface LinkClaimDoc {
  _id: string;
  generation: number;
  attempt: number;
  owner: string;
  token: string;
  until: Date;
}

/** The last finished run, as the admin API and the daily job read it. */
export interface LastLinkCheck {
  startedAt: Date;
  finishedAt: Date;
  checked: number;
  broken: number;
}

interface LinkCheckStateDoc {
  _id: 'state';
  generation: number;
  last?: LastLinkCheck;
}

const ClaimModel = model<LinkClaimDoc>(
  'LinkCheckClaim',
  new Schema<LinkClaimDoc>(
    {
      _id: String,
      generation: Number,
      attempt: Number,
      owner: String,
      token: String,
      until: Date,
    },
    { versionKey: false },
  ).index({ generation: -1, attempt: -1 }),
  'link_check_claims',
);

const StateModel = model<LinkCheckStateDoc>(
  'LinkCheckState',
  new Schema<LinkCheckStateDoc>({ _id: String, generation: Number, last: Schema.Types.Mixed }, { versionKey: false }),
  'link_check_state',
);

export interface LinkCheckClaim {
  id: string;
  generation: number;
  attempt: number;
  token: string;
}

/** The last finished run, if any. */
export async function readLastCheck(): Promise<LastLinkCheck | undefined> {
  return (await StateModel.findById('state').lean<LinkCheckStateDoc>())?.last;
}

/** Claims the check; undefined when another holder's claim is still valid. */
export async function claimLinkCheck(owner: string, now: Date, leaseMs: number): Promise<LinkCheckClaim | undefined> {
  const generation = (await StateModel.findById('state').lean<LinkCheckStateDoc>())?.generation ?? 0;
  const latest = await ClaimModel.findOne({ generation }).sort({ attempt: -1 }).lean<LinkClaimDoc>();
  if (latest && latest.until > now) return undefined;
  const attempt = latest ? latest.attempt + 1 : 0;
  const claim = { id: `${generation}#${attempt}`, generation, attempt, token: randomBytes(8).toString('hex') };
  try {
    await ClaimModel.create({
      _id: claim.id,
      generation,
      attempt,
      owner,
      token: claim.token,
      until: new Date(now.getTime() + leaseMs),
    });
  } catch (err) {
    if (isDuplicateKey(err)) return undefined;
    throw err;
  }
  return claim;
}

/** Extends the holder's claim while the run goes on. */
export async function renewLinkCheck(claim: LinkCheckClaim, until: Date): Promise<void> {
  await ClaimModel.updateOne({ _id: claim.id, token: claim.token }, { $set: { until } });
}

/**
 * Ends the claim: records the run and moves to the next generation, unless a later
 * attempt took over (this holder was presumed dead). The released claim is kept until the
 * next release so that a process that read the old generation still finds it held.
 */
export async function releaseLinkCheck(claim: LinkCheckClaim, last: LastLinkCheck): Promise<boolean> {
  const overtaken = await ClaimModel.exists({ generation: claim.generation, attempt: { $gt: claim.attempt } });
  if (overtaken) return false;
  await StateModel.replaceOne(
    { _id: 'state' },
    { _id: 'state', generation: claim.generation + 1, last },
    { upsert: true },
  );
  await ClaimModel.deleteMany({ generation: { $lt: claim.generation } });
  return true;
}
