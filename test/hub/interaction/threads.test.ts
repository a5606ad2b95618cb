import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setInteractionClock } from '../../../hub/interaction/index.js';
import { CommentModel } from '../../../hub/interaction/comments/comment-model.js';
import { PartnerModel } from '../../../hub/partners/partner-model.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { createItem, getThread, newVisitor, postComment, postCommentOk, storedStats } from './fixtures.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'threads' });
});
afterAll(() => hub.stop());
afterEach(() => setInteractionClock());

/** Inserts published comments directly (listing tests need many, faster than the form). */
async function insertComments(
  itemId: string,
  count: number,
  parentId: string | null = null,
  prefix = 'c',
): Promise<string[]> {
  const base = Date.UTC(2025, 0, 1);
  const docs = Array.from({ length: count }, (_, i) => ({
    _id: `${prefix}${String(i).padStart(3, '0')}${itemId.slice(-6)}`.replace(/[^A-Za-z0-9_-]/g, '_'),
    itemId,
    partnerId: 'noumea',
    parentId,
    author: `Auteur ${i}`,
    body: `${prefix} ${i}`,
    status: 'published',
    createdAt: new Date(base + i * 1000),
  }));
  await CommentModel.insertMany(docs);
  return docs.map((d) => d._id);
}

function edit(id: string, token: string, body: string): Promise<Response> {
  return hub.request(`/api/v1/comments/${id}`, {
    method: 'PATCH',
    json: { body },
    headers: { 'Passerelle-Edit-Token': token },
  });
}

function remove(id: string, token: string): Promise<Response> {
  return hub.request(`/api/v1/comments/${id}`, { method: 'DELETE', headers: { 'Passerelle-Edit-Token': token } });
}

describe('threads', () => {
  it('lists top-level comments oldest first, 20 a page, each with its first 3 replies', async () => {
    const item = await createItem('noumea');
    const top = await insertComments(item, 25);
    await insertComments(item, 5, top[0] ?? null, 'r');
    const first = await getThread(hub, item);
    expect(first.total).toBe(30);
    expect(first.comments.map((c) => c.body)).toEqual(Array.from({ length: 20 }, (_, i) => `c ${i}`));
    expect(first.comments[0]).toMatchObject({
      repliesTotal: 5,
      replies: [{ body: 'r 0' }, { body: 'r 1' }, { body: 'r 2' }],
    });
    expect(first.comments[1]).toMatchObject({ repliesTotal: 0, replies: [], repliesNextCursor: null });
    expect(first.nextCursor).toEqual(expect.any(String));

    const second = await getThread(hub, item, `?cursor=${first.nextCursor}`);
    expect(second.comments.map((c) => c.body)).toEqual(['c 20', 'c 21', 'c 22', 'c 23', 'c 24']);
    expect(second.nextCursor).toBeNull();

    const more = await hub.request(`/api/v1/comments/${top[0]}/replies?cursor=${first.comments[0]?.repliesNextCursor}`);
    expect(await more.json()).toMatchObject({
      total: 5,
      nextCursor: null,
      comments: [{ body: 'r 3' }, { body: 'r 4' }],
    });
    expect((await hub.request(`/api/v1/items/${item}/comments?cursor=garbage`)).status).toBe(400);
    expect((await hub.request(`/api/v1/items/${item}/comments?limit=500`)).status).toBe(400);
  });

  it('attaches a reply to a reply to the top-level comment, and refuses a parent from elsewhere', async () => {
    const item = await createItem('noumea');
    const other = await createItem('noumea');
    const top = await postCommentOk(hub, item, newVisitor(), { body: 'Question sur les horaires' });
    const reply = await postCommentOk(hub, item, newVisitor(), { body: 'Même question', parentId: top.comment.id });
    const nested = await postCommentOk(hub, item, newVisitor(), {
      body: 'Réponse à la réponse',
      parentId: reply.comment.id,
    });
    expect(reply.comment.parentId).toBe(top.comment.id);
    expect(nested.comment.parentId).toBe(top.comment.id);
    const thread = await getThread(hub, item);
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]?.replies?.map((r) => r.body)).toEqual(['Même question', 'Réponse à la réponse']);
    const foreign = await postComment(hub, other, newVisitor(), { parentId: top.comment.id });
    expect(foreign.status).toBe(400);
    expect(await foreign.json()).toMatchObject({ code: 'invalid_input', errors: [{ field: 'parentId' }] });
    expect((await postComment(hub, item, newVisitor(), { parentId: 'nosuchcomment0' })).status).toBe(400);
  });
});

