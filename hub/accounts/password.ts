/**
 * Passwords: scrypt from node:crypto (memory-hard), parameters stored with each hash so
 * that they can be raised later, compared in constant time.
 * Stored form: scrypt$<log2 N>$<r>$<p>$<salt>$<hash> (base64url).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { FieldError } from '../../schemas/index.js';

/** 2^16 × 128 × 8 bytes = 64 MiB per hash, about 0.1–0.2 s on the project's machines. */
const LOG_N = 16;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** The stored form of a password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, LOG_N, R, P);
  return ['scrypt', LOG_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `stored`; false for a malformed stored value. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(logN), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of nothing anybody knows: an unknown account costs the same time as a known one. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'));
  return decoy;
}

/** What is wrong with a new password, in French, or []. */
export function checkPasswordPolicy(password: string, field = 'password', email?: string): FieldError[] {
  if (password.length < PASSWORD_MIN_LENGTH)
    return [{ field, message: `le mot de passe doit faire au moins ${PASSWORD_MIN_LENGTH} caractères` }];
  if (password.length > PASSWORD_MAX_LENGTH)
    return [{ field, message: `le mot de passe doit faire au plus ${PASSWORD_MAX_LENGTH} caractères` }];
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase())
    return [{ field, message: 'le mot de passe ne peut pas être votre adresse e-mail' }];
  if (new Set(password).size < 4) return [{ field, message: 'le mot de passe est trop répétitif' }];
  return [];
}
