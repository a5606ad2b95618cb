/**
 * The one error type connectors throw. Its `code` is stable (stored on runs and shown to
 * admins); its message is for developers (logs) and starts with the module name. What a
 * partner's agent reads is French, built from the code by describeFailure.
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
  /** A too_large that is the run's byte budget being spent, not one body being too big. */
  runBudget?: boolean;
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
  readonly runBudget?: boolean;

  constructor(code: ConnectorErrorCode, message: string, details: ConnectorErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.httpStatus !== undefined) this.httpStatus = details.httpStatus;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
    if (details.url !== undefined) this.url = details.url;
    if (details.runBudget) this.runBudget = true;
  }

  /** The RunError shape ({code, message, httpStatus?}) for runs and source state: a French message. */
  toRunError(): RunErrorShape {
    const out: RunErrorShape = {
      code: this.code,
      message: describeFailure(this.code, this.httpStatus, hostOf(this.url)),
    };
    if (this.httpStatus !== undefined) out.httpStatus = this.httpStatus;
    return out;
  }
}

/** Tells whether a value is a ConnectorError. */
export function isConnectorError(value: unknown): value is ConnectorError {
  return value instanceof ConnectorError;
}

const FAILURES: Record<ConnectorErrorCode, string> = {
  timeout: "la source n'a pas répondu à temps",
  dns: "le nom d'hôte de la source est introuvable (DNS)",
  connection: 'la connexion à la source a échoué',
  tls: 'la connexion sécurisée (TLS) à la source a échoué : certificat invalide ou expiré',
  http_3xx: 'la source redirige sans indiquer de nouvelle adresse',
  http_4xx: "la source refuse la demande ou l'adresse n'existe plus",
  http_429: 'la source demande de ralentir (trop de requêtes)',
  http_5xx: 'le serveur de la source est en panne',
  too_large: 'la réponse de la source dépasse la taille acceptée',
  too_many_redirects: 'la source redirige trop de fois',
  forbidden_address: "l'adresse de la source est privée ou locale (voir SOURCE_ALLOWED_HOSTS)",
  bad_format: "le contenu de la source n'est pas lisible dans le format attendu",
  bad_config: 'la configuration de la source est invalide',
  internal: 'erreur interne du hub pendant la collecte',
};

/** The French sentence an agent reads for a failure: what happened, the HTTP status, the host. */
export function describeFailure(code: ConnectorErrorCode, httpStatus?: number, host?: string): string {
  const status = httpStatus !== undefined ? ` (HTTP ${httpStatus})` : '';
  return `${FAILURES[code] ?? FAILURES.internal}${status}${host ? ` — ${host}` : ''}`;
}

function hostOf(url: string | undefined): string | undefined {
  return url && URL.canParse(url) ? new URL(url).host : undefined;
}
