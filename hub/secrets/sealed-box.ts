/**
 * Secrets encrypted at rest: AES-256-GCM under the key of CREDENTIALS_KEY when it is set,
 * else under a random key kept in the database. A sealed value names the key it was sealed
 * with (`v1.<key id>.<iv>.<tag>.<ciphertext>`), so a key given later does not orphan what
 * was sealed before, and is bound to a context (the origin credentials are for): moved to
 * another source or address, it no longer opens.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { getServerSecret } from './server-secret.js';

interface Key {
  id: string;
  key: Buffer;
}

let configured: Key | undefined;

/** Thrown when a sealed value cannot be opened: unknown key, altered, or another context. */
export class SealedValueError extends Error {
  override readonly name = 'SealedValueError';
}

function keyOf(material: Buffer): Key {
  return { id: createHash('sha256').update(material).digest('base64url').slice(0, 8), key: material };
}

/**
 * Uses CREDENTIALS_KEY (any string of 32+ characters; HKDF-SHA256 makes the AES key of it)
 * for new sealed values, or the database's own key when undefined. Called at start.
 */
export function useCredentialsKey(raw: string | undefined): void {
  configured = raw ? keyOf(Buffer.from(hkdfSync('sha256', raw, 'passerelle', 'source-credentials/v1', 32))) : undefined;
}

/** Whether values are sealed with a key from the environment (else: with the database's). */
export function hasConfiguredKey(): boolean {
  return configured !== undefined;
}

async function databaseKey(): Promise<Key> {
  return keyOf(Buffer.from(await getServerSecret('credentials-key'), 'base64url'));
}

async function keyById(id: string): Promise<Key | undefined> {
  if (configured?.id === id) return configured;
  const stored = await databaseKey();
  return stored.id === id ? stored : undefined;
}

/** Seals a text for a context (e.g. the origin credentials are for). */
export async function sealText(text: string, context: string): Promise<string> {
  const { id, key } = configured ?? (await databaseKey());
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [
    'v1',
    id,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

/** Opens a sealed text for the same context; throws SealedValueError otherwise. */
export async function openText(sealed: string, context: string): Promise<string> {
  const [version, id = '', iv = '', tag = '', body = ''] = sealed.split('.');
  if (version !== 'v1') throw new SealedValueError('secrets: unknown sealed format');
  const found = await keyById(id);
  if (!found)
    throw new SealedValueError('secrets: sealed with a key this hub does not have (CREDENTIALS_KEY changed?)');
  try {
    const decipher = createDecipheriv('aes-256-gcm', found.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedValueError('secrets: sealed value altered or sealed for another address');
  }
}
