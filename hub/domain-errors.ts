/**
 * What a domain operation (partners, sources, comments, flags, moderation…) throws when it
 * refuses: a kind, a stable `code` and a French `detail`. Operations know nothing of HTTP;
 * the one error middleware (hub/http) turns each kind into its status and problem+json.
 */
import type { FieldError } from '../schemas/index.js';

export interface DomainErrorOptions {
  /** A French title for this code, when the kind's default is too vague. */
  title?: string;
  /** The fields at fault (invalid input). */
  errors?: FieldError[];
  /** Extra members of the problem (e.g. retryAfter). */
  extra?: Record<string, unknown>;
}

/** The refusals a domain operation may give. */
export type DomainErrorKind =
  'not_found' | 'invalid_input' | 'forbidden' | 'conflict' | 'unprocessable' | 'rate_limited';

/** A refusal with a stable code and a French detail. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly detail: string,
    readonly options: DomainErrorOptions = {},
  ) {
    super(detail);
  }
}

/** Something that does not exist (or is not visible): `what` names it, « le contenu x ». */
export class NotFound extends DomainError {
  constructor(what: string) {
    super('not_found', 'not_found', `${what} est introuvable`);
  }
}

/** Input that breaks a rule, with the fields at fault. */
export class InvalidInput extends DomainError {
  constructor(errors: FieldError[], detail?: string) {
    const first = errors[0];
    super(
      'invalid_input',
      'invalid_input',
      detail ?? (first ? `${first.field} : ${first.message}` : 'requête invalide'),
      {
        errors,
      },
    );
  }
}

/** An action this caller may not take. */
export class Forbidden extends DomainError {
  constructor(detail: string, code = 'forbidden', title?: string) {
    super('forbidden', code, detail, title ? { title } : {});
  }
}

/** An action that clashes with the current state (exists already, changed meanwhile…). */
export class Conflict extends DomainError {
  constructor(code: string, detail: string) {
    super('conflict', code, detail);
  }
}

/** A well-formed request that cannot be processed now (too fast, expired…). */
export class Unprocessable extends DomainError {
  constructor(code: string, title: string, detail: string, extra?: Record<string, unknown>) {
    super('unprocessable', code, detail, { title, ...(extra ? { extra } : {}) });
  }
}

/** Too many actions in a window; come back after `retryAfterSeconds`. */
export class RateLimited extends DomainError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', 'rate_limited', detail);
  }
}
