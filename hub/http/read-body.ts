/** Reads a JSON body and validates it against a schema, or throws 400/415 naming the fields. */
import type { Context } from 'koa';
import { validateAgainst, type SchemaName } from '../../schemas/index.js';
import { HttpError, invalidInput } from './errors.js';

declare module 'koa' {
  interface Request {
    body?: unknown;
  }
}

/** Returns the validated body typed as T. */
export function readBody<T>(ctx: Context, schema: SchemaName | `${SchemaName}#${string}`): T {
  if (!ctx.is('application/json', '+json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Type de contenu non pris en charge', {
      detail: 'envoyez un corps JSON avec Content-Type: application/json',
    });
  }
  const body = ctx.request.body;
  const errors = validateAgainst(schema, body);
  if (errors.length) throw invalidInput(errors);
  return body as T;
}
