/**
 * Real texts of the repository's fixtures (DILA fiches, feed fixtures, the NC news corpus)
 * and the near-duplicates partners make of them, for measuring the SimHash threshold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

/** One text per DILA fiche, feed entry and news item of the fixtures. */
export function loadFixtureTexts(): { name: string; text: string }[] {
  const texts: { name: string; text: string }[] = [];
  for (const file of readdirSync(join(FIXTURES, 'comarquage')))
    texts.push({ name: `dila/${file}`, text: readFileSync(join(FIXTURES, 'comarquage', file), 'utf8') });
  for (const file of readdirSync(join(FIXTURES, 'feed'))) {
    const xml = readFileSync(join(FIXTURES, 'feed', file), 'latin1');
    const entries = xml.split(/<item[\s>]|<entry[\s>]/).slice(1);
    entries.forEach((entry, i) =>
      texts.push({ name: `feed/${file}#${i}`, text: entry.replace(/&lt;/g, '<').replace(/&gt;/g, '>') }),
    );
  }
  const news = JSON.parse(readFileSync(join(FIXTURES, 'search', 'nc-news.json'), 'utf8')) as {
    id: string;
    title: string;
    summary?: string;
    content?: string;
  }[];
  for (const n of news) texts.push({ name: `news/${n.id}`, text: `${n.title} ${n.content || n.summary || ''}` });
  return texts;
}

/** How a partner relays another's text: what it changes, as a function of the words. */
export const RELAYS: { name: string; edit: (words: string[]) => string[] }[] = [
  { name: 'other markup, same text', edit: (w) => w },
  { name: 'one word changed', edit: (w) => w.map((x, i) => (i === Math.floor(w.length / 2) ? 'modifie' : x)) },
  { name: 'a date changed (2 words)', edit: (w) => w.map((x, i) => (i === 3 ? '16' : i === 4 ? 'novembre' : x)) },
  { name: 'signature line added (5 words)', edit: (w) => [...w, 'communique', 'relaye', 'par', 'la', 'province'] },
  { name: 'title rewritten (first 4 words)', edit: (w) => ['a', 'la', 'une', 'ce', ...w.slice(4)] },
  { name: 'last 10 % dropped', edit: (w) => w.slice(0, Math.max(1, Math.floor(w.length * 0.9))) },
];
