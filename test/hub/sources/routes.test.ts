import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemModel } from '../../../hub/items/item-model.js';
import { SourceModel } from '../../../hub/sources/source-model.js';
import { startLoopbackServer, serve, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { makeRss, numberedEntries } from '../../helpers/rss.js';

let hub: TestHub;
let site: LoopbackServer;
let noumeaAdmin: string;
let lifouAdmin: string;
let noumeaModerator: string;

async function token(role: string, partnerId: string): Promise<string> {
  const res = await hub.request('/api/v1/admin/tokens', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { name: 'agent', role, partnerId },
  });
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'sources' });
  site = await startLoopbackServer();
  site.route('/rss', serve(makeRss(numberedEntries(25)), 'application/rss+xml'));
  noumeaAdmin = await token('partner-admin', 'noumea');
  lifouAdmin = await token('partner-admin', 'lifou');
  noumeaModerator = await token('moderator', 'noumea');
});
afterAll(async () => {
  await site.close();
  await hub.stop();
});

describe('source configuration', () => {
  it('creates a source with defaults and a first run due now', async () => {
    const res = await hub.request('/api/v1/admin/sources', {
      method: 'POST',
      token: noumeaAdmin,
      json: { partnerId: 'noumea', kind: 'feed', url: `${site.origin}/rss`, name: 'Actualités' },
    });
    expect(res.status).toBe(201);
    const source = (await res.json()) as {
      id: string;
      schedule: string;
      enabled: boolean;
      complete: boolean;
      state: { nextRunAt: string; consecutiveFailures: number };
    };
    expect(source).toMatchObject({ schedule: '*/30 * * * *', enabled: true, state: { consecutiveFailures: 0 } });
    expect(source).not.toHaveProperty('complete'); // the connector decides: a feed is not complete
    expect(Date.parse(source.state.nextRunAt)).toBeLessThanOrEqual(Date.now());
    expect(res.headers.get('location')).toBe(`/api/v1/admin/sources/${source.id}`);
  });

  it.each([
    [{ partnerId: 'noumea', kind: 'feed', url: 'http://x.nc/rss', schedule: '61 * * * *' }, 'schedule'],
    [{ partnerId: 'noumea', kind: 'json-api', url: 'http://x.nc/api' }, 'mapping'],
    [{ partnerId: 'noumea', kind: 'feed', url: 'http://x.nc/rss', mapping: { fields: { title: 'title' } } }, 'mapping'],
    [{ partnerId: 'noumea', kind: 'rss', url: 'http://x.nc/rss' }, 'kind'],
    [{ partnerId: 'noumea', kind: 'feed', url: 'file:///etc/passwd' }, 'url'],
    [{ partnerId: 'noumea', kind: 'feed', url: 'http://[::127.0.0.1]/rss' }, 'url'],
    [{ partnerId: 'noumea', kind: 'feed', url: 'http://[::ffff:a9fe:a9fe]/latest/meta-data' }, 'url'],
    [{ partnerId: 'noumea', kind: 'json-api', url: 'http://x.nc/api', mapping: { fields: {} } }, 'mapping.fields'],
    [{ partnerId: 'noumea', kind: 'feed', url: 'http://x.nc/rss', defaults: { type: 'gossip' } }, 'defaults.type'],
  ])('refuses %j naming %s, and stores nothing', async (json, field) => {
    const before = await SourceModel.countDocuments();
    const res = await hub.request('/api/v1/admin/sources', { method: 'POST', token: TEST_ADMIN_TOKEN, json });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toContain(field);
    expect(await SourceModel.countDocuments()).toBe(before);
  });

  it.each(['* * * * * *', '*/10 * * * * *'])(
    'refuses the six-field cron %j (seconds) with a French reason, on creation and on change',
    async (schedule) => {
      const json = { partnerId: 'noumea', kind: 'feed', url: 'http://x.nc/every-second.rss', schedule };
      const res = await hub.request('/api/v1/admin/sources', { method: 'POST', token: TEST_ADMIN_TOKEN, json });
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { code: string; errors: { field: string; message: string }[] };
      expect(problem.code).toBe('invalid_input');
      const message = problem.errors.find((e) => e.field === 'schedule')?.message;
      expect(message).toContain('5 champs attendus');
      expect(message).toContain('les secondes ne sont pas acceptées');
      expect(await SourceModel.countDocuments({ url: json.url })).toBe(0);

      const created = await hub.request('/api/v1/admin/sources', {
        method: 'POST',
        token: TEST_ADMIN_TOKEN,
        json: { ...json, schedule: '*/5 * * * *', url: `http://x.nc/six-${schedule.length}.rss` },
      });
      const { id } = (await created.json()) as { id: string };
      const patch = await hub.request(`/api/v1/admin/sources/${id}`, {
        method: 'PATCH',
        token: TEST_ADMIN_TOKEN,
        json: { schedule },
      });
      expect(patch.status).toBe(400);
      expect((await SourceModel.findById(id).lean())?.schedule).toBe('*/5 * * * *');
    },
  );

  it("refuses the same address twice (every item would be listed twice) without naming another partner's source", async () => {
    const res = await hub.request('/api/v1/admin/sources', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { partnerId: 'dumbea', kind: 'feed', url: `${site.origin}/rss` },
    });
    expect(res.status).toBe(409);
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe('source_exists');
    const existing = await SourceModel.findOne({ url: `${site.origin}/rss` }).lean<{ _id: string }>();
    expect(problem.detail).not.toContain('noumea');
    expect(problem.detail).not.toContain(existing?._id);
  });

  it('answers 409 to a PATCH onto an address another source uses, naming it only to its own partner', async () => {
    const create = async (partnerId: string, path: string) => {
      const res = await hub.request('/api/v1/admin/sources', {
        method: 'POST',
        token: TEST_ADMIN_TOKEN,
        json: { partnerId, kind: 'feed', url: `${site.origin}${path}`, enabled: false },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const [ownA, ownB, dumbea] = [
      await create('noumea', '/patch-a'),
      await create('noumea', '/patch-b'),
      await create('dumbea', '/patch-c'),
    ];
    const patch = (id: string, path: string, token = TEST_ADMIN_TOKEN) =>
      hub.request(`/api/v1/admin/sources/${id}`, { method: 'PATCH', token, json: { url: `${site.origin}${path}` } });
    const foreign = await patch(dumbea, '/patch-a');
    expect(foreign.status).toBe(409);
    const foreignProblem = (await foreign.json()) as { code: string; detail: string };
    expect(foreignProblem.code).toBe('source_exists');
    expect(foreignProblem.detail).not.toContain(ownA);
    expect(foreignProblem.detail).not.toContain('noumea');
    const own = await patch(ownB, '/patch-a', noumeaAdmin);
    expect(own.status).toBe(409);
    expect(((await own.json()) as { detail: string }).detail).toContain(ownA);
    expect((await SourceModel.findById(dumbea).lean<{ url: string }>())?.url).toBe(`${site.origin}/patch-c`);
  });

  it('lets moderators moderate, not list sources', async () => {
    expect((await hub.request('/api/v1/admin/sources', { token: noumeaModerator })).status).toBe(403);
    expect((await hub.request('/api/v1/admin/alerts', { token: noumeaModerator })).status).toBe(403);
  });

  it('refuses an unknown partner', async () => {
    const res = await hub.request('/api/v1/admin/sources', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { partnerId: 'atlantide', kind: 'feed', url: 'http://x.nc/rss' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('partnerId');
  });

  it('keeps partner admins to their own partner', async () => {
    const create = await hub.request('/api/v1/admin/sources', {
      method: 'POST',
      token: lifouAdmin,
      json: { partnerId: 'noumea', kind: 'feed', url: `${site.origin}/rss` },
    });
    expect(create.status).toBe(403);
    const mine = (await (await hub.request('/api/v1/admin/sources', { token: noumeaAdmin })).json()) as {
      sources: { id: string; partnerId: string }[];
    };
    expect(mine.sources.length).toBeGreaterThan(0);
    const id = mine.sources[0]!.id;
    expect((await hub.request(`/api/v1/admin/sources/${id}`, { token: lifouAdmin })).status).toBe(403);
    expect(
      (await hub.request(`/api/v1/admin/sources/${id}`, { method: 'PATCH', token: lifouAdmin, json: { name: 'x' } }))
        .status,
    ).toBe(403);
    expect((await hub.request(`/api/v1/admin/sources/${id}/run`, { method: 'POST', token: lifouAdmin })).status).toBe(
      403,
    );
    expect(
      (await hub.request(`/api/v1/admin/sources/${id}/preview`, { method: 'POST', token: lifouAdmin })).status,
    ).toBe(403);
    expect((await hub.request(`/api/v1/admin/sources/${id}/runs`, { token: lifouAdmin })).status).toBe(403);
    expect((await hub.request(`/api/v1/admin/sources/${id}`, { method: 'DELETE', token: lifouAdmin })).status).toBe(
      403,
    );
    expect(
      (
        await hub.request('/api/v1/admin/sources/preview', {
          method: 'POST',
          token: lifouAdmin,
          json: { partnerId: 'noumea', kind: 'feed', url: `${site.origin}/rss` },
        })
      ).status,
    ).toBe(403);
    expect((await hub.request('/api/v1/admin/sources?partner=noumea', { token: lifouAdmin })).status).toBe(403);
    expect(
      (await hub.request(`/api/v1/admin/sources/${id}`, { method: 'DELETE', token: noumeaModerator })).status,
    ).toBe(403);
    const theirs = (await (await hub.request('/api/v1/admin/sources', { token: lifouAdmin })).json()) as {
      sources: unknown[];
    };
    expect(theirs.sources).toHaveLength(0);
  });

  it.each([
    ['POST', '/api/v1/admin/sources'],
    ['GET', '/api/v1/admin/sources'],
    ['GET', '/api/v1/admin/alerts'],
    ['POST', '/api/v1/admin/sources/preview'],
    ['GET', '/api/v1/admin/sources/abc'],
    ['PATCH', '/api/v1/admin/sources/abc'],
    ['DELETE', '/api/v1/admin/sources/abc'],
    ['POST', '/api/v1/admin/sources/abc/preview'],
    ['POST', '/api/v1/admin/sources/abc/run'],
    ['GET', '/api/v1/admin/sources/abc/runs'],
  ])('%s %s needs a token', async (method, path) => {
    expect((await hub.request(path, { method })).status).toBe(401);
  });

  it('changes the schedule, refusing to change partner or kind', async () => {
    const [source] = (
      (await (await hub.request('/api/v1/admin/sources', { token: noumeaAdmin })).json()) as {
        sources: { id: string }[];
      }
    ).sources;
    const ok = await hub.request(`/api/v1/admin/sources/${source!.id}`, {
      method: 'PATCH',
      token: noumeaAdmin,
      json: { schedule: '0 6 * * *' },
    });
    expect(ok.status).toBe(200);
    const next = new Date(((await ok.json()) as { state: { nextRunAt: string } }).state.nextRunAt);
    expect(next.getUTCHours()).toBe(19); // 06:00 in Nouméa (UTC+11)
    const bad = await hub.request(`/api/v1/admin/sources/${source!.id}`, {
      method: 'PATCH',
      token: noumeaAdmin,
      json: { kind: 'json-api', partnerId: 'lifou' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'kind',
      'partnerId',
    ]);
  });
});

describe('preview', () => {
  it('previews an unsaved configuration: 20 normalized items, nothing saved', async () => {
    const res = await hub.request('/api/v1/admin/sources/preview', {
      method: 'POST',
      token: noumeaAdmin,
      json: { partnerId: 'noumea', kind: 'feed', url: `${site.origin}/rss`, defaults: { topics: ['vie-municipale'] } },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      fetched: number;
      items: { title: string; partnerId: string; topics: string[] }[];
    };
    expect(body.fetched).toBe(25);
    expect(body.items).toHaveLength(20);
    expect(body.items[0]).toMatchObject({
      partnerId: 'noumea',
      topics: ['vie-municipale'],
      title: 'Actualité numéro 0 de la commune',
    });
    expect(await ItemModel.countDocuments()).toBe(0);
  });

  it('previews a saved source without saving, and says why a source cannot be read', async () => {
    const [source] = (
      (await (await hub.request('/api/v1/admin/sources', { token: noumeaAdmin })).json()) as {
        sources: { id: string }[];
      }
    ).sources;
    const res = await hub.request(`/api/v1/admin/sources/${source!.id}/preview`, {
      method: 'POST',
      token: noumeaAdmin,
    });
    expect(res.status).toBe(200);
    expect(await ItemModel.countDocuments()).toBe(0);
    const broken = await hub.request('/api/v1/admin/sources/preview', {
      method: 'POST',
      token: noumeaAdmin,
      json: { partnerId: 'noumea', kind: 'feed', url: `${site.origin}/missing` },
    });
    expect(broken.status).toBe(422);
    expect(await broken.json()).toMatchObject({ code: 'source_failed', error: { code: 'http_4xx', httpStatus: 404 } });
  });
});
