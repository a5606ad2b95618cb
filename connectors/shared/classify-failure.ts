/**
 * The single place where any failure (network, TLS, DNS, HTTP status, decompression,
 * parsing) becomes a ConnectorError with a stable code. Everything else throws either a
 * ConnectorError it has already decided, or raw errors that land here.
 */
import { ConnectorError, type ConnectorErrorCode } from './errors.js';

/** An HTTP response that is not a success, handed over by the fetcher for classification. */
export class HttpStatusFailure extends Error {
  override readonly name = 'HttpStatusFailure';
  constructor(
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(`HTTP ${status}`);
  }
}

const CODES_BY_ERRNO: Record<string, ConnectorErrorCode> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  EAI_NODATA: 'dns',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ECONNREFUSED: 'connection',
  ECONNRESET: 'connection',
  ECONNABORTED: 'connection',
  EHOSTUNREACH: 'connection',
  ENETUNREACH: 'connection',
  EADDRNOTAVAIL: 'connection',
  EPIPE: 'connection',
  UND_ERR_SOCKET: 'connection',
  UND_ERR_CLOSED: 'connection',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'connection',
  HPE_INVALID_CONSTANT: 'connection',
  Z_DATA_ERROR: 'bad_format',
  Z_BUF_ERROR: 'bad_format',
  ERR_INVALID_URL: 'bad_config',
  UND_ERR_INVALID_ARG: 'bad_config',
};

const TLS_ERRNO = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

/** Turns any thrown value into a ConnectorError (a ConnectorError passes through unchanged). */
export function classifyFailure(cause: unknown, url?: string): ConnectorError {
  if (cause instanceof ConnectorError) return cause;
  if (cause instanceof HttpStatusFailure) return classifyHttpStatus(cause, url);
  for (const error of walkCauses(cause)) {
    const code = codeOf(error);
    if (code) return new ConnectorError(code, messageFor(code, error, url), withUrl({ cause }, url));
  }
  const text = cause instanceof Error ? cause.message : String(cause);
  return new ConnectorError('internal', `connector: ${text}`, withUrl({ cause }, url));
}

function classifyHttpStatus(failure: HttpStatusFailure, url?: string): ConnectorError {
  const { status, retryAfterSeconds } = failure;
  const code: ConnectorErrorCode =
    status === 429 ? 'http_429' : status >= 500 ? 'http_5xx' : status >= 400 ? 'http_4xx' : 'http_3xx';
  const details = withUrl({ httpStatus: status, cause: failure }, url);
  if (retryAfterSeconds !== undefined) Object.assign(details, { retryAfterSeconds });
  const why = status >= 300 && status < 400 ? ' (redirect without Location)' : '';
  return new ConnectorError(code, `fetcher: HTTP ${status}${why} from ${url ?? 'source'}`, details);
}

/** The error and its causes, outermost first (undici and fetch wrap the errno error). */
function* walkCauses(cause: unknown): Generator<Error> {
  let current: unknown = cause;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof ConnectorError) return;
    yield current;
    current = current.cause;
  }
}

function codeOf(error: Error): ConnectorErrorCode | undefined {
  const errno = String((error as { code?: unknown }).code ?? '');
  if (errno in CODES_BY_ERRNO) return CODES_BY_ERRNO[errno];
  if (TLS_ERRNO.test(errno)) return 'tls';
  if (errno.startsWith('ERR_BROTLI') || errno.startsWith('ERR__ZLIB')) return 'bad_format';
  if (error.name === 'TimeoutError') return 'timeout';
  if (error.name === 'SyntaxError') return 'bad_format';
  return undefined;
}

function messageFor(code: ConnectorErrorCode, error: Error, url?: string): string {
  const where = url ? ` (${url})` : '';
  switch (code) {
    case 'timeout':
      return `fetcher: timed out${where}: ${error.message}`;
    case 'dns':
      return `fetcher: host name not resolved${where}: ${error.message}`;
    case 'tls':
      return `fetcher: TLS failure${where}: ${error.message}`;
    case 'connection':
      return `fetcher: connection failed${where}: ${error.message}`;
    case 'bad_format':
      return `connector: unreadable body${where}: ${error.message}`;
    default:
      return `connector: ${error.message}${where}`;
  }
}

function withUrl<T extends object>(details: T, url?: string): T & { url?: string } {
  return url === undefined ? details : { ...details, url };
}
