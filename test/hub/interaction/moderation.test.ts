import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommentModel } from '../../../hub/interaction/comments/comment-model.js';
import { ModerationLogModel } from '../../../hub/interaction/moderation/log-model.js';
import { PartnerModel } from '../../../hub/partners/partner-model.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import {
  createItem,
  getThread,
  makeToken,
  newVisitor,
  postComment,
  postCommentOk,
  storedStats,
  visitorWithHistory,
} from './fixtures.js';

let hub: TestHub;
let noumeaModerator: string;
let lifouModerator: string;
let noumeaAdmin: string;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'moderation' });
  await PartnerModel.updateOne({ _id: 'noumea' }, { $set: { moderation: { mode: 'pre' } } });
  await PartnerModel.updateOne({ _id: 'paita' }, { $set: { moderation: { mode: 'first-time' } } });
  await PartnerModel.updateOne({ _id: 'lifou' }, { $set: { moderation: { mode: 'post' } } });
  noumeaModerator = await makeToken(hub, 'moderator', 'noumea', 'Modératrice Nouméa');
  lifouModerator = await makeToken(hub, 'moderator', 'lifou', 'Modérateur Lifou');
  noumeaAdmin = await makeToken(hub, 'partner-admin', 'noumea', 'Admin Nouméa');
});
afterAll(() => hub.stop());

function moderate(id: string, action: string, token: string, reason?: string): Promise<Response> {
  return hub.request(`/api/v1/admin/comments/${id}/moderation`, {
    method: 'POST',
    token,
    json: { action, ...(reason ? { reason } : {}) },
  });
}

async function adminList(
  token: string,
  query: string,
): Promise<{
  total: number;
  comments: {
    id: string;
    status: string;
    hiddenReason?: string;
    partnerId: string;
    flags: { total: number; reasons: Record<string, number> };
    item?: { title: string };
  }[];
}> {
  const res = await hub.request(`/api/v1/admin/comments${query}`, { token });
  expect(res.status).toBe(200);
  return res.json() as never;
}

function flag(id: string, visitor: string, reason = 'offensive'): Promise<Response> {
  return hub.request(`/api/v1/comments/${id}/flags`, {
    method: 'POST',
    json: { reason },
    headers: { 'Passerelle-Visitor': visitor },
  });
}

