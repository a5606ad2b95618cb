import { readdirSync } from 'node:fs';

/** The *.schema.json files of a folder, sorted. */
export function listSchemaFilesSync(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort();
}
