/**
 * Bytes to text. The charset comes from the byte-order mark, then the HTTP Content-Type,
 * then (for XML) the prolog, else UTF-8. Labels follow the WHATWG Encoding Standard, where
 * "iso-8859-1" means windows-1252: servers say the first and send the second.
 */
import iconv from 'iconv-lite';
import { charsetOf } from './fetcher/response-headers.js';

const WHATWG_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  utf8: 'utf-8',
};

/** Decodes a body to a string, BOM removed. Set xml to also read `<?xml encoding="…"?>`. */
export function decodeText(bytes: Uint8Array, contentType?: string, options: { xml?: boolean } = {}): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const label = detectCharset(buffer, contentType, options.xml ?? false);
  if (label === 'utf-8') return decodeUtf8(buffer);
  return stripBom(iconv.decode(buffer, label));
}

/** The charset a body should be read with (normalized label). */
export function detectCharset(buffer: Buffer, contentType: string | undefined, xml: boolean): string {
  const bom = charsetFromBom(buffer);
  if (bom) return bom;
  const declared = charsetOf(contentType) ?? (xml ? charsetFromXmlProlog(buffer) : undefined);
  return normalizeLabel(declared);
}

function charsetFromBom(buffer: Buffer): string | undefined {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return 'utf-8';
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  return undefined;
}

function charsetFromXmlProlog(buffer: Buffer): string | undefined {
  const head = buffer.subarray(0, 200).toString('latin1');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

function normalizeLabel(label: string | undefined): string {
  const lower = (label ?? 'utf-8').trim().toLowerCase();
  const name = WHATWG_ALIASES[lower] ?? lower;
  return iconv.encodingExists(name) ? name : 'utf-8';
}

/** UTF-8, unless the bytes are not UTF-8 at all: then they are almost always windows-1252. */
function decodeUtf8(buffer: Buffer): string {
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(buffer));
  } catch {
    return iconv.decode(buffer, 'windows-1252');
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
