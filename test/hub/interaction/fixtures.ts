/** Shared helpers of the interaction tests: items inserted directly, visitors, comments over HTTP. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { ItemModel } from '../../../hub/items/item-model.js';
import { hashVisitorKey, issueFormToken, ITEM_FORMS, setInteractionClock } from '../../../hub/interaction/index.js';
import { TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';

let counter = 0;

/** Inserts a published item of a partner; returns its id. */
export async function createItem(partnerId = 'noumea'): Promise<string> {
  counter += 1;
  const id = `test-${partnerId}-${counter}-${randomBytes(3).toString('hex')}`;
  const now = new Date();
  await ItemModel.create({
    _id: id,
    partnerId,
    sourceId: `${partnerId}-actus`,
    guid: id,
    url: `https://www.example.nc/${id}`,
    title: `Actualité ${counter}`,
    type: 'news',
    topics: [],
    audience: [],
    territory: { scope: 'nc' },
    language: 'fr',
    contentHash: randomBytes(8).toString('hex'),
    status: 'published',
    revision: 1,
    firstSeenAt: now,
    lastSeenAt: now,
    stats: { likes: 0, comments: 0 },
  });
  return id;
}

/** A fresh random visitor key, as the widget makes one. */
export function newVisitor(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * A visitor key with a history: it liked an item 25 hours ago (the interaction clock is
 * moved back for that like), so its reports count in full.
 */
export async function visitorWithHistory(hub: TestHub, partnerId = 'noumea'): Promise<string> {
  const visitor = newVisitor();
  const item = await createItem(partnerId);
  setInteractionClock(() => new Date(Date.now() - 25 * 3_600_000));
  try {
    const res = await hub.request(`/api/v1/items/${item}/likes`, {
      method: 'POST',
      headers: { 'Passerelle-Visitor': visitor },
    });
    expect(res.status).toBe(200);
  } finally {
    setInteractionClock();
  }
  return visitor;
}

/** The item's stored stats. */
export async function storedStats(itemId: string): Promise<{ likes: number; comments: number }> {
  const item = await ItemModel.findById(itemId, { stats: 1 }).lean<{ stats: { likes: number; comments: number } }>();
  return { likes: item?.stats.likes ?? -1, comments: item?.stats.comments ?? -1 };
}

/** A form token for the item's forms, issued to `visitor` `ageMs` ago (default 5 s: past the 3 s minimum). */
export function oldFormToken(itemId: string, visitor: string, ageMs = 5_000): Promise<string> {
  return issueFormToken({
    purpose: ITEM_FORMS,
    subject: itemId,
    visitor: { hash: hashVisitorKey(visitor) },
    issuedAt: new Date(Date.now() - ageMs),
  });
}

export interface PostOptions {
  author?: string;
  body?: string;
  parentId?: string;
  formToken?: string;
  website?: string;
  headers?: Record<string, string>;
}

/** POSTs a comment with a valid (backdated) form token unless one is given. */
export async function postComment(
  hub: TestHub,
  itemId: string,
  visitor: string,
  options: PostOptions = {},
): Promise<Response> {
  const { headers = {}, ...fields } = options;
  const json = {
    author: 'Marie',
    body: `Merci pour l'information ${randomBytes(4).toString('hex')}`,
    formToken: await oldFormToken(itemId, visitor),
    ...fields,
  };
  return hub.request(`/api/v1/items/${itemId}/comments`, {
    method: 'POST',
    json,
    headers: { 'Passerelle-Visitor': visitor, ...headers },
  });
}

export interface PostedComment {
  comment: { id: string; parentId: string | null; author: string; body: string; status: string; official?: unknown };
  editToken: string;
  editableUntil: string;
}

/** POSTs a comment and expects 201. */
export async function postCommentOk(
  hub: TestHub,
  itemId: string,
  visitor: string,
  options: PostOptions = {},
): Promise<PostedComment> {
  const res = await postComment(hub, itemId, visitor, options);
  const body = (await res.json()) as PostedComment;
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body;
}

/** Creates a bearer token for a role (of a partner). */
export async function makeToken(
  hub: TestHub,
  role: string,
  partnerId?: string,
  name = `${role} ${partnerId ?? ''}`,
): Promise<string> {
  const res = await hub.request('/api/v1/admin/tokens', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { name, role, partnerId },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

/** The public thread of an item. */
export async function getThread(
  hub: TestHub,
  itemId: string,
  query = '',
  visitor?: string,
): Promise<{
  total: number;
  comments: {
    id: string;
    body: string;
    author: string;
    deleted?: boolean;
    replies?: { id: string; body: string; official?: unknown }[];
    repliesTotal?: number;
    repliesNextCursor?: string | null;
  }[];
  nextCursor: string | null;
  formToken: string | null;
  moderation: string;
}> {
  const res = await hub.request(`/api/v1/items/${itemId}/comments${query}`, {
    headers: visitor ? { 'Passerelle-Visitor': visitor } : {},
  });
  expect(res.status).toBe(200);
  return res.json() as never;
}
