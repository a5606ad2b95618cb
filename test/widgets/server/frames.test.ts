import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemModel } from '../../../hub/items/item-model.js';
import { PartnerModel } from '../../../hub/partners/partner-model.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'widgetframes' });
  await PartnerModel.updateOne(
    { _id: 'noumea' },
    { $set: { allowedOrigins: ['https://www.noumea.nc', 'https://mairie.noumea.nc'] } },
  );
  await PartnerModel.updateOne(
    { _id: 'lifou' },
    { $set: { allowedOrigins: ['https://lifou.nc'], status: 'inactive' } },
  );
  const now = new Date();
  await ItemModel.create({
    _id: 'item-frame-1',
    partnerId: 'noumea',
    sourceId: 'src-noumea',
    guid: 'g1',
    url: 'https://www.noumea.nc/actu/1',
    title: 'Fermeture de la piscine',
    type: 'news',
    topics: [],
    audience: [],
    territory: { scope: 'commune', communes: ['98818'] },
    language: 'fr',
    contentHash: 'h1',
    status: 'published',
    revision: 1,
    firstSeenAt: now,
    lastSeenAt: now,
    publishedAt: now,
  });
});
afterAll(() => hub.stop());

function frameAncestors(res: Response): string[] {
  const csp = res.headers.get('content-security-policy') ?? '';
  return (/frame-ancestors ([^;]+)/.exec(csp)?.[1] ?? '').trim().split(/\s+/);
}

describe('widget iframes', () => {
  it("lets the partner's allowed origins and the hub frame the news page", async () => {
    const res = await hub.request('/widgets/v1/frame/news?partner=noumea&origin=https://www.noumea.nc&id=f1&limit=3');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(frameAncestors(res)).toEqual([
      "'self'",
      'http://portal.test',
      'https://www.noumea.nc',
      'https://mairie.noumea.nc',
    ]);
    expect(res.headers.get('x-frame-options')).toBeNull();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<title>Actualités — Nouméa</title>');
    expect(html).toContain('<passerelle-news partner="noumea" limit="3" lang="fr"></passerelle-news>');
    expect(html).toContain(
      '<script src="/widgets/v1/embed.js" data-frame-origin="https://www.noumea.nc" data-frame-id="f1"></script>',
    );
  });

  it('takes the partner of the item for an article frame', async () => {
    const res = await hub.request('/widgets/v1/frame/article?item=item-frame-1&parent=https://mairie.noumea.nc');
    expect(frameAncestors(res)).toContain('https://mairie.noumea.nc');
    const html = await res.text();
    expect(html).toContain('<passerelle-article item="item-frame-1" lang="fr">');
    expect(html).toContain('data-frame-origin="https://mairie.noumea.nc"');
  });

  it('allows only the hub without a partner, and never posts to an origin that is not allowed', async () => {
    const res = await hub.request('/widgets/v1/frame/search?origin=https://evil.example&lang=en');
    expect(frameAncestors(res)).toEqual(["'self'", 'http://portal.test']);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).not.toContain('data-frame-origin');
    expect(html).not.toContain('evil.example');
  });

  it('ignores the allowed origins of an inactive partner and of an unknown item', async () => {
    expect(frameAncestors(await hub.request('/widgets/v1/frame/news?partner=lifou'))).toEqual([
      "'self'",
      'http://portal.test',
    ]);
    expect(frameAncestors(await hub.request('/widgets/v1/frame/article?item=nope'))).toEqual([
      "'self'",
      'http://portal.test',
    ]);
  });

  it('drops attribute values that do not match their pattern instead of echoing them', async () => {
    const html = await (
      await hub.request('/widgets/v1/frame/news?partner=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&limit=abc&theme=dark')
    ).text();
    expect(html).not.toMatch(/alert|limit=/);
    expect(html).toContain('<passerelle-news theme="dark" lang="fr">');
  });

  it('escapes the search query', async () => {
    const html = await (await hub.request('/widgets/v1/frame/search?q=%22%3E%3Cimg%20src%3Dx%3E')).text();
    expect(html).toContain('q="&quot;&gt;&lt;img src=x&gt;"');
  });
});
