/**
 * Form tokens: bound to the visitor key that asked for them, good for one submission,
 * between 3 s and 2 h old — over HTTP with the comment form, and through the service that
 * the next forms (feedback, wishes) call.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkFormToken,
  consumeFormToken,
  hashVisitorKey,
  issueFormToken,
  ITEM_FORMS,
  purgeExpiredModerationData,
  setInteractionClock,
} from '../../../hub/interaction/index.js';
import { CommentModel } from '../../../hub/interaction/comments/comment-model.js';
import { UsedFormTokenModel } from '../../../hub/interaction/form-tokens/used-token-model.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { createItem, getThread, newVisitor, oldFormToken, postComment } from './fixtures.js';

let hub: TestHub;
let address = 0;
/** Each test from its own client address, so that per-address limits do not leak between tests. */
function fromNewAddress(): Record<string, string> {
  address += 1;
  return { 'X-Forwarded-For': `203.0.113.${address}` };
}

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'form-tokens', env: { TRUSTED_PROXIES: '127.0.0.1' } });
});
afterAll(() => hub.stop());
afterEach(() => setInteractionClock());

async function codeOf(res: Response): Promise<[number, string]> {
  return [res.status, ((await res.json()) as { code?: string }).code ?? ''];
}

/** Moves the interaction clock `ms` ahead of the real one (instead of sleeping). */
function advance(ms: number): void {
  setInteractionClock(() => new Date(Date.now() + ms));
}

