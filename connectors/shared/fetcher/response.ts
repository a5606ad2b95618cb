/**
 * The fetcher's last hop, once no redirect is left to follow: the status checked, the body
 * read under the request's cap or the run's byte budget, the headers described.
 */
import type { Dispatcher } from 'undici';
import { HttpStatusFailure } from '../classify-failure.js';
import { ConnectorError } from '../errors.js';
import type { FetchRequest, FetchResponse } from './fetch-types.js';
import { assertDeclaredLength, readBody } from './read-body.js';
import { parseMaxAge, parseRetryAfter, readHeader, type RawHeaders } from './response-headers.js';

/** Reads the answer under the request's cap (else the fetcher's `maxBytes`), or under the run's budget when that is smaller. */
export async function finishWithin(
  status: number,
  headers: RawHeaders,
  body: Dispatcher.ResponseData['body'],
  url: URL,
  maxBytes: number,
  req: FetchRequest,
): Promise<FetchResponse> {
  const cap = req.discardBody || req.method === 'HEAD' ? 0 : (req.maxBytes ?? maxBytes);
  if (cap === 0) return finishResponse(status, headers, body, url, cap);
  if (req.limitBytes === undefined || req.limitBytes >= cap) return finishResponse(status, headers, body, url, cap);
  try {
    return await finishResponse(status, headers, body, url, req.limitBytes);
  } catch (error) {
    if (!(error instanceof ConnectorError) || error.code !== 'too_large') throw error;
    throw new ConnectorError('too_large', `fetcher: the run's byte budget is spent (${req.limitBytes} bytes left)`, {
      url: url.href,
      runBudget: true,
    });
  }
}

async function finishResponse(
  status: number,
  headers: RawHeaders,
  body: Dispatcher.ResponseData['body'],
  url: URL,
  maxBytes: number,
): Promise<FetchResponse> {
  const retryAfterSeconds = parseRetryAfter(readHeader(headers, 'retry-after'));
  if (status !== 304 && (status < 200 || status > 299)) {
    await body.dump();
    const retry = status === 429 || status === 503 ? retryAfterSeconds : undefined;
    throw new HttpStatusFailure(status, retry);
  }
  const encoding = readHeader(headers, 'content-encoding');
  // maxBytes 0: the body is not wanted (HEAD, a link check); its declared length does not matter.
  if (maxBytes > 0) assertDeclaredLength(readHeader(headers, 'content-length'), encoding, maxBytes, url.href);
  const bytes =
    status === 304 || maxBytes === 0
      ? (await body.dump(), new Uint8Array())
      : await readBody(body, encoding, maxBytes, url.href);
  return describeResponse(status, headers, bytes, url, retryAfterSeconds);
}

function describeResponse(
  status: number,
  headers: RawHeaders,
  body: Uint8Array,
  url: URL,
  retryAfterSeconds?: number,
): FetchResponse {
  const flat: Record<string, string> = {};
  for (const name of Object.keys(headers)) flat[name.toLowerCase()] = readHeader(headers, name) ?? '';
  const out: FetchResponse = { url: url.href, status, notModified: status === 304, headers: flat, body };
  assignDefined(out, {
    contentType: flat['content-type'],
    etag: flat['etag'],
    lastModified: flat['last-modified'],
    maxAgeSeconds: parseMaxAge(flat['cache-control']),
    retryAfterSeconds,
  });
  return out;
}

function assignDefined<T extends object>(target: T, values: Partial<T>): void {
  for (const [key, value] of Object.entries(values))
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
}
