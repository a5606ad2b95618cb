/** Migration 002: credentials written in stored source addresses move into sealed credentials. */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../hub/migrations/index.js';
import { openSealedCredentials } from '../../../hub/sources/index.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';

const sources = () => mongoose.connection.db!.collection('sources');
const base = {
  partnerId: 'noumea',
  kind: 'feed',
  schedule: '*/30 * * * *',
  enabled: true,
  state: { consecutiveFailures: 0 },
};

beforeAll(async () => {
  await connectTestDatabase('migcreds');
  const now = new Date();
  await sources().insertMany([
    { _id: 'a' as never, ...base, url: 'https://agent:p%40ss@flux.example.nc/rss', createdAt: now, updatedAt: now },
    { _id: 'b' as never, ...base, url: 'https://api.example.nc/v1?token=T0K&page=1', createdAt: now, updatedAt: now },
    { _id: 'c' as never, ...base, url: 'https://www.example.nc/rss.xml', createdAt: now, updatedAt: now },
    // Cleaned, it would be source c's address: left as it was, and counted.
    { _id: 'd' as never, ...base, url: 'https://u:p@www.example.nc/rss.xml', createdAt: now, updatedAt: now },
  ]);
});
afterAll(dropTestDatabase);

describe('002-source-credentials-apart', () => {
  it('cleans every address, seals what it held, once', async () => {
    const report = await migrateDatabase({ progress: () => undefined });
    const outcome = report.outcomes.find((o) => o.id === '002-source-credentials-apart');
    expect(outcome).toMatchObject({ outcome: 'applied', result: { moved: 2, conflicts: 1 } });
    const [a, b, c, d] = await sources().find({}).sort({ _id: 1 }).toArray();
    expect(a).toMatchObject({ url: 'https://flux.example.nc/rss', credentials: { basic: true } });
    expect(b).toMatchObject({ url: 'https://api.example.nc/v1?page=1', credentials: { query: ['token'] } });
    expect(c).not.toHaveProperty('credentials');
    expect(d?.url).toBe('https://u:p@www.example.nc/rss.xml');
    expect(
      await openSealedCredentials({ sealed: a!.credentials.sealed as string, origin: 'https://flux.example.nc' }),
    ).toEqual({ username: 'agent', password: 'p@ss' });
    expect(
      await openSealedCredentials({ sealed: b!.credentials.sealed as string, origin: 'https://api.example.nc' }),
    ).toEqual({ query: { token: 'T0K' } });
    const again = await migrateDatabase({ progress: () => undefined });
    expect(again.outcomes.every((o) => o.outcome === 'already')).toBe(true);
  });
});
