import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerModel } from '../../../hub/partners/partner-model.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';

let hub: TestHub;

async function makeToken(role: string, partnerId?: string): Promise<string> {
  const res = await hub.request('/api/v1/admin/tokens', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { name: `${role} widgets`, role, partnerId },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'widgetdemo' });
  await PartnerModel.updateOne({ _id: 'noumea' }, { $set: { allowedOrigins: ['https://www.noumea.nc'] } });
});
afterAll(() => hub.stop());

describe('GET /widgets/demo', () => {
  it('is a French HTML page with every widget and its escaped snippet', async () => {
    const res = await hub.request('/widgets/demo');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    for (const tag of ['<passerelle-news', '<passerelle-search', '<iframe src="/widgets/v1/frame/news'])
      expect(html).toContain(tag);
    expect(html).toContain(
      '<pre tabindex="0"><code>&lt;script src=&quot;http://portal.test/widgets/v1/embed.js&quot; defer&gt;&lt;/script&gt;</code></pre>',
    );
  });
});

describe('GET /api/v1/admin/partners/:id/snippets', () => {
  it('needs a bearer token', async () => {
    expect((await hub.request('/api/v1/admin/partners/noumea/snippets')).status).toBe(401);
  });

  it('refuses the admin of another partner', async () => {
    const token = await makeToken('partner-admin', 'lifou');
    expect((await hub.request('/api/v1/admin/partners/noumea/snippets', { token })).status).toBe(403);
  });

  it("gives the partner's own admin its snippets, on the public URL", async () => {
    const token = await makeToken('partner-admin', 'noumea');
    const res = await hub.request('/api/v1/admin/partners/noumea/snippets?item=abc123', { token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      script: '<script src="http://portal.test/widgets/v1/embed.js" defer></script>',
      news: '<passerelle-news partner="noumea" limit="5"></passerelle-news>',
      search: '<passerelle-search partner="noumea"></passerelle-search>',
      article: '<passerelle-article item="abc123"></passerelle-article>',
      iframe:
        '<iframe src="http://portal.test/widgets/v1/frame/news?partner=noumea&amp;origin=https%3A%2F%2Fwww.noumea.nc&amp;id=passerelle-actualites" title="Actualités — Nouméa" loading="lazy" style="width:100%;height:600px;border:0"></iframe>\n' +
        '<script src="http://portal.test/widgets/v1/frame.js" async></script>',
    });
  });

  it('404s an unknown partner for a platform admin', async () => {
    expect((await hub.request('/api/v1/admin/partners/inconnu/snippets', { token: TEST_ADMIN_TOKEN })).status).toBe(
      404,
    );
  });
});
