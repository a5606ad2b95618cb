import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../hub/app.js';
import { loadConfig } from '../../../hub/config.js';
import { createLogger } from '../../../hub/log.js';
import { createServices } from '../../../hub/services.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: object }>>;
  components: { schemas: Record<string, unknown> };
};

let hub: TestHub;
let doc: Doc;

beforeAll(async () => {
  hub = await startTestHub({ label: 'openapi' });
  const res = await hub.request('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as Doc;
});
afterAll(() => hub.stop());

/** Every (method, path) the Koa routers really serve. */
function servedRoutes(): string[] {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const log = createLogger('silent');
  const { app } = createApp({ config, log, services: createServices(config, log) });
  const routes = new Set<string>();
  for (const mw of app.middleware as unknown as { router?: { stack: { path: string; methods: string[] }[] } }[]) {
    for (const layer of mw.router?.stack ?? []) {
      for (const method of layer.methods.filter((m) => m !== 'HEAD'))
        routes.add(`${method.toLowerCase()} ${layer.path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return [...routes].sort();
}

describe('GET /api/v1/openapi.json', () => {
  it('is OpenAPI 3.1 and describes exactly the routes the server serves', () => {
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    const served = servedRoutes();
    expect(served.length).toBeGreaterThan(10);
    expect(documented).toEqual(served);
  });

  it('resolves every $ref to a component', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(20);
    for (const name of refs) expect(doc.components.schemas, `missing component ${name}`).toHaveProperty(String(name));
  });

  it('answers 401 on every bearer route when no token or a wrong one is sent', async () => {
    const bearer = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => (op as { security?: unknown[] }).security)
        .map(([method]) => [method.toUpperCase(), path.replace(/\{\w+\}/g, 'x')] as const),
    );
    expect(bearer.length).toBeGreaterThan(20);
    for (const [method, path] of bearer) {
      expect((await hub.request(path, { method })).status, `${method} ${path}`).toBe(401);
      expect((await hub.request(path, { method, token: 'not-a-token' })).status, `${method} ${path}`).toBe(401);
    }
  });

  it('documents 401 on every bearer route', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/admin/')) continue;
      for (const op of Object.values(ops)) expect(op.responses).toHaveProperty('401');
    }
  });
});
