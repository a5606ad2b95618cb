/**
 * Client addresses are never stored: only HMAC-SHA256(address) under a salt that changes
 * every UTC day. Each day's salt is random, kept in the database (so every hub process
 * hashes alike) and deleted two days later; from then on nobody — not even us — can tell
 * which address a stored hash came from (the 2^32 IPv4 addresses are too few to hide
 * behind a hash whose key is known). IP_HASH_SECRET, when set, is mixed into the key too.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { Schema, model } from 'mongoose';
import { isDuplicateKey } from '../../db/index.js';

interface SaltDoc {
  /** UTC day, YYYY-MM-DD. */
  _id: string;
  salt: string;
  createdAt: Date;
}

const schema = new Schema<SaltDoc>(
  { _id: String, salt: { type: String, required: true }, createdAt: { type: Date, required: true } },
  { versionKey: false },
);
schema.index({ createdAt: 1 });

export const IpSaltModel = model<SaltDoc>('IpSalt', schema, 'ip_salts');

/** Salts are forgotten after this many days. */
export const SALT_RETENTION_DAYS = 2;

const cache = new Map<string, Promise<string>>();

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

async function loadOrCreateSalt(day: string, at: Date): Promise<string> {
  const existing = await IpSaltModel.findById(day).lean<SaltDoc>();
  if (existing) return existing.salt;
  try {
    await IpSaltModel.create({ _id: day, salt: randomBytes(32).toString('base64url'), createdAt: at });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const stored = await IpSaltModel.findById(day).lean<SaltDoc>();
  if (!stored) throw new Error(`interaction: IP salt of ${day} could not be stored`);
  return stored.salt;
}

function saltOf(at: Date): Promise<string> {
  const day = utcDay(at);
  let salt = cache.get(day);
  if (!salt) {
    if (cache.size > 3) cache.clear();
    salt = loadOrCreateSalt(day, at);
    salt.catch(() => cache.delete(day));
    cache.set(day, salt);
  }
  return salt;
}

/** The day's hash of a client address (hex, 64 characters). */
export async function hashAddress(address: string, at: Date, secret: string | undefined): Promise<string> {
  const salt = await saltOf(at);
  return createHmac('sha256', `${salt}${secret ?? ''}`)
    .update(address)
    .digest('hex');
}

/** Deletes the salts older than SALT_RETENTION_DAYS; returns how many. */
export async function purgeOldSalts(at: Date): Promise<number> {
  const limit = new Date(at.getTime() - SALT_RETENTION_DAYS * 86_400_000);
  const { deletedCount } = await IpSaltModel.deleteMany({ createdAt: { $lt: limit } });
  cache.clear();
  return deletedCount;
}
