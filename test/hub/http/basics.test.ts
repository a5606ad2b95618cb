import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ label: 'http', env: { BODY_LIMIT_KB: '2' } });
});
afterAll(() => hub.stop());

describe('HTTP basics', () => {
  it('answers /healthz and /readyz when the database is reachable', async () => {
    expect(await (await hub.request('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await hub.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: true } });
  });

  it('gives every response a request id, and keeps a sane incoming one', async () => {
    const res = await hub.request('/healthz');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await hub.request('/healthz', { headers: { 'X-Request-Id': 'abc-12345678' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-12345678');
    const replaced = await hub.request('/healthz', { headers: { 'X-Request-Id': '<script>' } });
    expect(replaced.headers.get('x-request-id')).not.toBe('<script>');
  });

  it('sets security headers', async () => {
    const res = await hub.request('/api/v1/partners');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await hub.request('/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({
      status: 404,
      code: 'not_found',
      instance: '/nope',
      requestId: res.headers.get('x-request-id'),
    });
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const res = await hub.request('/api/v1/partners', { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
    expect(await res.json()).toMatchObject({ code: 'method_not_allowed' });
  });

  it('refuses malformed JSON, wrong content types and oversized bodies with clear problems', async () => {
    const auth = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const bad = await hub.request('/api/v1/admin/partners', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"id":',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_json' });
    const text = await hub.request('/api/v1/admin/partners', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(415);
    const big = await hub.request('/api/v1/admin/partners', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { id: 'big', name: 'x'.repeat(5000), kind: 'other' },
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 'body_too_large' });
  });

  it('guards admin routes whatever the case of the path', async () => {
    for (const path of ['/API/v1/admin/partners', '/api/v1/Admin/sources', '/api/V1/admin/tokens']) {
      expect((await hub.request(path)).status, path).toBe(401);
    }
  });

  it('answers a malformed path with 404, not 500', async () => {
    const res = await hub.request('/api/v1/items/%E0%A4%A/likes', {
      method: 'POST',
      headers: { 'Passerelle-Visitor': 'visitor-0123456789abcdefghij' },
    });
    expect(res.status).toBe(404);
  });

  it('never leaks a stack trace', async () => {
    const res = await hub.request('/api/v1/admin/partners/%E0%A4%A', { token: TEST_ADMIN_TOKEN });
    const text = await res.text();
    expect(res.status).toBeLessThan(500);
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each([
    ['__proto__ at the top', '{"__proto__": {"isAdmin": true}}', '__proto__'],
    [
      'constructor.prototype nested',
      '{"moderation": {"constructor": {"prototype": {"x": 1}}}}',
      'moderation.constructor',
    ],
    ['prototype inside an array', '{"allowedOrigins": [{"prototype": 1}]}', 'allowedOrigins.0.prototype'],
  ])('refuses a body with %s in French (invalid_input), and changes nothing', async (_label, body, field) => {
    const before = await (await hub.request('/api/v1/admin/partners', { token: TEST_ADMIN_TOKEN })).text();
    for (const path of ['/api/v1/admin/partners/noumea', '/api/v1/items/x/comments']) {
      const res = await hub.request(path, {
        method: path.includes('admin') ? 'PATCH' : 'POST',
        headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body,
      });
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { code: string; title: string; errors: { field: string }[] };
      expect(problem).toMatchObject({ code: 'invalid_input', title: 'Données invalides' });
      expect(problem.errors[0]?.field).toBe(field);
    }
    expect(await (await hub.request('/api/v1/admin/partners', { token: TEST_ADMIN_TOKEN })).text()).toBe(before);
  });

  it('refuses admin writes whose body is not declared JSON (text/plain JSON included), not bodiless ones', async () => {
    for (const method of ['POST', 'PATCH', 'PUT']) {
      const res = await hub.request('/api/v1/admin/partners/noumea', {
        method,
        headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'Content-Type': 'text/plain' },
        body: '{"name": "Ville piratée"}',
      });
      expect(res.status, method).toBe(415);
      expect(await res.json()).toMatchObject({
        code: 'unsupported_media_type',
        title: 'Type de contenu non pris en charge',
      });
    }
    const form = await hub.request('/api/v1/admin/tokens', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=x&role=platform-admin',
    });
    expect(form.status).toBe(415);
    // Without a token the caller learns nothing more than 401.
    const anonymous = await hub.request('/api/v1/admin/partners/noumea', {
      method: 'PATCH',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
    // A write without a body is not refused for its missing type (it reaches the route: 404 here).
    const bodiless = await hub.request('/api/v1/admin/sources/nope/run', { method: 'POST', token: TEST_ADMIN_TOKEN });
    expect(bodiless.status).toBe(404);
  });
});
