/**
 * The anonymous visitor: a random key the widget keeps in localStorage and sends as
 * Passerelle-Visitor. Only its sha256 is stored, so a copy of the database cannot be used
 * to act as (or erase the data of) a visitor.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import { HttpError } from '../http/index.js';

export const VISITOR_HEADER = 'Passerelle-Visitor';
const VISITOR_KEY = /^[A-Za-z0-9_-]{22,64}$/;

/** A visitor as the module handles it: the stored hash only. */
export interface Visitor {
  hash: string;
}

/** sha256 of a visitor key, hex. */
export function hashVisitorKey(key: string): string {
  return createHash('sha256').update(`passerelle-visitor:${key}`).digest('hex');
}

/** The visitor of a request, or undefined when the header is absent or malformed. */
export function readVisitor(ctx: Context): Visitor | undefined {
  const key = ctx.get(VISITOR_HEADER);
  return VISITOR_KEY.test(key) ? { hash: hashVisitorKey(key) } : undefined;
}

/** The visitor of a request; 400 visitor_required otherwise. */
export function requireVisitor(ctx: Context): Visitor {
  const visitor = readVisitor(ctx);
  if (!visitor) {
    throw new HttpError(400, 'visitor_required', 'Identifiant de visiteur requis', {
      detail: `en-tête ${VISITOR_HEADER} absent ou invalide (22 à 64 caractères A-Z a-z 0-9 _ -)`,
    });
  }
  return visitor;
}

/** Header documentation shared by the routes that take a visitor. */
export const VISITOR_HEADER_DOC = {
  [VISITOR_HEADER]: { description: 'Random visitor key (22–64 characters of [A-Za-z0-9_-])', required: true },
};
