/**
 * The one error type connectors throw. Its `code` is stable (stored on runs and shown to
 * admins); the message is for developers and starts with the module name.
 */

/**
 * Failure codes. HTTP failures use the status class (`http_4xx`, `http_5xx`, `http_3xx`
 * for a redirect without Location) with the exact status in `httpStatus`; 429 has its own
 * code because it calls for backing off rather than for fixing the source.
 */
export type ConnectorErrorCode =
  | 'timeout'
  | 'dns'
  | 'connection'
  | 'tls'
  | 'http_3xx'
  | 'http_4xx'
  | 'http_429'
  | 'http_5xx'
  | 'too_large'
  | 'too_many_redirects'
  | 'forbidden_address'
  | 'bad_format'
  | 'bad_config'
  | 'internal';

/** Extra facts about a failure, when known. */
export interface ConnectorErrorDetails {
  httpStatus?: number;
  /** From Retry-After on 429/503, in seconds from now. */
  retryAfterSeconds?: number;
  /** The URL being fetched when the failure happened (last redirect hop). */
  url?: string;
  cause?: unknown;
}

/** The shape stored on a run or a source (schemas/run.schema.json RunError). */
export interface RunErrorShape {
  code: ConnectorErrorCode;
  message: string;
  httpStatus?: number;
}

/** A classified connector failure. */
export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';
  readonly code: ConnectorErrorCode;
  readonly httpStatus?: number;
  readonly retryAfterSeconds?: number;
  readonly url?: string;

  constructor(code: ConnectorErrorCode, message: string, details: ConnectorErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.httpStatus !== undefined) this.httpStatus = details.httpStatus;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
    if (details.url !== undefined) this.url = details.url;
  }

  /** Returns the RunError shape ({code, message, httpStatus?}) for runs and source state. */
  toRunError(): RunErrorShape {
    const out: RunErrorShape = { code: this.code, message: this.message };
    if (this.httpStatus !== undefined) out.httpStatus = this.httpStatus;
    return out;
  }
}

/** Tells whether a value is a ConnectorError. */
export function isConnectorError(value: unknown): value is ConnectorError {
  return value instanceof ConnectorError;
}