describe('the comment form token over HTTP', () => {
  it('is issued for the visitor key sent with GET …/comments, and is null without one', async () => {
    const item = await createItem('noumea');
    expect((await getThread(hub, item)).formToken).toBeNull();
    expect((await getThread(hub, item, '', newVisitor())).formToken).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it('refuses a comment sent less than 3 s after the form was loaded, and accepts it after (real wait)', async () => {
    const item = await createItem('noumea');
    const visitor = newVisitor();
    const headers = fromNewAddress();
    const { formToken } = await getThread(hub, item, '', visitor);
    const early = await postComment(hub, item, visitor, { formToken: formToken!, headers });
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ code: 'too_fast', retryAfter: expect.any(Number) });
    await new Promise((r) => setTimeout(r, 3_100));
    expect((await postComment(hub, item, visitor, { formToken: formToken!, headers })).status).toBe(201);
  });

  it('refuses tampered, misdirected, expired and future tokens', async () => {
    const item = await createItem('noumea');
    const other = await createItem('noumea');
    const visitor = newVisitor();
    const headers = fromNewAddress();
    const valid = await oldFormToken(item, visitor);
    const tampered = valid.slice(0, -2) + (valid.endsWith('AA') ? 'BB' : 'AA');
    const issue = (purpose: string, subject: string, ageMs: number) =>
      issueFormToken({
        purpose,
        subject,
        visitor: { hash: hashVisitorKey(visitor) },
        issuedAt: new Date(Date.now() - ageMs),
      });
    const cases: [string, number, string][] = [
      [tampered, 400, 'form_token_invalid'],
      ['not-a-token', 400, 'form_token_invalid'],
      [`${valid}.extra`, 400, 'form_token_invalid'],
      [await oldFormToken(other, visitor), 400, 'form_token_invalid'],
      [await issue('wish', item, 5_000), 400, 'form_token_invalid'],
      [await issue(ITEM_FORMS, item, 3 * 3_600_000), 422, 'form_token_expired'],
      [await issue(ITEM_FORMS, item, -3_600_000), 400, 'form_token_invalid'],
    ];
    for (const [formToken, status, code] of cases) {
      const res = await postComment(hub, item, visitor, { formToken, headers });
      expect(await codeOf(res), code).toEqual([status, code]);
    }
    expect(await CommentModel.countDocuments({ itemId: item })).toBe(0);
  });

  it('is good for one comment: a replay is refused in French with form_token_used, even sent at once', async () => {
    const item = await createItem('noumea');
    const visitor = newVisitor();
    const headers = fromNewAddress();
    const formToken = await oldFormToken(item, visitor);
    expect((await postComment(hub, item, visitor, { formToken, headers, body: 'Première' })).status).toBe(201);
    const replay = await postComment(hub, item, visitor, { formToken, headers, body: 'Seconde' });
    expect(replay.status).toBe(409);
    expect(await replay.json()).toMatchObject({
      code: 'form_token_used',
      detail: expect.stringContaining('déjà été envoyé'),
    });
    // Five different comments sent at the same instant with one fresh token: one is stored.
    const racer = newVisitor();
    const shared = await oldFormToken(item, racer);
    const statuses = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        postComment(hub, item, racer, { formToken: shared, headers, body: `Course ${n}` }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(4);
    expect(await CommentModel.countDocuments({ itemId: item, visitor: hashVisitorKey(racer) })).toBe(1);
  });

  it('stays usable after a comment refused for its content, and is spent by the one that is stored', async () => {
    const item = await createItem('noumea');
    const visitor = newVisitor();
    const headers = fromNewAddress();
    const formToken = await oldFormToken(item, visitor);
    const refused = await postComment(hub, item, visitor, { formToken, headers, body: ' \u0001 ' });
    expect(refused.status).toBe(400);
    expect((await postComment(hub, item, visitor, { formToken, headers })).status).toBe(201);
  });

  it('refuses a token asked for with another visitor key (403 form_token_foreign)', async () => {
    const item = await createItem('noumea');
    const owner = newVisitor();
    const formToken = await oldFormToken(item, owner);
    const res = await postComment(hub, item, newVisitor(), { formToken, headers: fromNewAddress() });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: 'form_token_foreign',
      title: "Formulaire d'un autre visiteur",
      detail: expect.stringContaining('autre identifiant de visiteur'),
    });
  });

  it('stops the measured attack: one token and 110 fresh visitor keys publish nothing', async () => {
    const item = await createItem('noumea');
    const owner = newVisitor();
    const { formToken } = await getThread(hub, item, '', owner);
    advance(5_000); // the form has been open for 5 s
    const headers = fromNewAddress();
    const started = Date.now();
    const codes: string[] = [];
    for (let batch = 0; batch < 110; batch += 22) {
      const sent = Array.from({ length: 22 }, (_, i) =>
        postComment(hub, item, newVisitor(), {
          formToken: formToken!,
          headers,
          body: `Commentaire automatique ${batch + i}`,
        }).then(async (r) => (await codeOf(r))[1]),
      );
      codes.push(...(await Promise.all(sent)));
    }
    expect(codes).toHaveLength(110);
    expect(new Set(codes)).toEqual(new Set(['form_token_foreign']));
    expect(await CommentModel.countDocuments({ itemId: item })).toBe(0);
    // The owner may still use it, once.
    expect((await postComment(hub, item, owner, { formToken: formToken!, headers })).status).toBe(201);
    expect((await postComment(hub, item, owner, { formToken: formToken!, headers })).status).toBe(409);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe('the form-token service (for feedback and wishes)', () => {
  const visitor = { hash: hashVisitorKey('service-visitor-0123456789abc') };

  it('checks without spending, then spends once', async () => {
    const token = await issueFormToken({ purpose: 'wish', subject: 'new', visitor });
    advance(4_000);
    const claim = await checkFormToken({ token, purpose: 'wish', subject: 'new', visitor });
    expect(claim).toMatchObject({ purpose: 'wish', nonce: expect.any(String) });
    await checkFormToken({ token, purpose: 'wish', subject: 'new', visitor }); // still unused
    await consumeFormToken({ token, purpose: 'wish', subject: 'new', visitor });
    await expect(consumeFormToken({ token, purpose: 'wish', subject: 'new', visitor })).rejects.toMatchObject({
      code: 'form_token_used',
      kind: 'conflict',
    });
    await expect(checkFormToken({ token, purpose: ITEM_FORMS, subject: 'new', visitor })).rejects.toMatchObject({
      code: 'form_token_invalid',
    });
  });

  it('refuses a purpose that is not a lower-case word', async () => {
    await expect(issueFormToken({ purpose: 'Wish Form', subject: 'x', visitor })).rejects.toThrow(/purpose/);
  });

  it('forgets used tokens once they would have expired anyway (daily purge)', async () => {
    const token = await issueFormToken({ purpose: 'wish', subject: 'purge', visitor });
    advance(4_000);
    await consumeFormToken({ token, purpose: 'wish', subject: 'purge', visitor });
    const before = await UsedFormTokenModel.countDocuments();
    expect((await purgeExpiredModerationData(new Date())).formTokens).toBe(0);
    const report = await purgeExpiredModerationData(new Date(Date.now() + 3 * 3_600_000));
    expect(report.formTokens).toBeGreaterThanOrEqual(1);
    expect(await UsedFormTokenModel.countDocuments()).toBeLessThan(before);
  });
});
