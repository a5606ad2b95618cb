import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateHitModel } from '../../../hub/interaction/rate-limit.js';
import { RATE_RULES } from '../../../hub/interaction/index.js';
import { CommentModel } from '../../../hub/interaction/comments/comment-model.js';
import { hashAddress } from '../../../hub/interaction/privacy/ip-hash.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import {
  createItem,
  getThread,
  newVisitor,
  oldFormToken,
  postComment,
  postCommentOk,
  storedStats,
} from './fixtures.js';

let hub: TestHub;

// Each test speaks from its own client address (X-Forwarded-For from a trusted proxy), so
// that the per-address limits of one test do not leak into another.
let address = 0;
function fromNewAddress(): Record<string, string> {
  address += 1;
  return { 'X-Forwarded-For': `198.51.100.${address}` };
}

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'comments', env: { TRUSTED_PROXIES: '127.0.0.1' } });
});
afterAll(() => hub.stop());

async function problemOf(res: Response): Promise<{ code: string; status: number; errors?: { field: string }[] }> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return res.json() as never;
}

describe('posting comments', () => {
  it('publishes at once in post mode, returns an edit token, and counts the comment', async () => {
    const item = await createItem('noumea');
    const posted = await postCommentOk(hub, item, newVisitor(), {
      author: '  Jean   Wamytan ',
      body: '  Bonne initiative !\r\n\r\n\r\n\r\nMerci.  ',
      headers: fromNewAddress(),
    });
    expect(posted.comment).toMatchObject({
      parentId: null,
      author: 'Jean Wamytan',
      body: 'Bonne initiative !\n\nMerci.',
      status: 'published',
    });
    expect(posted.editToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Date.parse(posted.editableUntil) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(await storedStats(item)).toEqual({ likes: 0, comments: 1 });
    const thread = await getThread(hub, item);
    expect(thread).toMatchObject({ total: 1, nextCursor: null, moderation: 'post' });
    expect(thread.comments[0]).toMatchObject({
      id: posted.comment.id,
      body: 'Bonne initiative !\n\nMerci.',
      replies: [],
      repliesTotal: 0,
    });
    expect(thread.comments[0]).not.toHaveProperty('status');
  });

  it('returns HTML typed by a visitor verbatim, as inert plain text, and never HTML', async () => {
    const item = await createItem('noumea');
    const body = '<script>alert("x")</script> <img src=x onerror=alert(1)> & <b>gras</b>';
    const posted = await postCommentOk(hub, item, newVisitor(), {
      author: '<i>Anne</i>',
      body,
      headers: fromNewAddress(),
    });
    expect(posted.comment.body).toBe(body);
    const res = await hub.request(`/api/v1/items/${item}/comments`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const raw = await res.text();
    const thread = JSON.parse(raw) as { comments: { body: string; author: string }[] };
    expect(thread.comments[0]).toMatchObject({ body, author: '<i>Anne</i>' });
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('removes control and bidi characters and refuses an e-mail as pseudonym or an empty body', async () => {
    const item = await createItem('noumea');
    const posted = await postCommentOk(hub, item, newVisitor(), {
      author: 'Lé\u0007a\u202E',
      body: 'a\u0000b\u200Fc\u202Ed',
      headers: fromNewAddress(),
    });
    expect(posted.comment.author).toBe('Léa');
    expect(posted.comment.body).toBe('ab\u200Fcd');
    // Pseudonyms lose every invisible character; bodies keep an emoji sequence's joiner only.
    const invisible = await postCommentOk(hub, item, newVisitor(), {
      author: 'Ma\u200Brie\u200F\u2066',
      body: 'Bravo 👩\u200D💻 et\u200B merci\u200D \u2067!',
      headers: fromNewAddress(),
    });
    expect(invisible.comment.author).toBe('Marie');
    expect(invisible.comment.body).toBe('Bravo 👩\u200D💻 et merci !');
    const email = await postComment(hub, item, newVisitor(), { author: 'marie@example.nc', headers: fromNewAddress() });
    expect(email.status).toBe(400);
    expect((await problemOf(email)).errors?.map((e) => e.field)).toEqual(['author']);
    const blank = await postComment(hub, item, newVisitor(), { body: ' \u0001\n\t ', headers: fromNewAddress() });
    expect((await problemOf(blank)).errors?.map((e) => e.field)).toEqual(['body']);
    const long = await postComment(hub, item, newVisitor(), {
      body: 'x'.repeat(2001),
      author: 'A',
      headers: fromNewAddress(),
    });
    expect((await problemOf(long)).errors?.map((e) => e.field).sort()).toEqual(['author', 'body']);
    const paul = newVisitor();
    const extra = await hub.request(`/api/v1/items/${item}/comments`, {
      method: 'POST',
      headers: { 'Passerelle-Visitor': paul },
      json: { author: 'Paul', body: 'x', formToken: await oldFormToken(item, paul), email: 'p@x.nc' },
    });
    expect((await problemOf(extra)).errors?.map((e) => e.field)).toEqual(['email']);
  });

  it('refuses a filled honeypot with a plain 400 and stores nothing', async () => {
    const item = await createItem('noumea');
    const before = await CommentModel.countDocuments();
    const res = await postComment(hub, item, newVisitor(), {
      website: 'https://casino.example',
      headers: fromNewAddress(),
    });
    expect(res.status).toBe(400);
    expect(await problemOf(res)).toMatchObject({ code: 'honeypot' });
    expect(await CommentModel.countDocuments()).toBe(before);
    expect((await postComment(hub, item, newVisitor(), { website: '', headers: fromNewAddress() })).status).toBe(201);
  });

  it('refuses the same body twice from one visitor on one item, not from another visitor', async () => {
    const item = await createItem('noumea');
    const visitor = newVisitor();
    const headers = fromNewAddress();
    await postCommentOk(hub, item, visitor, { body: 'Les horaires ont changé ?', headers });
    const again = await postComment(hub, item, visitor, { body: '  les HORAIRES   ont changé ? ', headers });
    expect(again.status).toBe(409);
    expect(await problemOf(again)).toMatchObject({ code: 'duplicate_comment' });
    expect((await postComment(hub, item, newVisitor(), { body: 'Les horaires ont changé ?', headers })).status).toBe(
      201,
    );
    // A double click: two identical sends at once, one passes.
    const twin = newVisitor();
    const both = await Promise.all([0, 1].map(() => postComment(hub, item, twin, { body: 'Double clic', headers })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('is closed on a withdrawn item, unknown on a missing one', async () => {
    const item = await createItem('noumea');
    const { ItemModel } = await import('../../../hub/items/item-model.js');
    await ItemModel.updateOne({ _id: item }, { $set: { status: 'withdrawn' } });
    const closed = await postComment(hub, item, newVisitor(), { headers: fromNewAddress() });
    expect(closed.status).toBe(403);
    expect(await problemOf(closed)).toMatchObject({ code: 'comments_closed' });
    expect((await hub.request(`/api/v1/items/${item}/comments`)).status).toBe(404);
    expect((await postComment(hub, 'missing-item', newVisitor())).status).toBe(404);
  });
});

describe('rate limits on comments', () => {
  it('allows 5 comments per visitor in 10 minutes, then 429 with Retry-After', async () => {
    const item = await createItem('noumea');
    const visitor = newVisitor();
    const headers = fromNewAddress();
    for (let i = 0; i < 5; i += 1) expect((await postComment(hub, item, visitor, { headers })).status).toBe(201);
    const refused = await postComment(hub, item, visitor, { headers });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(await problemOf(refused)).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(await CommentModel.countDocuments({ itemId: item })).toBe(5);
  });

  it('allows 100 comments per address in 10 minutes whatever the visitors, keyed by the hashed address', async () => {
    const item = await createItem('noumea');
    const headers = fromNewAddress();
    const hashed = await hashAddress(headers['X-Forwarded-For'] as string, new Date(), undefined);
    // 97 earlier comments from this address (other visitors), then 3 more over HTTP.
    const now = Date.now();
    await RateHitModel.insertMany(
      Array.from({ length: 97 }, () => ({
        r: RATE_RULES.commentAddress.name,
        k: hashed,
        at: new Date(now - 60_000),
        exp: new Date(now + 540_000),
      })),
    );
    const statuses = await Promise.all(
      Array.from({ length: 3 }, () => postComment(hub, item, newVisitor(), { headers }).then((r) => r.status)),
    );
    expect(statuses).toEqual([201, 201, 201]);
    const refused = await postComment(hub, item, newVisitor(), { headers });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500);
    // Another address is not concerned, and no raw address was stored as a key.
    expect((await postComment(hub, item, newVisitor(), { headers: fromNewAddress() })).status).toBe(201);
    expect(await RateHitModel.countDocuments({ k: headers['X-Forwarded-For'] })).toBe(0);
    expect(await RateHitModel.countDocuments({ r: RATE_RULES.commentAddress.name, k: hashed })).toBe(100);
  });
});
