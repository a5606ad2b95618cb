/**
 * Generates TypeScript types from the JSON Schemas in this folder (npm run gen:types).
 * The output is rewritten only when its content changes, so that watchers and
 * incremental builds stay quiet; `--check` exits 1 when the file is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderSchemaTypes } from './render-types.js';

const target = fileURLToPath(new URL('./generated/types.ts', import.meta.url));

const check = process.argv.includes('--check');
const next = await renderSchemaTypes();
const current = await readFile(target, 'utf8').catch(() => '');
if (current === next) {
  console.log('gen:types: schemas/generated/types.ts is up to date');
} else if (check) {
  console.error('gen:types: schemas/generated/types.ts is stale; run npm run gen:types');
  process.exit(1);
} else {
  await writeFile(target, next);
  console.log('gen:types: wrote schemas/generated/types.ts');
}
