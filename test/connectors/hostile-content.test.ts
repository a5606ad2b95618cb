/**
 * Whatever a partner sends, no script, handler, dangerous URL or embedding element
 * survives mapping: one item per payload, served by a real feed and a real JSON API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnector, type ConnectorResult, type Fetcher } from '../../connectors/index.js';
import { makeSource } from './helpers/fixtures.js';
import { createTestFetcher, serve, startLoopbackServer, type LoopbackServer } from './helpers/loopback-server.js';

const PAYLOADS: Array<[string, string]> = [
  ['script tag', '<p>Avant</p><script>alert(1)</script><p>Après</p>'],
  ['img onerror', '<img src="/photo.jpg" onerror="alert(1)">'],
  ['unclosed img onerror', '<img src=x onerror=alert(1)//'],
  ['javascript: link', '<a href="javascript:alert(1)">clic</a>'],
  ['mixed-case javascript:', '<a href="JaVaScRiPt:alert(1)">clic</a>'],
  ['entity-encoded javascript:', '<a href="&#106;avascript:alert(1)">clic</a>'],
  ['tab inside javascript:', '<a href="jav&#x09;ascript:alert(1)">clic</a>'],
  ['leading space javascript:', '<a href=" javascript:alert(1)">clic</a>'],
  ['vbscript: link', '<a href="vbscript:msgbox(1)">clic</a>'],
  ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">clic</a>'],
  ['data: image', '<img src="data:image/png;base64,iVBORw0KGgo=">'],
  ['iframe', '<iframe src="https://evil.example/"></iframe><p>Texte</p>'],
  ['style element', '<style>body{display:none}</style><p>Texte</p>'],
  ['style attribute', '<p style="background:url(javascript:alert(1))">Texte</p>'],
  ['object and embed', '<object data="x.swf"></object><embed src="x.swf">'],
  ['form', '<form action="https://evil.example/"><input name="mdp"><button>OK</button></form>'],
  ['svg onload', '<svg onload="alert(1)"><script>alert(1)</script></svg>'],
  ['math href', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'],
  ['div onclick', '<div onclick="alert(1)" onmouseover="alert(2)">Texte</div>'],
  [
    'base and meta refresh',
    '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
  ],
  ['nested script', '<<script>script>alert(1)<</script>/script>'],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
];

const FORBIDDEN_IN_OUTPUT: RegExp[] = [
  /<\s*script/i,
  /\son[a-z]+\s*=/i,
  /javascript:/i,
  /vbscript:/i,
  /\s(href|src)="data:/i,
  /<\s*(iframe|object|embed|form|input|style|svg|math|base|meta|noscript)\b/i,
  /\sstyle\s*=/i,
];

let server: LoopbackServer;
let fetcher: Fetcher;
let fromFeed: ConnectorResult;
let fromApi: ConnectorResult;

function buildFeed(): string {
  const items = PAYLOADS.map(
    ([name, html], i) => `<item><title>Article ${i} ${escapeXml(html)}</title><link>/a/${i}</link><guid>${name}</guid>
      <description>${escapeXml(html)}</description><content:encoded><![CDATA[${html}]]></content:encoded></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>${items.join('')}</channel></rss>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

beforeAll(async () => {
  server = await startLoopbackServer();
  fetcher = createTestFetcher();
  server.route('/hostile.rss', serve(buildFeed(), 'application/rss+xml'));
  const apiItems = PAYLOADS.map(([name, html], i) => ({
    id: name,
    titre: `Article ${i} ${html}`,
    chapo: html,
    corps: html,
    lien: `/a/${i}`,
  }));
  server.route('/hostile.json', serve(JSON.stringify(apiItems), 'application/json'));
  const mapping = { fields: { guid: 'id', title: 'titre', summary: 'chapo', content: 'corps', url: 'lien' } };
  fromFeed = await runConnector(makeSource('feed', `${server.origin}/hostile.rss`), { fetcher });
  fromApi = await runConnector(makeSource('json-api', `${server.origin}/hostile.json`, { mapping }), { fetcher });
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe.each([
  ['feed', () => fromFeed],
  ['json-api', () => fromApi],
])('hostile content through %s', (_kind, result) => {
  it('yields every item (hostile markup is cleaned, not a reason to lose the item)', () => {
    expect(result().rejected).toEqual([]);
    expect(result().items).toHaveLength(PAYLOADS.length);
  });

  it.each(PAYLOADS.map(([name], i) => [name, i] as const))('%s never survives', (name, index) => {
    const item = result().items.find((i) => i.guid === name);
    expect(item, name).toBeDefined();
    for (const field of [
      item?.content ?? '',
      item?.summary ?? '',
      item?.title ?? '',
      JSON.stringify(item?.image ?? {}),
    ]) {
      for (const pattern of FORBIDDEN_IN_OUTPUT) expect(field, `${name}: ${pattern}`).not.toMatch(pattern);
    }
    expect(item?.title.startsWith(`Article ${index}`)).toBe(true);
    // Titles are plain text: no markup left (a stray "</x>" is text that renderers escape).
    expect(item?.title).not.toMatch(/<[a-z!]/i);
  });
});
