/**
 * The text a reader reads, from an item's sanitized HTML: its blocks (paragraphs, list
 * items, headings, table cells) kept apart, since a heading or a list item without a final
 * full stop is still a sentence of its own for the reader.
 */
import { Parser } from 'htmlparser2';

const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'td',
  'th',
  'tr',
  'blockquote',
  'pre',
  'section',
  'article',
  'br',
  'ul',
  'ol',
  'dl',
  'table',
  'figcaption',
  'caption',
]);
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed']);

/** The blocks of text of an HTML fragment (or of plain text: its lines), whitespace collapsed. */
export function extractBlocks(html: string): string[] {
  const blocks: string[] = [];
  let current = '';
  let hidden = 0;
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
    current = '';
  };
  if (!/[<&]/.test(html))
    return html
      .split(/\n+/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hidden += 1;
        else if (BLOCKS.has(name)) flush();
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCKS.has(name)) flush();
      },
      ontext(chunk) {
        if (!hidden) current += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  flush();
  return blocks;
}

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'm',
  'mm',
  'mme',
  'mmes',
  'mlle',
  'dr',
  'pr',
  'me',
  'st',
  'ste',
  'etc',
  'cf',
  'art',
  'p',
  'pp',
  'n',
  'no',
  'av',
  'bd',
  'tél',
  'tel',
  'env',
  'ex',
  'fig',
  'vol',
  'chap',
  'min',
  'max',
  'hab',
  'éd',
  'coll',
  'réf',
  'janv',
  'févr',
  'avr',
  'juil',
  'sept',
  'oct',
  'nov',
  'déc',
]);

/** The sentences of a block: cut after . ! ? … when a new sentence starts, not after an abbreviation. */
export function splitSentences(block: string): string[] {
  const sentences: string[] = [];
  const tokens = block.split(' ');
  let current: string[] = [];
  for (const [i, token] of tokens.entries()) {
    current.push(token);
    const next = tokens[i + 1];
    if (next === undefined || !/[.!?…]["»”)]*$/.test(token)) continue;
    const bare = token.replace(/[.!?…"»”)]+$/, '').toLocaleLowerCase('fr');
    const abbreviation = token.endsWith('.') && (ABBREVIATIONS.has(bare) || /^\p{L}$/u.test(bare));
    if (abbreviation) continue;
    sentences.push(current.join(' '));
    current = [];
  }
  if (current.length) sentences.push(current.join(' '));
  return sentences;
}

/** The words of a sentence: tokens with at least one letter, punctuation stripped. */
export function splitWords(sentence: string): string[] {
  return (sentence.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).filter((w) => /\p{L}/u.test(w));
}