describe("moderation modes (of the item's partner)", () => {
  it('pre: pending until approved, then published, counted and logged', async () => {
    const item = await createItem('noumea');
    const posted = await postCommentOk(hub, item, newVisitor());
    expect(posted.comment.status).toBe('pending');
    expect(await getThread(hub, item)).toMatchObject({ total: 0, comments: [], moderation: 'pre' });
    expect(await storedStats(item)).toMatchObject({ comments: 0 });

    const queue = await adminList(noumeaModerator, `?status=pending&item=${item}`);
    expect(queue.comments.map((c) => c.id)).toEqual([posted.comment.id]);
    expect(queue.comments[0]?.item?.title).toMatch(/^Actualité/);

    const approved = await moderate(posted.comment.id, 'approve', noumeaModerator, 'conforme à la charte');
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ from: 'pending', to: 'published', comment: { status: 'published' } });
    expect((await getThread(hub, item)).comments.map((c) => c.id)).toEqual([posted.comment.id]);
    expect(await storedStats(item)).toMatchObject({ comments: 1 });

    const again = await moderate(posted.comment.id, 'approve', noumeaModerator);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'invalid_transition' });

    const log = (await (
      await hub.request(`/api/v1/admin/moderation-log?comment=${posted.comment.id}`, { token: noumeaModerator })
    ).json()) as { entries: unknown[] };
    expect(log.entries).toEqual([
      expect.objectContaining({
        action: 'approve',
        from: 'pending',
        to: 'published',
        reason: 'conforme à la charte',
        partnerId: 'noumea',
        itemId: item,
        by: { tokenId: expect.any(String), name: 'Modératrice Nouméa' },
        at: expect.any(String),
      }),
    ]);
  });

  it('pre: an approved comment that its author edits goes back to pending', async () => {
    const item = await createItem('noumea');
    const posted = await postCommentOk(hub, item, newVisitor());
    expect((await moderate(posted.comment.id, 'approve', noumeaModerator)).status).toBe(200);
    const res = await hub.request(`/api/v1/comments/${posted.comment.id}`, {
      method: 'PATCH',
      json: { body: 'Texte modifié après validation' },
      headers: { 'Passerelle-Edit-Token': posted.editToken },
    });
    expect(((await res.json()) as { comment: { status: string } }).comment.status).toBe('pending');
    expect(await storedStats(item)).toMatchObject({ comments: 0 });
  });

  it('post: published at once, except with more than 2 links', async () => {
    const item = await createItem('lifou');
    expect(
      (await postCommentOk(hub, item, newVisitor(), { body: 'Voir https://a.example et www.b.example' })).comment
        .status,
    ).toBe('published');
    expect(
      (await postCommentOk(hub, item, newVisitor(), { body: 'https://a.example http://b.example www.c.example' }))
        .comment.status,
    ).toBe('pending');
    expect(await storedStats(item)).toMatchObject({ comments: 1 });
  });

  it('first-time: pending until the visitor has one approved comment on any item of the partner', async () => {
    const [a, b, c] = [await createItem('paita'), await createItem('paita'), await createItem('paita')];
    const visitor = newVisitor();
    const first = await postCommentOk(hub, a, visitor);
    const second = await postCommentOk(hub, b, visitor);
    expect([first.comment.status, second.comment.status]).toEqual(['pending', 'pending']);
    const admin = await makeToken(hub, 'partner-admin', 'paita');
    expect((await moderate(first.comment.id, 'approve', admin)).status).toBe(200);
    expect((await postCommentOk(hub, c, visitor)).comment.status).toBe('published');
    expect((await postCommentOk(hub, c, newVisitor())).comment.status).toBe('pending');
    // The approval counts for Païta only: on a pre-mode partner the visitor still waits.
    expect((await postCommentOk(hub, await createItem('noumea'), visitor)).comment.status).toBe('pending');
  });
});

