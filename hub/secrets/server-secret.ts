/**
 * Random secrets kept in the database, so that every hub process (and a restarted one)
 * signs and checks form tokens, image addresses, sealed credentials and sign-in address
 * hashes alike without any configuration. Created once by whichever process asks first:
 * the unique _id settles a race. (The collection keeps the name it had when only form tokens used it.)
 */
import { randomBytes } from 'node:crypto';
import { Schema, model } from 'mongoose';
import { isDuplicateKey } from '../db/index.js';

interface SecretDoc {
  _id: string;
  value: string;
  createdAt: Date;
}

const schema = new Schema<SecretDoc>(
  { _id: String, value: { type: String, required: true }, createdAt: { type: Date, required: true } },
  { versionKey: false },
);

const ServerSecretModel = model<SecretDoc>('InteractionSecret', schema, 'interaction_secrets');

const cache = new Map<string, Promise<string>>();

async function loadOrCreate(name: string): Promise<string> {
  const existing = await ServerSecretModel.findById(name).lean<SecretDoc>();
  if (existing) return existing.value;
  try {
    await ServerSecretModel.create({ _id: name, value: randomBytes(32).toString('base64url'), createdAt: new Date() });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const stored = await ServerSecretModel.findById(name).lean<SecretDoc>();
  if (!stored) throw new Error(`interaction: secret ${name} could not be stored`);
  return stored.value;
}

/** The named secret (created on first use), cached for the life of the process. */
export function getServerSecret(name: string): Promise<string> {
  let secret = cache.get(name);
  if (!secret) {
    secret = loadOrCreate(name);
    secret.catch(() => cache.delete(name));
    cache.set(name, secret);
  }
  return secret;
}
