import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const dir = fileURLToPath(new URL('.', import.meta.url));

const BANNER = `/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/*.schema.json by \`npm run gen:types\`.
 * Change the JSON Schemas, then run the command again.
 */`;

/** Lists the schema files of this folder, sorted so that the output is stable. */
export async function listSchemaFiles(): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.schema.json')).sort();
}

/** Renders the TypeScript types of every schema into one module's source text. */
export async function renderSchemaTypes(): Promise<string> {
  const files = await listSchemaFiles();
  const root: JSONSchema = {
    title: 'PasserelleSchemas',
    description: 'Index of every schema, so that shared definitions are emitted once.',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(files.map((f) => [f.replace('.schema.json', ''), { $ref: f }])),
  };
  const ts = await compile(root, 'PasserelleSchemas', {
    cwd: dir,
    bannerComment: BANNER,
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 100 },
  });
  return ts;
}
