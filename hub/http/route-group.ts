/**
 * Routes are declared with their documentation, so the OpenAPI document is built from
 * the same list the router serves (and a test checks the two agree).
 */
import Router from '@koa/router';
import type { Middleware } from 'koa';
import type { SchemaName } from '../../schemas/index.js';

export type JsonSchemaRef = SchemaName | `${SchemaName}#${string}` | Record<string, unknown>;

export interface ParamDoc {
  description: string;
  schema?: Record<string, unknown>;
  required?: boolean;
}

export interface ResponseDoc {
  description: string;
  /** Schema of the JSON body; a content type other than JSON is given with contentType. */
  schema?: JsonSchemaRef;
  contentType?: string;
}

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Koa path, e.g. /api/v1/partners/:id */
  path: string;
  summary: string;
  tag: string;
  /** Who may call it: anyone, a bearer token (admin), or a visitor key. */
  auth?: 'bearer';
  query?: Record<string, ParamDoc>;
  headers?: Record<string, ParamDoc>;
  body?: JsonSchemaRef;
  responses: Record<number, ResponseDoc>;
}

/** A router plus the documentation of each of its routes. */
export class RouteGroup {
  readonly router: Router;
  readonly docs: RouteDoc[] = [];

  /** A new group, or the documentation of routes an existing router already serves. */
  constructor(router?: Router, docs: RouteDoc[] = []) {
    // Case-sensitive, like the admin guard's prefix test: /API/v1/admin must not slip past it.
    this.router = router ?? new Router({ sensitive: true });
    this.docs.push(...docs);
  }

  /** Registers a route and its documentation together. */
  add(doc: RouteDoc, ...middleware: Middleware[]): this {
    this.docs.push(doc);
    (this.router[doc.method] as (path: string, ...mw: Middleware[]) => Router).call(
      this.router,
      doc.path,
      ...middleware,
    );
    return this;
  }
}
