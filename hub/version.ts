import { existsSync, readFileSync } from 'node:fs';

// Run from source (hub/version.ts) or from the build (dist/hub/version.js).
const file = [new URL('../package.json', import.meta.url), new URL('../../package.json', import.meta.url)].find((u) =>
  existsSync(u),
);

/** The hub's version, from package.json (sent in the User-Agent and the OpenAPI document). */
export const HUB_VERSION: string = file
  ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
  : '0.0.0';
