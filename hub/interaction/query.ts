/** Query-string helpers of the interaction routes. */
import type { Context } from 'koa';
import { invalidInput } from '../http/index.js';

/** A single string query parameter, or undefined. */
export function queryString(ctx: Context, name: string): string | undefined {
  const value = ctx.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An integer query parameter within [min, max]; 400 invalid_input otherwise. */
export function queryInteger(ctx: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = queryString(ctx, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max)
    throw invalidInput([{ field: name, message: `doit être un entier de ${min} à ${max}` }]);
  return n;
}
