/**
 * A title for an item that has none: social-network feeds (RSS 2.0 allows an item with only
 * a description) and JSON APIs whose items are bare posts. The reader sees the first thing
 * the post says: its first line, then its first sentence, cut at a word near 90 characters.
 */
import { Parser } from 'htmlparser2';
import { collapseWhitespace } from './text.js';

/** The length a derived title aims at: one line of a card on a phone, twice. */
export const DERIVED_TITLE_MAX = 90;

// Tags that end a line for a reader: a post's first line is often its title.
const LINE_TAGS = new Set('p div br hr li h1 h2 h3 h4 h5 h6 tr blockquote pre figure figcaption'.split(' '));
const NON_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template']);
// Short words a period follows without ending the sentence (« M. Dupont », « p. ex. »).
const ABBREVIATIONS = new Set('m mm mme mmes mlle dr pr me st ste cf ex av bd n no p vol tél fig art'.split(' '));
const URL_PATTERN = /\bhttps?:\/\/\S+/giu;
const segmenter = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/**
 * Derives a plain-text title from an HTML or plain-text body: first non-empty line, first
 * sentence of it, bare links left out, cut at a word boundary near `max` characters with
 * « … » when cut. Empty when the body has no text at all (an image alone, say).
 */
export function deriveTitle(body: string, max = DERIVED_TITLE_MAX): string {
  const lines = htmlToLines(body);
  const line = lines.map((l) => collapseWhitespace(l.replace(URL_PATTERN, ' '))).find(Boolean) ?? lines[0] ?? '';
  return cutAtWord(firstSentence(line), max);
}

/** The body's lines of text, entities decoded, in order; empty lines kept out. */
function htmlToLines(html: string): string[] {
  let text = '';
  if (!/[<&]/.test(html)) text = html;
  else {
    let hidden = 0;
    const parser = new Parser(
      {
        onopentagname(name) {
          if (NON_TEXT_TAGS.has(name)) hidden += 1;
          else if (LINE_TAGS.has(name)) text += '\n';
        },
        onclosetag(name) {
          if (NON_TEXT_TAGS.has(name)) hidden = Math.max(0, hidden - 1);
          else if (LINE_TAGS.has(name)) text += '\n';
        },
        ontext(chunk) {
          if (!hidden) text += chunk;
        },
      },
      { decodeEntities: true },
    );
    parser.end(html);
  }
  return text
    .split(/[\n\r\u2028\u2029]+/u)
    .map(collapseWhitespace)
    .filter(Boolean);
}

/** The text up to its first sentence end (. ! ? …), a final period dropped; « ! » and « ? » kept. */
export function firstSentence(text: string): string {
  const end = /([.!?…]+)(?=\s|$)/gu;
  for (let match = end.exec(text); match; match = end.exec(text)) {
    const before = text.slice(0, match.index);
    const word = /(\p{L}+)$/u.exec(before)?.[1] ?? '';
    // An initial (« J. Dupont ») or an abbreviation does not end the sentence.
    if (match[1] === '.' && (/^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase()))) continue;
    const kept = match[1] === '.' ? '' : match[1];
    const sentence = `${before}${kept}`.trim();
    if (sentence) return sentence;
  }
  return text;
}

/** Cuts at a word boundary at most `max` graphemes long (emoji stay whole), with « … » when cut. */
function cutAtWord(text: string, max: number): string {
  const graphemes = Array.from(segmenter.segment(text), (s) => s.segment);
  if (graphemes.length <= max) return text;
  const room = graphemes.slice(0, max - 1).join('');
  const lastSpace = room.lastIndexOf(' ');
  // No space in the second half: one very long word, cut where it must be.
  const cut = lastSpace > room.length / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.\-–—(«"']+$/u, '')}…`;
}
