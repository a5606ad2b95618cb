/**
 * Partner HTML is hostile: it is rebuilt from an allow-list of tags and attributes, URLs
 * are made absolute and limited to safe schemes, and links open without an opener.
 */
import sanitizeHtml from 'sanitize-html';
import { resolveUrl } from './urls.js';

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'cite',
  'q',
  'blockquote',
  'pre',
  'code',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'a',
  'img',
  'figure',
  'figcaption',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'span',
  'div',
  'section',
  'aside',
  'details',
  'summary',
  'time',
  'address',
];

// Content of these is dropped with the tag (not only the tag, as for unknown tags).
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'svg',
  'math',
  'head',
  'title',
];

type Attributes = Record<string, string>;

/** Sanitizes an HTML fragment by allow-list; relative href/src are resolved against baseUrl. */
export function sanitizeContent(html: string, baseUrl?: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'hreflang', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      abbr: ['title'],
      q: ['cite'],
      blockquote: ['cite'],
      time: ['datetime'],
      th: ['colspan', 'rowspan', 'scope'],
      td: ['colspan', 'rowspan'],
      ol: ['start', 'type'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    nonTextTags: DROPPED_WITH_CONTENT,
    disallowedTagsMode: 'discard',
    transformTags: {
      h1: 'h2', // the page around the item owns the h1
      a: (tagName, attribs) => ({ tagName, attribs: transformLink(attribs, baseUrl) }),
      img: (tagName, attribs) => ({ tagName, attribs: transformUrlAttribute(attribs, 'src', baseUrl) }),
      q: (tagName, attribs) => ({ tagName, attribs: transformUrlAttribute(attribs, 'cite', baseUrl) }),
      blockquote: (tagName, attribs) => ({ tagName, attribs: transformUrlAttribute(attribs, 'cite', baseUrl) }),
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  }).trim();
}

function transformLink(attribs: Attributes, baseUrl?: string): Attributes {
  const out = transformUrlAttribute(attribs, 'href', baseUrl);
  if (out.href && /^https?:/i.test(out.href)) out.rel = 'noopener noreferrer';
  else delete out.rel;
  return out;
}

/**
 * Resolves one URL attribute. What cannot be resolved to http(s) is left as written when it
 * uses another scheme (mailto:, tel:, or a hostile one the allow-list removes next) and
 * dropped when it is a relative reference without a base.
 */
function transformUrlAttribute(attribs: Attributes, name: string, baseUrl?: string): Attributes {
  const out = { ...attribs };
  const value = out[name];
  if (value === undefined) return out;
  const resolved = resolveUrl(value, baseUrl);
  if (resolved) out[name] = resolved;
  else if (!/^\s*[a-z][a-z0-9+.-]*:/i.test(value) || /^\s*\/\//.test(value)) delete out[name];
  return out;
}

/** The first <img> src of an HTML fragment (already sanitized, so absolute), with its alt. */
export function findFirstImage(html: string): { url: string; alt?: string } | undefined {
  const tag = /<img\b[^>]*>/i.exec(html)?.[0];
  if (!tag) return undefined;
  const src = /\ssrc="([^"]+)"/i.exec(tag)?.[1];
  const url = src ? resolveUrl(decodeAttribute(src)) : undefined;
  if (!url) return undefined;
  const alt = /\salt="([^"]*)"/i.exec(tag)?.[1];
  return alt ? { url, alt: decodeAttribute(alt) } : { url };
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
