/** Shared helpers of the voice tests: wishes over HTTP, with valid (backdated) form tokens. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { hashVisitorKey, issueFormToken } from '../../../hub/interaction/index.js';
import { WISH_FORM } from '../../../hub/voice/index.js';
import { TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';

export { createItem, makeToken, newVisitor, oldFormToken } from '../interaction/fixtures.js';

/** A wish form token for a visitor key, issued `ageMs` ago (default 5 s, past the 3 s minimum). */
export function wishFormToken(visitor: string, ageMs = 5_000): Promise<string> {
  return issueFormToken({
    ...WISH_FORM,
    visitor: { hash: hashVisitorKey(visitor) },
    issuedAt: new Date(Date.now() - ageMs),
  });
}

export interface WishFields {
  title?: string;
  body?: string;
  email?: string;
  commune?: string;
  audience?: string;
  topic?: string;
  campaign?: string;
  website?: string;
  formToken?: string;
}

/** POSTs a wish from a visitor. */
export async function postWish(hub: TestHub, visitor: string, fields: WishFields = {}): Promise<Response> {
  return hub.request('/api/v1/wishes', {
    method: 'POST',
    headers: { 'Passerelle-Visitor': visitor },
    json: {
      title: `Horaires des déchetteries ${randomBytes(3).toString('hex')}`,
      body: 'Je ne trouve nulle part les horaires des déchetteries de ma commune.',
      formToken: await wishFormToken(visitor),
      ...fields,
    },
  });
}

/** POSTs a wish and approves it (pre-moderation is the default); returns its id. */
export async function publishedWish(hub: TestHub, visitor: string, fields: WishFields = {}): Promise<string> {
  const res = await postWish(hub, visitor, fields);
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const approved = await moderate(hub, id, 'approve');
  expect(approved.status).toBe(200);
  return id;
}

export function moderate(hub: TestHub, id: string, action: string, token = TEST_ADMIN_TOKEN): Promise<Response> {
  return hub.request(`/api/v1/admin/wishes/${id}/moderation`, { method: 'POST', token, json: { action } });
}

export function changeStatus(
  hub: TestHub,
  id: string,
  json: Record<string, unknown>,
  token = TEST_ADMIN_TOKEN,
): Promise<Response> {
  return hub.request(`/api/v1/admin/wishes/${id}/status`, { method: 'POST', token, json });
}

export function support(hub: TestHub, id: string, visitor: string, method: 'POST' | 'DELETE' = 'POST') {
  return hub.request(`/api/v1/wishes/${id}/supports`, { method, headers: { 'Passerelle-Visitor': visitor } });
}

export async function readWish(hub: TestHub, id: string, visitor?: string): Promise<Record<string, unknown>> {
  const res = await hub.request(`/api/v1/wishes/${id}`, {
    headers: visitor ? { 'Passerelle-Visitor': visitor } : {},
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}
