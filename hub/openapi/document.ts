/**
 * Builds the OpenAPI 3.1 document from the routes' own documentation and the JSON
 * Schemas, so neither can drift from what the server does.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listSchemaFilesSync } from './schema-files.js';
import type { JsonSchemaRef, ParamDoc, RouteDoc } from '../http/index.js';

const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url));

type Json = Record<string, unknown>;

/** Rewrites file and definition $refs to #/components/schemas/Name. */
function rewriteRefs(node: unknown, titles: Map<string, string>): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, titles));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === '$ref' && typeof value === 'string') {
      const [file = '', pointer] = value.split('#');
      const name = pointer ? pointer.split('/').pop() : (titles.get(file) ?? file);
      out.$ref = `#/components/schemas/${name}`;
    } else if (key !== 'definitions' && key !== '$schema' && key !== '$id') {
      out[key] = rewriteRefs(value, titles);
    }
  }
  return out;
}

/** Every schema and every definition, as OpenAPI components. */
export function buildComponents(): Json {
  const files = listSchemaFilesSync(schemasDir);
  const parsed = files.map((f) => [f, JSON.parse(readFileSync(schemasDir + f, 'utf8')) as Json] as const);
  const titles = new Map(parsed.map(([f, s]) => [f, String(s.title)]));
  for (const title of titles.values()) titles.set(title, title);
  const components: Json = {};
  for (const [, schema] of parsed) {
    for (const [name, def] of Object.entries((schema.definitions ?? {}) as Json))
      components[name] = rewriteRefs(def, titles);
    if (schema.title !== 'Common') components[String(schema.title)] = rewriteRefs(schema, titles);
  }
  return components;
}

function schemaOf(ref: JsonSchemaRef, titles: Map<string, string>): unknown {
  if (typeof ref === 'string') {
    const [title, pointer] = ref.split('#');
    return { $ref: `#/components/schemas/${pointer ? pointer.split('/').pop() : title}` };
  }
  return rewriteRefs(ref, titles);
}

function parameters(where: 'query' | 'header' | 'path', params: Record<string, ParamDoc> = {}): Json[] {
  return Object.entries(params).map(([name, p]) => ({
    name,
    in: where,
    description: p.description,
    required: where === 'path' ? true : !!p.required,
    schema: p.schema ?? { type: 'string' },
  }));
}

function operation(doc: RouteDoc, titles: Map<string, string>): Json {
  const pathParams = Object.fromEntries(
    [...doc.path.matchAll(/:(\w+)/g)].map((m) => [m[1], { description: `${m[1]}` }]),
  );
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  const responses: Json = {};
  for (const [status, r] of Object.entries(doc.responses)) {
    const type = r.contentType ?? (Number(status) >= 400 ? 'application/problem+json' : 'application/json');
    const schema = r.schema ? schemaOf(r.schema, titles) : undefined;
    responses[status] =
      Number(status) >= 400 && !r.schema
        ? { description: r.description, content: problem }
        : {
            description: r.description,
            ...(schema || r.contentType ? { content: { [type]: schema ? { schema } : {} } } : {}),
          };
  }
  if (doc.auth) responses['401'] ??= { description: 'Missing or invalid bearer token', content: problem };
  return {
    tags: [doc.tag],
    summary: doc.summary,
    operationId: `${doc.method}${doc.path.replace(/[^a-zA-Z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    parameters: [
      ...parameters('path', pathParams),
      ...parameters('query', doc.query),
      ...parameters('header', doc.headers),
    ],
    ...(doc.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(doc.body, titles) } } } }
      : {}),
    responses,
    ...(doc.auth ? { security: [{ bearer: [] }] } : {}),
  };
}

/** The whole document for the given routes. */
export function buildOpenApi(docs: RouteDoc[], info: { version: string; publicUrl: string }): Json {
  const titles = new Map<string, string>();
  const paths: Record<string, Json> = {};
  for (const doc of docs) {
    const path = doc.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][doc.method] = operation(doc, titles);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Passerelle',
      version: info.version,
      description: 'Hub de fédération et de syndication des partenaires de service-public.nc.',
    },
    servers: [{ url: info.publicUrl }],
    paths,
    components: {
      schemas: buildComponents(),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
