import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, disconnectDatabase } from '../../../hub/db/index.js';
import { LikeModel } from '../../../hub/interaction/likes/like-model.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { createItem, newVisitor, storedStats } from './fixtures.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'likes' });
});
afterAll(() => hub.stop());

function like(
  target: TestHub,
  itemId: string,
  visitor: string,
  method: 'POST' | 'DELETE' = 'POST',
  headers: Record<string, string> = {},
) {
  return target.request(`/api/v1/items/${itemId}/likes`, {
    method,
    headers: { 'Passerelle-Visitor': visitor, ...headers },
  });
}

async function reactions(
  target: TestHub,
  itemId: string,
  visitor?: string,
): Promise<{ likes: number; liked: boolean }> {
  const res = await target.request(`/api/v1/items/${itemId}/reactions`, {
    headers: visitor ? { 'Passerelle-Visitor': visitor } : {},
  });
  expect(res.status).toBe(200);
  return res.json() as never;
}

describe('likes', () => {
  it('likes once per visitor, idempotently, and unlikes', async () => {
    const item = await createItem();
    const visitor = newVisitor();
    expect(await (await like(hub, item, visitor)).json()).toEqual({ likes: 1, liked: true });
    expect(await (await like(hub, item, visitor)).json()).toEqual({ likes: 1, liked: true });
    expect(await reactions(hub, item, visitor)).toEqual({ likes: 1, liked: true });
    expect(await reactions(hub, item)).toEqual({ likes: 1, liked: false });
    expect(await (await like(hub, item, visitor, 'DELETE')).json()).toEqual({ likes: 0, liked: false });
    expect(await (await like(hub, item, visitor, 'DELETE')).json()).toEqual({ likes: 0, liked: false });
    expect(await storedStats(item)).toEqual({ likes: 0, comments: 0 });
  });

  it('refuses a missing or malformed visitor key, and unknown items', async () => {
    const item = await createItem();
    const missing = await hub.request(`/api/v1/items/${item}/likes`, { method: 'POST' });
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await missing.json()).toMatchObject({ code: 'visitor_required' });
    expect((await like(hub, item, 'short')).status).toBe(400);
    expect((await like(hub, item, 'x'.repeat(21) + '!')).status).toBe(400);
    const unknown = await like(hub, 'no-such-item', newVisitor());
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'not_found' });
  });

  it('stays exact under 200 concurrent likes from 100 visitors and 50 concurrent unlikes, also after a restart', async () => {
    const item = await createItem();
    const visitors = Array.from({ length: 100 }, newVisitor);
    const likes = await Promise.all([...visitors, ...visitors].map((v) => like(hub, item, v)));
    expect(likes.map((r) => r.status)).toEqual(Array(200).fill(200));
    expect(await LikeModel.countDocuments({ itemId: item })).toBe(100);
    expect(await storedStats(item)).toEqual({ likes: 100, comments: 0 });
    expect((await reactions(hub, item)).likes).toBe(100);

    const unlikes = await Promise.all(visitors.slice(0, 50).map((v) => like(hub, item, v, 'DELETE')));
    expect(unlikes.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(await LikeModel.countDocuments({ itemId: item })).toBe(50);
    expect(await storedStats(item)).toEqual({ likes: 50, comments: 0 });

    // Restart: stop the hub and the connection, start again on the same database.
    await hub.close();
    await disconnectDatabase();
    await connectDatabase(hub.databaseUri);
    hub = await startTestHub({ databaseUri: hub.databaseUri, label: 'likes' });
    expect(await reactions(hub, item, visitors[99])).toEqual({ likes: 50, liked: true });
    expect(await reactions(hub, item, visitors[0])).toEqual({ likes: 50, liked: false });
    expect(await storedStats(item)).toEqual({ likes: 50, comments: 0 });
    expect(await LikeModel.countDocuments({ itemId: item })).toBe(50);
  }, 120_000); // a stress test: 250 requests and a restart, slow when the machine is loaded

  it('answers 429 rate_limited with Retry-After past 60 likes a minute for one visitor', async () => {
    const item = await createItem();
    const visitor = newVisitor();
    for (let i = 0; i < 60; i += 1)
      expect((await like(hub, item, visitor, i % 2 ? 'DELETE' : 'POST')).status).toBe(200);
    const refused = await like(hub, item, visitor);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ code: 'rate_limited', status: 429, retryAfter });
    // Another visitor from the same address is not affected.
    expect((await like(hub, item, newVisitor())).status).toBe(200);
  }, 60_000);
});
