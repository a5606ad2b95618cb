/** Values sealed at rest: AES-GCM under CREDENTIALS_KEY or the database's key, bound to a context. */
import mongoose from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openText, sealText, SealedValueError, useCredentialsKey } from '../../../hub/secrets/index.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';

const KEY_A = 'a'.repeat(40);
const KEY_B = 'b'.repeat(40);

beforeAll(() => connectTestDatabase('sealedbox'));
afterAll(dropTestDatabase);
afterEach(() => useCredentialsKey(undefined));

describe('the sealed box', () => {
  it('seals under CREDENTIALS_KEY: the text is not in the sealed value, and opens for its context only', async () => {
    useCredentialsKey(KEY_A);
    const sealed = await sealText('{"password":"S3CRET"}', 'source-credentials:https://a.nc');
    expect(sealed).toMatch(/^v1\.[\w-]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(Buffer.from(sealed.split('.')[4]!, 'base64url').toString('latin1')).not.toContain('S3CRET');
    expect(await openText(sealed, 'source-credentials:https://a.nc')).toBe('{"password":"S3CRET"}');
    await expect(openText(sealed, 'source-credentials:https://evil.nc')).rejects.toBeInstanceOf(SealedValueError);
    const altered = sealed.slice(0, -3) + (sealed.endsWith('AAA') ? 'BBB' : 'AAA');
    await expect(openText(altered, 'source-credentials:https://a.nc')).rejects.toBeInstanceOf(SealedValueError);
  });

  it('cannot open what another key sealed', async () => {
    useCredentialsKey(KEY_A);
    const sealed = await sealText('x', 'c');
    useCredentialsKey(KEY_B);
    await expect(openText(sealed, 'c')).rejects.toThrow(/CREDENTIALS_KEY changed/);
  });

  it('uses a random key kept in the database without CREDENTIALS_KEY, still readable once a key is set', async () => {
    const sealed = await sealText('hors configuration', 'c');
    const stored = await mongoose.connection
      .db!.collection('interaction_secrets')
      .findOne({ _id: 'credentials-key' as never });
    expect(stored?.value).toMatch(/^[\w-]{43}$/);
    useCredentialsKey(KEY_A);
    expect(await openText(sealed, 'c')).toBe('hors configuration');
    expect((await sealText('y', 'c')).split('.')[1]).not.toBe(sealed.split('.')[1]);
  });
});
