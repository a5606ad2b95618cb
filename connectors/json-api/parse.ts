/** JSON pages to API items (pure). */
import type { JsonApiMapping } from '../../schemas/index.js';
import {
  decodeText,
  type FetchedBody,
  type StageContext,
  ConnectorError,
  type FetchResponse,
  reportProgress,
} from '../shared/index.js';
import { readPath } from './paths.js';

/** One page: its URL (base of relative links) and its items. */
export interface JsonApiPage {
  url: string;
  items: unknown[];
}

/** Every page of one run. */
export interface ParsedJsonApi {
  pages: JsonApiPage[];
  /** The page cap stopped pagination: the listing is not complete. */
  truncated: boolean;
}

/** What one response holds: the whole document and its items. */
export interface JsonPageContent {
  document: unknown;
  items: unknown[];
}

/** Parses every fetched page with the source's mapping; throws bad_format or bad_config. */
export async function parseJsonApi(body: FetchedBody, ctx: StageContext): Promise<ParsedJsonApi> {
  const mapping = requireMapping(ctx.source.mapping);
  const pages = body.pages.map((response) => {
    const page = { url: response.url, items: readJsonPage(response, mapping).items };
    reportProgress();
    return page;
  });
  return { pages, truncated: body.truncated };
}

/** Reads one response: JSON document, then the array at itemsPath. */
export function readJsonPage(response: FetchResponse, mapping: JsonApiMapping): JsonPageContent {
  const text = decodeText(response.body, response.contentType);
  if (/^\s*</.test(text))
    throw new ConnectorError('bad_format', 'json-api: HTML or XML was served instead of JSON', { url: response.url });
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConnectorError('bad_format', `json-api: invalid JSON: ${(error as Error).message}`, {
      url: response.url,
      cause: error,
    });
  }
  const items = readPath(document, mapping.itemsPath);
  if (!Array.isArray(items)) {
    const where = mapping.itemsPath ? `itemsPath ${JSON.stringify(mapping.itemsPath)}` : 'the document';
    throw new ConnectorError('bad_format', `json-api: ${where} is not an array`, { url: response.url });
  }
  return { document, items };
}

/** The source's mapping, or bad_config. */
export function requireMapping(mapping: JsonApiMapping | undefined): JsonApiMapping {
  if (!mapping) throw new ConnectorError('bad_config', 'json-api: the source has no mapping');
  return mapping;
}

/** The rel="next" target of an HTTP Link header (RFC 8288), if any. */
export function readNextLink(linkHeader: string | undefined): string | undefined {
  for (const part of (linkHeader ?? '').split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(match[2] ?? '')) return match[1];
  }
  return undefined;
}
