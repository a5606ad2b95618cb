/** Reading a posted form: strings trimmed, lists, and the refused fields as a map. */
import type { Context } from 'koa';
import type { FieldError } from '../../schemas/index.js';
import { DomainError } from '../../hub/domain-errors.js';

export type FormBody = Record<string, unknown>;

export function formBody(ctx: Context): FormBody {
  const body = ctx.request.body;
  return body && typeof body === 'object' ? (body as FormBody) : {};
}

/** One field as a trimmed string ('' when absent). */
export function field(body: FormBody, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

/** A field sent several times (checkboxes), or once. */
export function fieldList(body: FormBody, name: string): string[] {
  const value = body[name] ?? body[`${name}[]`];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

/** Lines of a text area, trimmed, empty ones dropped. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Field errors as a map from form field to French message; `rename` maps schema paths to form fields. */
export function errorMap(errors: FieldError[], rename: (field: string) => string = (f) => f): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) {
    const name = rename(e.field);
    map[name] ??= e.message;
  }
  return map;
}

/** The field errors of a refusal, or undefined when it is not invalid input. */
export function invalidFields(err: unknown): FieldError[] | undefined {
  return err instanceof DomainError && err.kind === 'invalid_input' ? (err.options.errors ?? []) : undefined;
}

/** A query parameter as a string ('' when absent). */
export function queryParam(ctx: Context, name: string): string {
  const value = ctx.query[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** A page number from the query (1 when absent or wrong). */
export function pageParam(ctx: Context): number {
  const n = Number(queryParam(ctx, 'page'));
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
