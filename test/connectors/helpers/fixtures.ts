/** Fixture files and sources for connector tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ConnectorSource } from '../../../connectors/index.js';

const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The bytes of test/fixtures/<path>. */
export function readFixture(path: string): Buffer {
  return readFileSync(`${root}${path}`);
}

/** A source of a kind at a URL, with test ids. */
export function makeSource(
  kind: ConnectorSource['kind'],
  url: string,
  extra: Partial<ConnectorSource> = {},
): ConnectorSource {
  return { id: `test-${kind}`, partnerId: 'province-sud', kind, url, ...extra };
}
