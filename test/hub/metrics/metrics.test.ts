import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeRateLimits } from '../../../hub/interaction/rate-limit.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { createItem, newVisitor } from '../interaction/fixtures.js';

let hub: TestHub;

// Loopback may read the metrics; a client behind the (trusted, loopback) proxy may not.
beforeAll(async () => {
  hub = await startTestHub({
    seed: true,
    label: 'metrics',
    env: { METRICS_ALLOW: '127.0.0.0/8,::1', TRUSTED_PROXIES: '127.0.0.1' },
  });
});
afterAll(() => hub.stop());

const FROM_OUTSIDE = { 'X-Forwarded-For': '203.0.113.7' };

async function scrape(headers: Record<string, string> = {}): Promise<PrometheusFamily[]> {
  const res = await hub.request('/metrics', { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusTextFormat(await res.text());
}

function family(families: PrometheusFamily[], name: string): PrometheusFamily {
  const found = families.find((f) => f.name === name);
  if (!found) throw new Error(`metric ${name} missing`);
  return found;
}

/** The value of the series whose labels include `labels` (0 when absent). */
function valueOf(families: PrometheusFamily[], name: string, labels: Record<string, string> = {}): number {
  const sample = family(families, name).metrics.find((m) =>
    Object.entries(labels).every(([k, v]) => m.labels?.[k] === v),
  );
  return Number(sample?.value ?? sample?.count ?? 0);
}

describe('GET /metrics', () => {
  it('refuses a client neither allowed by address nor holding a platform-admin token, in French', async () => {
    const res = await hub.request('/metrics', { headers: FROM_OUTSIDE });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { code: string; detail: string };
    expect(body.code).toBe('forbidden');
    expect(body.detail).toMatch(/réservées aux administrateurs/);
    const badToken = await hub.request('/metrics', { headers: FROM_OUTSIDE, token: 'not-a-token-at-all-0123456789' });
    expect(badToken.status).toBe(403);
  });

  it('answers a platform-admin token from anywhere, and an allowed address without one', async () => {
    const withToken = await scrape({ ...FROM_OUTSIDE, Authorization: `Bearer ${TEST_ADMIN_TOKEN}` });
    const byAddress = await scrape();
    for (const families of [withToken, byAddress]) {
      expect(family(families, 'process_resident_memory_bytes').type).toBe('GAUGE');
      expect(family(families, 'nodejs_heap_size_used_bytes').type).toBe('GAUGE');
      expect(family(families, 'nodejs_eventloop_lag_p99_seconds').type).toBe('GAUGE');
      expect(family(families, 'passerelle_http_request_duration_seconds').type).toBe('HISTOGRAM');
    }
    expect(valueOf(byAddress, 'process_resident_memory_bytes')).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('counts requests by route pattern and status, never by raw path', async () => {
    const item = await createItem();
    const before = await scrape();
    const route = { method: 'GET', route: '/api/v1/items/:id', status: '200' };
    for (let i = 0; i < 3; i += 1) expect((await hub.request(`/api/v1/items/${item}`)).status).toBe(200);
    expect((await hub.request('/api/v1/items/no-such-item')).status).toBe(404);
    expect((await hub.request(`/no/such/route/${item}`)).status).toBe(404);
    const after = await scrape();
    expect(valueOf(after, 'passerelle_http_requests_total', route)).toBe(
      valueOf(before, 'passerelle_http_requests_total', route) + 3,
    );
    const missing = { method: 'GET', route: '/api/v1/items/:id', status: '404' };
    expect(valueOf(after, 'passerelle_http_requests_total', missing)).toBe(
      valueOf(before, 'passerelle_http_requests_total', missing) + 1,
    );
    const unmatched = { route: '(unmatched)', status: '404' };
    expect(valueOf(after, 'passerelle_http_requests_total', unmatched)).toBeGreaterThanOrEqual(1);
    // The parser folds a labelled histogram's series into one (parse-prometheus-text-format
    // 1.1): it checks the family and its buckets, one exposition line gives the count.
    expect(family(after, 'passerelle_http_request_duration_seconds').metrics[0]?.buckets).toHaveProperty('0.1');
    const text = await (await hub.request('/metrics')).text();
    const count =
      /^passerelle_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/items\/:id",status="200"\} (\d+)$/m.exec(
        text,
      );
    expect(Number(count?.[1])).toBeGreaterThanOrEqual(3);
    expect(text).not.toContain(item);
  });

  it('counts likes, rate-limit refusals and index builds when they happen', async () => {
    const before = await scrape();
    const item = await createItem();
    const visitor = newVisitor();
    const like = () =>
      hub.request(`/api/v1/items/${item}/likes`, { method: 'POST', headers: { 'Passerelle-Visitor': visitor } });
    expect((await like()).status).toBe(200);
    expect((await like()).status).toBe(200); // the same visitor again: no new like
    const rule = { name: 'metrics-test', limit: 1, windowMs: 60_000 };
    await consumeRateLimits([{ rule, key: newVisitor() }]);
    await expect(
      consumeRateLimits([{ rule, key: 'same-key' }]).then(() => consumeRateLimits([{ rule, key: 'same-key' }])),
    ).rejects.toThrow();
    await hub.services.catalog.search.refresh();
    const after = await scrape();
    expect(valueOf(after, 'passerelle_likes_written_total')).toBe(
      valueOf(before, 'passerelle_likes_written_total') + 1,
    );
    expect(valueOf(after, 'passerelle_rate_limit_refusals_total', { rule: 'metrics-test' })).toBe(1);
    expect(valueOf(after, 'passerelle_search_index_build_seconds')).toBe(
      valueOf(before, 'passerelle_search_index_build_seconds') + 1,
    );
    expect(valueOf(after, 'passerelle_search_index_bytes')).toBeGreaterThan(0);
    // No run failed meanwhile (counters are the process's: the files of a worker share it, vitest.config.ts).
    expect(valueOf(after, 'passerelle_source_runs_total', { status: 'failed' })).toBe(
      valueOf(before, 'passerelle_source_runs_total', { status: 'failed' }),
    );
  });
});