describe('reject, hide, bulk and partner scoping', () => {
  it('keeps the published count right through reject, hide and approve', async () => {
    const item = await createItem('lifou');
    const posted = await postCommentOk(hub, item, newVisitor());
    expect(await storedStats(item)).toMatchObject({ comments: 1 });
    expect(
      await (await moderate(posted.comment.id, 'hide', lifouModerator, 'propos hors charte')).json(),
    ).toMatchObject({ from: 'published', to: 'hidden' });
    expect(await storedStats(item)).toMatchObject({ comments: 0 });
    expect(await (await moderate(posted.comment.id, 'reject', lifouModerator)).json()).toMatchObject({
      from: 'hidden',
      to: 'rejected',
    });
    expect(await storedStats(item)).toMatchObject({ comments: 0 });
    expect((await moderate(posted.comment.id, 'hide', lifouModerator)).status).toBe(409);
    expect(await (await moderate(posted.comment.id, 'approve', TEST_ADMIN_TOKEN)).json()).toMatchObject({
      to: 'published',
    });
    expect(await storedStats(item)).toMatchObject({ comments: 1 });
    const log = (await (
      await hub.request(`/api/v1/admin/moderation-log?comment=${posted.comment.id}`, { token: TEST_ADMIN_TOKEN })
    ).json()) as { entries: { action: string; by: { name: string } }[] };
    expect(log.entries.map((e) => `${e.action}:${e.by.name}`)).toEqual([
      'approve:ADMIN_TOKEN',
      'reject:Modérateur Lifou',
      'hide:Modérateur Lifou',
    ]);
  });

  it("stops a moderator from seeing or moderating another partner's comments", async () => {
    const item = await createItem('noumea');
    const posted = await postCommentOk(hub, item, newVisitor());
    expect((await hub.request('/api/v1/admin/comments?partner=noumea', { token: lifouModerator })).status).toBe(403);
    const own = await adminList(lifouModerator, '?status=pending');
    expect(own.comments.every((c) => c.partnerId === 'lifou')).toBe(true);
    expect(own.comments.map((c) => c.id)).not.toContain(posted.comment.id);
    const refused = await moderate(posted.comment.id, 'approve', lifouModerator);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'forbidden' });
    expect((await CommentModel.findById(posted.comment.id).lean())?.status).toBe('pending');
    const lifouLog = (await (await hub.request('/api/v1/admin/moderation-log', { token: lifouModerator })).json()) as {
      entries: { partnerId: string }[];
    };
    expect(lifouLog.entries.every((e) => e.partnerId === 'lifou')).toBe(true);
    expect((await hub.request('/api/v1/admin/moderation-log?partner=noumea', { token: lifouModerator })).status).toBe(
      403,
    );
    expect((await hub.request('/api/v1/admin/comments')).status).toBe(401);
  });

  it("moderates in bulk, reporting each comment, refusing other partners' per id", async () => {
    const item = await createItem('noumea');
    const mine = [await postCommentOk(hub, item, newVisitor()), await postCommentOk(hub, item, newVisitor())];
    const theirs = await postCommentOk(hub, await createItem('lifou'), newVisitor());
    const res = await hub.request('/api/v1/admin/comments/moderation', {
      method: 'POST',
      token: noumeaModerator,
      json: {
        ids: [mine[0]?.comment.id, theirs.comment.id, mine[1]?.comment.id, 'unknowncomment1'],
        action: 'approve',
        reason: 'lot du matin',
      },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { results: unknown[] }).results).toEqual([
      { id: mine[0]?.comment.id, ok: true, from: 'pending', to: 'published' },
      expect.objectContaining({ id: theirs.comment.id, ok: false, status: 403, code: 'forbidden' }),
      { id: mine[1]?.comment.id, ok: true, from: 'pending', to: 'published' },
      expect.objectContaining({ id: 'unknowncomment1', ok: false, status: 404, code: 'not_found' }),
    ]);
    expect(await storedStats(item)).toMatchObject({ comments: 2 });
    expect((await CommentModel.findById(theirs.comment.id).lean())?.status).toBe('published');
    const invalid = await hub.request('/api/v1/admin/comments/moderation', {
      method: 'POST',
      token: noumeaModerator,
      json: { ids: [], action: 'delete' },
    });
    expect(invalid.status).toBe(400);
  });
});

describe('flags', () => {
  it('hides a comment flagged by 3 distinct visitors with a history until a moderator approves it again', async () => {
    const item = await createItem('lifou');
    const posted = await postCommentOk(hub, item, newVisitor());
    const reporters = [await visitorWithHistory(hub), await visitorWithHistory(hub), await visitorWithHistory(hub)];
    expect(await (await flag(posted.comment.id, reporters[0] as string, 'spam')).json()).toEqual({ flagged: true });
    const twice = await flag(posted.comment.id, reporters[0] as string);
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ code: 'already_flagged' });
    expect((await flag(posted.comment.id, reporters[1] as string)).status).toBe(201);
    expect((await getThread(hub, item)).total).toBe(1);
    expect(
      (
        await hub.request(`/api/v1/comments/${posted.comment.id}/flags`, {
          method: 'POST',
          json: { reason: 'rude' },
          headers: { 'Passerelle-Visitor': newVisitor() },
        })
      ).status,
    ).toBe(400);

    expect((await flag(posted.comment.id, reporters[2] as string, 'personal-data')).status).toBe(201);
    expect(await getThread(hub, item)).toMatchObject({ total: 0, comments: [] });
    expect(await storedStats(item)).toMatchObject({ comments: 0 });
    expect((await flag(posted.comment.id, newVisitor())).status).toBe(404);
    const hidden = await adminList(lifouModerator, `?status=hidden&item=${item}`);
    expect(hidden.comments[0]).toMatchObject({
      id: posted.comment.id,
      hiddenReason: 'flags',
      flags: { total: 3, weight: 3, reasons: { spam: 1, offensive: 1, 'personal-data': 1 } },
    });
    // …and it waits in the moderators' default queue until reviewed.
    expect((await adminList(lifouModerator, `?item=${item}`)).comments.map((c) => c.id)).toEqual([posted.comment.id]);
    const log = await ModerationLogModel.find({ commentId: posted.comment.id }).lean();
    expect(log).toEqual([
      expect.objectContaining({
        action: 'auto-hide',
        from: 'published',
        to: 'hidden',
        by: { tokenId: 'system', name: expect.any(String) },
      }),
    ]);

    expect((await moderate(posted.comment.id, 'approve', lifouModerator, 'signalements infondés')).status).toBe(200);
    expect(await storedStats(item)).toMatchObject({ comments: 1 });
    // Reviewed flags no longer count: one new report does not hide it again.
    expect((await flag(posted.comment.id, await visitorWithHistory(hub))).status).toBe(201);
    expect((await getThread(hub, item)).total).toBe(1);
  });
});

