/** Secrets and data the hub keeps: hashing, sealing, the seed. */
import { boolean, define, optional } from './parse.js';

export const DATA_VARIABLES = [
  define({
    name: 'IP_HASH_SECRET',
    key: 'ipHashSecret',
    default: '',
    doc: 'Extra secret mixed into the keyed hash of IP addresses, on top of the random daily salts kept in the database (optional).',
    parse: optional((raw) => {
      if (raw.length < 16) throw new Error('must be at least 16 characters');
      return raw;
    }),
  }),
  define({
    name: 'CREDENTIALS_KEY',
    key: 'credentialsKey',
    default: '',
    doc: "Key that encrypts sources' credentials at rest (32+ characters, e.g. `openssl rand -base64 32`). Unset: a random key kept in the database (credentials are still never shown, but a copy of the database holds both).",
    parse: optional((raw) => {
      if (raw.length < 32 || /\s/.test(raw)) throw new Error('must be at least 32 characters without spaces');
      return raw;
    }),
  }),
  define({
    name: 'SEED_ON_START',
    key: 'seedOnStart',
    default: 'true',
    doc: 'Load the 45 partners at start when the partners collection is empty.',
    parse: boolean,
  }),
] as const;