describe("editing and deleting one's comment", () => {
  it('edits within 15 minutes with the edit token, then refuses edit_window_closed', async () => {
    const item = await createItem('noumea');
    const posted = await postCommentOk(hub, item, newVisitor(), { body: 'Premier jet' });
    const edited = await edit(posted.comment.id, posted.editToken, '  Version corrigée ');
    expect(edited.status).toBe(200);
    const body = (await edited.json()) as { comment: { body: string; editedAt: string; status: string } };
    expect(body.comment).toMatchObject({ body: 'Version corrigée', status: 'published', editedAt: expect.any(String) });
    expect((await getThread(hub, item)).comments[0]).toMatchObject({
      body: 'Version corrigée',
      editedAt: expect.any(String),
    });

    const wrong = await edit(posted.comment.id, 'x'.repeat(32), 'Pirate');
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ code: 'edit_token_invalid' });
    expect(
      (await hub.request(`/api/v1/comments/${posted.comment.id}`, { method: 'PATCH', json: { body: 'x' } })).status,
    ).toBe(403);

    setInteractionClock(() => new Date(Date.now() + 16 * 60_000));
    for (const res of [
      await edit(posted.comment.id, posted.editToken, 'Trop tard'),
      await remove(posted.comment.id, posted.editToken),
    ]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'edit_window_closed' });
    }
    setInteractionClock();
    expect((await getThread(hub, item)).comments[0]?.body).toBe('Version corrigée');
  });

  it('sends an edited comment back to moderation when it gains too many links', async () => {
    await PartnerModel.updateOne({ _id: 'dumbea' }, { $set: { moderation: { mode: 'post' } } });
    const item = await createItem('dumbea');
    const posted = await postCommentOk(hub, item, newVisitor());
    expect(await storedStats(item)).toMatchObject({ comments: 1 });
    const spammy = await edit(
      posted.comment.id,
      posted.editToken,
      'Voir https://a.example https://b.example www.c.example',
    );
    expect(((await spammy.json()) as { comment: { status: string } }).comment.status).toBe('pending');
    expect(await storedStats(item)).toMatchObject({ comments: 0 });
  });

  it('deletes a comment without replies entirely and fixes the count', async () => {
    const item = await createItem('noumea');
    const posted = await postCommentOk(hub, item, newVisitor());
    expect(await storedStats(item)).toMatchObject({ comments: 1 });
    expect((await remove(posted.comment.id, posted.editToken)).status).toBe(204);
    expect(await storedStats(item)).toMatchObject({ comments: 0 });
    expect(await CommentModel.exists({ _id: posted.comment.id })).toBeNull();
    expect((await getThread(hub, item)).comments).toEqual([]);
    expect((await remove(posted.comment.id, posted.editToken)).status).toBe(404);
  });

  it('leaves an empty placeholder when the deleted comment has replies, and removes it with its last reply', async () => {
    const item = await createItem('noumea');
    const top = await postCommentOk(hub, item, newVisitor(), { author: 'Auteur initial', body: 'Texte initial' });
    const reply = await postCommentOk(hub, item, newVisitor(), { body: 'Une réponse', parentId: top.comment.id });
    expect(await storedStats(item)).toMatchObject({ comments: 2 });
    expect((await remove(top.comment.id, top.editToken)).status).toBe(204);
    expect(await storedStats(item)).toMatchObject({ comments: 1 });
    const thread = await getThread(hub, item);
    expect(thread.total).toBe(1);
    expect(thread.comments).toEqual([
      expect.objectContaining({
        id: top.comment.id,
        deleted: true,
        author: '',
        body: '',
        replies: [expect.objectContaining({ body: 'Une réponse' })],
      }),
    ]);
    const stored = await CommentModel.findById(top.comment.id).lean();
    expect(stored).not.toHaveProperty('visitor');
    expect(stored).not.toHaveProperty('ipHash');
    expect(JSON.stringify(stored)).not.toContain('Texte initial');

    expect((await remove(reply.comment.id, reply.editToken)).status).toBe(204);
    expect(await CommentModel.countDocuments({ itemId: item })).toBe(0);
    expect(await storedStats(item)).toMatchObject({ comments: 0 });
  });
});
