/**
 * Weighted reports: fresh visitor keys weigh half and, together, never enough to hide a
 * comment; visitors with a history (a like or comment at least a day old) count in full.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setInteractionClock } from '../../../hub/interaction/index.js';
import { CommentModel } from '../../../hub/interaction/comments/comment-model.js';
import { sumFlagWeights } from '../../../hub/interaction/flags/flag-weight.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { createItem, getThread, newVisitor, oldFormToken, postCommentOk, visitorWithHistory } from './fixtures.js';

let hub: TestHub;
let address = 0;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'flags', env: { TRUSTED_PROXIES: '127.0.0.1' } });
});
afterAll(() => hub.stop());
afterEach(() => setInteractionClock());

function flag(id: string, visitor: string, headers: Record<string, string> = {}): Promise<Response> {
  return hub.request(`/api/v1/comments/${id}/flags`, {
    method: 'POST',
    json: { reason: 'offensive' },
    headers: { 'Passerelle-Visitor': visitor, ...headers },
  });
}

async function statusOf(commentId: string): Promise<string | undefined> {
  return (await CommentModel.findById(commentId).lean<{ status: string }>())?.status;
}

async function adminFlags(commentId: string): Promise<{ total: number; weight: number }> {
  const res = await hub.request(`/api/v1/admin/comments?status=published&partner=noumea&limit=100`, {
    token: TEST_ADMIN_TOKEN,
  });
  const body = (await res.json()) as { comments: { id: string; flags: { total: number; weight: number } }[] };
  return body.comments.find((c) => c.id === commentId)?.flags ?? { total: -1, weight: -1 };
}

async function newComment(): Promise<{ item: string; id: string }> {
  const item = await createItem('noumea');
  address += 1;
  const posted = await postCommentOk(hub, item, newVisitor(), { headers: { 'X-Forwarded-For': `192.0.2.${address}` } });
  return { item, id: posted.comment.id };
}

describe('weighted reports', () => {
  it('adds fresh reports at half weight, at most 2 together', () => {
    expect(sumFlagWeights([0.5, 0.5, 0.5])).toBe(1.5);
    expect(sumFlagWeights(Array<number>(110).fill(0.5))).toBe(2);
    expect(sumFlagWeights([1, 0.5, 0.5, 0.5, 0.5])).toBe(3);
    expect(sumFlagWeights([undefined, 1, 1])).toBe(3); // reports stored before weights count 1
  });

  it('does not let one client hide a comment with 110 fresh visitor keys', async () => {
    const { item, id } = await newComment();
    const headers = { 'X-Forwarded-For': '192.0.2.250' };
    for (let start = 0; start < 110; start += 22) {
      const batch = Array.from({ length: 22 }, () => flag(id, newVisitor(), headers).then((r) => r.status));
      expect(new Set(await Promise.all(batch))).toEqual(new Set([201]));
    }
    expect(await statusOf(id)).toBe('published');
    expect((await getThread(hub, item)).total).toBe(1);
    expect(await adminFlags(id)).toEqual({ total: 110, weight: 2, reasons: { offensive: 110 } });
  });

  it('counts a key first seen an hour ago, with a like of that hour, as fresh', async () => {
    const { id } = await newComment();
    const recent = newVisitor();
    const likedItem = await createItem('noumea');
    setInteractionClock(() => new Date(Date.now() - 3_600_000));
    await hub.request(`/api/v1/items/${likedItem}/likes`, {
      method: 'POST',
      headers: { 'Passerelle-Visitor': recent },
    });
    setInteractionClock();
    const reporters = [recent, newVisitor(), newVisitor(), newVisitor(), newVisitor(), newVisitor()];
    for (const reporter of reporters) expect((await flag(id, reporter)).status).toBe(201);
    expect(await statusOf(id)).toBe('published');
    expect((await adminFlags(id)).weight).toBe(2);
  });

  it('hides a comment once a visitor with a history joins four fresh reports', async () => {
    const { id } = await newComment();
    for (let i = 0; i < 4; i += 1) expect((await flag(id, newVisitor())).status).toBe(201);
    expect(await statusOf(id)).toBe('published');
    expect((await flag(id, await visitorWithHistory(hub))).status).toBe(201);
    expect(await statusOf(id)).toBe('hidden');
  });

  it('gives a history to a visitor whose comment is more than a day old', async () => {
    const { id } = await newComment();
    const regulars: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const regular = newVisitor();
      const earlier = await createItem('noumea');
      setInteractionClock(() => new Date(Date.now() - 30 * 3_600_000));
      address += 1;
      await postCommentOk(hub, earlier, regular, {
        headers: { 'X-Forwarded-For': `192.0.2.${address}` },
        formToken: await oldFormToken(earlier, regular, 30 * 3_600_000 + 5_000),
      });
      setInteractionClock();
      regulars.push(regular);
    }
    for (const regular of regulars.slice(0, 2)) expect((await flag(id, regular)).status).toBe(201);
    expect(await statusOf(id)).toBe('published');
    expect((await flag(id, regulars[2]!)).status).toBe(201);
    expect(await statusOf(id)).toBe('hidden');
  });
});
