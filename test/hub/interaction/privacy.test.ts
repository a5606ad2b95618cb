import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredModerationData, recountItemStats } from '../../../hub/interaction/index.js';
import { CommentModel } from '../../../hub/interaction/comments/comment-model.js';
import { FlagModel } from '../../../hub/interaction/flags/flag-model.js';
import { LikeModel } from '../../../hub/interaction/likes/like-model.js';
import { ModerationLogModel } from '../../../hub/interaction/moderation/log-model.js';
import { ItemModel } from '../../../hub/items/item-model.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { createItem, newVisitor, postCommentOk, storedStats } from './fixtures.js';

let hub: TestHub;
const CLIENT_ADDRESS = '203.0.113.77';

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'privacy', env: { TRUSTED_PROXIES: '127.0.0.1' } });
});
afterAll(() => hub.stop());

function visitorRequest(path: string, visitor: string, method = 'GET', json?: unknown): Promise<Response> {
  return hub.request(path, {
    method,
    headers: { 'Passerelle-Visitor': visitor, 'X-Forwarded-For': CLIENT_ADDRESS },
    ...(json ? { json } : {}),
  });
}

describe('visitor data (export and erasure)', () => {
  it('exports everything tied to the key, then erases it with every count fixed', async () => {
    const [a, b] = [await createItem('lifou'), await createItem('lifou')];
    const visitor = newVisitor();
    const other = newVisitor();
    for (const item of [a, b])
      expect((await visitorRequest(`/api/v1/items/${item}/likes`, visitor, 'POST')).status).toBe(200);
    expect((await visitorRequest(`/api/v1/items/${a}/likes`, other, 'POST')).status).toBe(200);
    const mine = await postCommentOk(hub, a, visitor, {
      body: 'Mon avis personnel',
      headers: { 'X-Forwarded-For': CLIENT_ADDRESS },
    });
    const lonely = await postCommentOk(hub, b, visitor, { body: 'Sans réponse' });
    await postCommentOk(hub, a, other, { body: 'Je réponds', parentId: mine.comment.id });
    const theirs = await postCommentOk(hub, b, other, { body: 'Un autre avis' });
    expect(
      (await visitorRequest(`/api/v1/comments/${theirs.comment.id}/flags`, visitor, 'POST', { reason: 'off-topic' }))
        .status,
    ).toBe(201);
    expect(await storedStats(a)).toEqual({ likes: 2, comments: 2 });

    const exported = await visitorRequest('/api/v1/visitor/data', visitor);
    expect(exported.status).toBe(200);
    const data = (await exported.json()) as {
      likes: { itemId: string }[];
      comments: { id: string; body: string; addressHash?: string }[];
      flags: { commentId: string; reason: string }[];
    };
    expect(data.likes.map((l) => l.itemId).sort()).toEqual([a, b].sort());
    expect(data.comments.map((c) => c.body)).toEqual(['Mon avis personnel', 'Sans réponse']);
    expect(data.comments[0]?.addressHash).toMatch(/^[0-9a-f]{64}$/);
    expect(data.flags).toEqual([expect.objectContaining({ commentId: theirs.comment.id, reason: 'off-topic' })]);
    expect(JSON.stringify(data)).not.toContain(CLIENT_ADDRESS);

    const erased = await visitorRequest('/api/v1/visitor/data', visitor, 'DELETE');
    // The citizens' voice (hub/voice) adds its own counts to the same report.
    expect(await erased.json()).toEqual({
      erased: { likes: 2, comments: 2, flags: 1, wishes: 0, supports: 0, wishFlags: 0, feedback: 0, followUps: 0 },
    });
    expect(await storedStats(a)).toEqual({ likes: 1, comments: 1 });
    expect(await storedStats(b)).toEqual({ likes: 0, comments: 1 });
    expect(await CommentModel.findById(mine.comment.id).lean()).toMatchObject({
      status: 'deleted',
      author: '',
      body: '',
    });
    expect(await CommentModel.exists({ _id: lonely.comment.id })).toBeNull();
    expect(await FlagModel.countDocuments({ commentId: theirs.comment.id })).toBe(0);
    const after = (await (await visitorRequest('/api/v1/visitor/data', visitor)).json()) as {
      likes: unknown[];
      comments: unknown[];
      flags: unknown[];
    };
    expect([after.likes, after.comments, after.flags]).toEqual([[], [], []]);
    expect((await hub.request('/api/v1/visitor/data', { method: 'DELETE' })).status).toBe(400);
  });

  it('never stores a raw address or a raw visitor key', async () => {
    const item = await createItem('lifou');
    const visitor = newVisitor();
    await visitorRequest(`/api/v1/items/${item}/likes`, visitor, 'POST');
    const posted = await postCommentOk(hub, item, visitor, { headers: { 'X-Forwarded-For': CLIENT_ADDRESS } });
    await visitorRequest(`/api/v1/comments/${posted.comment.id}/flags`, newVisitor(), 'POST', { reason: 'spam' });
    const db = mongoose.connection.db;
    for (const name of ['comments', 'likes', 'flags', 'rate_hits', 'comment_fingerprints', 'moderation_log']) {
      const dump = JSON.stringify(await db?.collection(name).find({}).toArray());
      expect(dump, name).not.toContain(CLIENT_ADDRESS);
      expect(dump, name).not.toContain('127.0.0.1');
      expect(dump, name).not.toContain(visitor);
    }
    expect((await CommentModel.findById(posted.comment.id).lean())?.ipHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('retention', () => {
  it('purges year-old moderation entries and month-old address hashes, keeps the rest', async () => {
    const item = await createItem('lifou');
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const base = {
      itemId: item,
      partnerId: 'lifou',
      parentId: null,
      author: 'Ancien',
      body: 'Ancien commentaire',
      status: 'published',
    };
    await CommentModel.insertMany([
      { ...base, _id: 'retention-old-1', createdAt: ago(31), ipHash: 'a'.repeat(64) },
      { ...base, _id: 'retention-new-1', createdAt: ago(29), ipHash: 'b'.repeat(64) },
      { ...base, _id: 'retention-rej-1', status: 'rejected', createdAt: ago(400) },
    ]);
    const entry = {
      partnerId: 'lifou',
      itemId: item,
      commentId: 'retention-old-1',
      action: 'approve',
      from: 'pending',
      to: 'published',
      by: { tokenId: 't', name: 'n' },
    };
    await ModerationLogModel.insertMany([
      { ...entry, at: ago(366) },
      { ...entry, at: ago(300) },
    ]);

    const report = await purgeExpiredModerationData(now);
    expect(report).toMatchObject({ moderationLog: 1, addressHashes: 1, rejectedComments: 1 });
    expect((await CommentModel.findById('retention-old-1').lean())?.ipHash).toBeUndefined();
    expect((await CommentModel.findById('retention-new-1').lean())?.ipHash).toBe('b'.repeat(64));
    expect(await CommentModel.exists({ _id: 'retention-rej-1' })).toBeNull();
    expect(await ModerationLogModel.countDocuments({ commentId: 'retention-old-1' })).toBe(1);
    expect(await purgeExpiredModerationData(now)).toMatchObject({
      moderationLog: 0,
      addressHashes: 0,
      rejectedComments: 0,
    });
  });
});

describe('recount', () => {
  it('repairs corrupted counts from the like and comment records', async () => {
    const item = await createItem('lifou');
    const visitors = [newVisitor(), newVisitor(), newVisitor()];
    for (const v of visitors) await visitorRequest(`/api/v1/items/${item}/likes`, v, 'POST');
    await postCommentOk(hub, item, visitors[0] as string);
    expect(await storedStats(item)).toEqual({ likes: 3, comments: 1 });
    await recountItemStats(); // earlier tests inserted comments behind the API's back
    await ItemModel.updateOne({ _id: item }, { $set: { 'stats.likes': 999, 'stats.comments': 0 } });

    const report = await recountItemStats();
    expect(report.fixedIds).toEqual([item]);
    expect(report.checked).toBe(await ItemModel.countDocuments());
    expect(await storedStats(item)).toEqual({ likes: 3, comments: 1 });
    expect((await recountItemStats()).fixed).toBe(0);
    expect(await LikeModel.countDocuments({ itemId: item })).toBe(3);
  });

  it('runs as a command line (tsx hub/cli/recount.ts)', async () => {
    const item = await createItem('lifou');
    await recountItemStats();
    await ItemModel.updateOne({ _id: item }, { $set: { 'stats.likes': 5 } });
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'hub/cli/recount.ts'], {
      env: { ...process.env, MONGODB_URI: hub.databaseUri, LOG_LEVEL: 'silent' },
      timeout: 30_000,
    });
    expect(stdout).toMatch(new RegExp(`recount: \\d+ item\\(s\\) checked, 1 fixed: ${item}`));
    expect(await storedStats(item)).toEqual({ likes: 0, comments: 0 });
  });
});
