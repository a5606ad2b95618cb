import { describe, expect, it } from 'vitest';
import { classifyFailure, ConnectorError } from '../../../connectors/index.js';
import { HttpStatusFailure } from '../../../connectors/shared/index.js';

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('classifyFailure', () => {
  it.each([
    [withCode('ENOTFOUND'), 'dns'],
    [withCode('EAI_AGAIN'), 'dns'],
    [withCode('ECONNREFUSED'), 'connection'],
    [withCode('ECONNRESET'), 'connection'],
    [withCode('UND_ERR_SOCKET'), 'connection'],
    [withCode('UND_ERR_CONNECT_TIMEOUT'), 'timeout'],
    [withCode('UND_ERR_HEADERS_TIMEOUT'), 'timeout'],
    [withCode('UND_ERR_BODY_TIMEOUT'), 'timeout'],
    [new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'timeout'],
    [withCode('CERT_HAS_EXPIRED'), 'tls'],
    [withCode('DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls'],
    [withCode('ERR_TLS_CERT_ALTNAME_INVALID'), 'tls'],
    [withCode('Z_DATA_ERROR'), 'bad_format'],
    [new SyntaxError('Unexpected token < in JSON'), 'bad_format'],
    [new TypeError('fetch failed', { cause: withCode('ENOTFOUND') }), 'dns'],
    [new HttpStatusFailure(404), 'http_4xx'],
    [new HttpStatusFailure(500), 'http_5xx'],
    [new HttpStatusFailure(429, 30), 'http_429'],
    [new HttpStatusFailure(300), 'http_3xx'],
    [new Error('something odd'), 'internal'],
    ['a string', 'internal'],
  ])('%s → %s', (cause, code) => {
    const error = classifyFailure(cause, 'https://example.nc/feed');
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.code).toBe(code);
    expect(error.message).not.toBe('');
  });

  it('keeps the HTTP status and Retry-After', () => {
    expect(classifyFailure(new HttpStatusFailure(429, 30))).toMatchObject({ httpStatus: 429, retryAfterSeconds: 30 });
  });

  it('passes a ConnectorError through unchanged', () => {
    const original = new ConnectorError('too_large', 'fetcher: body larger than 10 bytes');
    expect(classifyFailure(original)).toBe(original);
  });

  it('gives the RunError shape, with a French message for agents (the developer detail stays in message)', () => {
    const error = classifyFailure(new HttpStatusFailure(503), 'https://www.noumea.nc/rss.xml');
    expect(error.message).toBe('fetcher: HTTP 503 from https://www.noumea.nc/rss.xml');
    expect(error.toRunError()).toEqual({
      code: 'http_5xx',
      message: 'le serveur de la source est en panne (HTTP 503) — www.noumea.nc',
      httpStatus: 503,
    });
  });
});
