// After `tsc`, copies what the built hub reads at run time: the JSON Schemas.
import { cp, mkdir, readdir } from 'node:fs/promises';

await mkdir('dist/schemas', { recursive: true });
for (const file of await readdir('schemas')) {
  if (file.endsWith('.schema.json')) await cp(`schemas/${file}`, `dist/schemas/${file}`);
}
console.log('build: schemas copied to dist/schemas');
