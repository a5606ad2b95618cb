/**
 * One error type for everything a client may be told, and the one middleware that renders
 * it as RFC 9457 problem+json: HttpError from routes and guards, DomainError (hub/domain-
 * errors.ts) from domain operations, mapped here to their status. Anything else becomes a
 * 500 whose details stay in the log.
 */
import { STATUS_CODES } from 'node:http';
import type { Context, Next } from 'koa';
import type { FieldError } from '../../schemas/index.js';
import { isDatabaseUnavailable } from '../db/index.js';
import { DomainError, type DomainErrorKind } from '../domain-errors.js';

export interface HttpErrorOptions {
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Extra members of the problem object (e.g. retryAfter). */
  extra?: Record<string, unknown>;
}

/** An error meant for the client: status, stable code, French title. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly expose = true;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly extra: Record<string, unknown>;

  constructor(status: number, code: string, title: string, options: HttpErrorOptions = {}) {
    super(title);
    this.status = status;
    this.code = code;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }
}

/** 400 for an input that breaks its schema, listing the fields at fault. */
export function invalidInput(errors: FieldError[], detail?: string): HttpError {
  const first = errors[0];
  const summary = first ? `${first.field} : ${first.message}` : 'requête invalide';
  return new HttpError(400, 'invalid_input', 'Données invalides', { detail: detail ?? summary, errors });
}

/** 400 invalid_input for a prototype key in a JSON body (`__proto__`, `constructor`, `prototype`). */
export function prototypeKeyRefused(field = '__proto__'): HttpError {
  return invalidInput([{ field, message: 'nom de champ réservé refusé (__proto__, constructor, prototype)' }]);
}

export function notFound(what: string): HttpError {
  return new HttpError(404, 'not_found', 'Ressource introuvable', { detail: `${what} est introuvable` });
}

export function conflict(code: string, detail: string): HttpError {
  return new HttpError(409, code, 'Conflit', { detail });
}

export function forbidden(detail = 'action non autorisée pour ce jeton'): HttpError {
  return new HttpError(403, 'forbidden', 'Accès refusé', { detail });
}

export function unauthorized(detail = "jeton d'accès manquant ou invalide"): HttpError {
  return new HttpError(401, 'unauthorized', 'Authentification requise', {
    detail,
    headers: { 'WWW-Authenticate': 'Bearer realm="passerelle"' },
  });
}

export function tooManyRequests(code: string, retryAfterSeconds: number, detail: string): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new HttpError(429, code, 'Trop de requêtes', {
    detail,
    headers: { 'Retry-After': String(seconds) },
    extra: { retryAfter: seconds },
  });
}

const BY_KIND: Record<Exclude<DomainErrorKind, 'rate_limited'>, [number, string]> = {
  not_found: [404, 'Ressource introuvable'],
  invalid_input: [400, 'Données invalides'],
  forbidden: [403, 'Accès refusé'],
  conflict: [409, 'Conflit'],
  unprocessable: [422, 'Requête non traitable'],
};

/** The HTTP face of a domain refusal: its status, title and problem members. */
function fromDomainError(err: DomainError): HttpError {
  if (err.kind === 'rate_limited') {
    const seconds = (err as DomainError & { retryAfterSeconds: number }).retryAfterSeconds;
    return tooManyRequests(err.code, seconds, err.detail);
  }
  const [status, title] = BY_KIND[err.kind];
  return new HttpError(status, err.code, err.options.title ?? title, {
    detail: err.detail,
    ...(err.options.errors ? { errors: err.options.errors } : {}),
    ...(err.options.extra ? { extra: err.options.extra } : {}),
  });
}

/** Seconds a client is asked to wait before trying again when the database is out of reach. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** 503 database_unavailable: the database does not answer; the request may be sent again. */
export function databaseUnavailable(): HttpError {
  return new HttpError(503, 'database_unavailable', 'Service momentanément indisponible', {
    detail: 'la base de données ne répond pas ; réessayez dans quelques secondes',
    headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
    extra: { retryAfter: DATABASE_RETRY_AFTER_SECONDS },
  });
}

/** What a client is told of an error (HttpError, domain error, Koa's own), or undefined for a bug. */
export function toHttpError(thrown: unknown): HttpError | undefined {
  if (thrown instanceof HttpError) return thrown;
  if (thrown instanceof DomainError) return fromDomainError(thrown);
  // The driver's errors are translated here, once: never a 500 with a stack for a database away.
  if (isDatabaseUnavailable(thrown)) return databaseUnavailable();
  return fromKoaError((thrown ?? {}) as object);
}

/** Koa's own errors (body parser, ctx.throw) mapped to stable codes. */
function fromKoaError(err: { status?: number; type?: string; message?: string }): HttpError | undefined {
  const status = err.status;
  if (!status || status < 400 || status >= 500) return undefined;
  if (status === 413)
    return new HttpError(413, 'body_too_large', 'Requête trop volumineuse', {
      detail: 'le corps JSON dépasse la taille acceptée (BODY_LIMIT_KB)',
    });
  if (status === 415)
    return new HttpError(415, 'unsupported_media_type', 'Type de contenu non pris en charge', {
      detail: 'envoyez du JSON (application/json)',
    });
  // co-body's JSON parser (bourne) refuses a __proto__ key itself, in English.
  if (/forbidden prototype property/i.test(err.message ?? '')) return prototypeKeyRefused();
  if (err.type === 'entity.parse.failed' || /JSON/i.test(err.message ?? '')) {
    return new HttpError(400, 'invalid_json', 'JSON invalide', {
      detail: "le corps de la requête n'est pas du JSON valide",
    });
  }
  return new HttpError(status, `http_${status}`, STATUS_CODES[status] ?? 'Erreur');
}

/** Renders every thrown error as problem+json; logs the unexpected ones with their stack. */
export function renderProblems() {
  return async function problems(ctx: Context, next: Next): Promise<void> {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw notFound(`la route ${ctx.method} ${ctx.path}`);
      if (ctx.status === 405 && ctx.body === undefined) {
        const allow = String(ctx.response.get('Allow'));
        throw new HttpError(405, 'method_not_allowed', 'Méthode non autorisée', {
          detail: `méthodes acceptées sur ${ctx.path} : ${allow}`,
          headers: { Allow: allow },
        });
      }
    } catch (thrown) {
      const err = toHttpError(thrown);
      if (!err) {
        ctx.log?.error({ err: thrown }, 'http: unexpected error');
        writeProblem(
          ctx,
          new HttpError(500, 'internal', 'Erreur interne', {
            detail: 'une erreur inattendue est survenue ; elle a été journalisée',
          }),
        );
        return;
      }
      writeProblem(ctx, err);
    }
  };
}

function writeProblem(ctx: Context, err: HttpError): void {
  ctx.status = err.status;
  for (const [name, value] of Object.entries(err.headers)) ctx.set(name, value);
  ctx.type = 'application/problem+json';
  ctx.body = {
    type: `https://passerelle.nc/problems/${err.code}`,
    title: err.message,
    status: err.status,
    code: err.code,
    ...(err.detail ? { detail: err.detail } : {}),
    instance: ctx.path,
    requestId: ctx.state.requestId as string | undefined,
    ...(err.errors ? { errors: err.errors } : {}),
    ...err.extra,
  };
}