describe('official replies', () => {
  it("publishes a partner's reply at once with its badge, only by that partner's admins and moderators", async () => {
    const item = await createItem('noumea');
    const question = await postCommentOk(hub, item, newVisitor(), { body: 'La piscine est-elle ouverte dimanche ?' });
    expect((await moderate(question.comment.id, 'approve', noumeaModerator)).status).toBe(200);
    const reply = (body: string, token: string) =>
      hub.request(`/api/v1/admin/comments/${question.comment.id}/replies`, { method: 'POST', token, json: { body } });

    expect((await reply('Oui', lifouModerator)).status).toBe(403);
    expect((await reply('Oui', TEST_ADMIN_TOKEN)).status).toBe(403);
    const res = await reply('Oui, de 8 h à 17 h.', noumeaAdmin);
    expect(res.status).toBe(201);
    const { comment } = (await res.json()) as {
      comment: { id: string; parentId: string; official: unknown; author: string };
    };
    expect(comment).toMatchObject({
      parentId: question.comment.id,
      author: 'Nouméa',
      official: { partnerId: 'noumea', partnerName: 'Nouméa' },
    });
    expect(comment).not.toHaveProperty('status');
    const thread = await getThread(hub, item);
    expect(thread.comments[0]?.replies).toEqual([
      expect.objectContaining({
        id: comment.id,
        body: 'Oui, de 8 h à 17 h.',
        official: { partnerId: 'noumea', partnerName: 'Nouméa' },
      }),
    ]);
    expect(await storedStats(item)).toMatchObject({ comments: 2 });
    const log = await ModerationLogModel.find({ commentId: comment.id }).lean();
    expect(log).toEqual([
      expect.objectContaining({
        action: 'official-reply',
        from: null,
        to: 'published',
        by: expect.objectContaining({ name: 'Admin Nouméa' }),
      }),
    ]);
    expect((await reply("Précision : l'entrée est gratuite.", noumeaModerator)).status).toBe(201);
    const pending = await postCommentOk(hub, item, newVisitor());
    expect(
      (
        await hub.request(`/api/v1/admin/comments/${pending.comment.id}/replies`, {
          method: 'POST',
          token: noumeaModerator,
          json: { body: 'Non' },
        })
      ).status,
    ).toBe(400);
  });
});

describe('invalid moderation input', () => {
  it('refuses unknown actions, statuses and comments', async () => {
    expect((await hub.request('/api/v1/admin/comments?status=spam', { token: noumeaModerator })).status).toBe(400);
    const posted = await postComment(hub, await createItem('noumea'), newVisitor());
    const { comment } = (await posted.json()) as { comment: { id: string } };
    expect((await moderate(comment.id, 'delete', noumeaModerator)).status).toBe(400);
    expect((await moderate('unknowncomment1', 'approve', noumeaModerator)).status).toBe(404);
  });
});
