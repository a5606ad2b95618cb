/**
 * Sources' credentials leave their addresses: a user and password written in an address
 * (https://user:password@host/…) and key-like query parameters (api_key, token…) move into
 * the source's sealed credentials, so that the address can be listed, logged and published
 * in OPML. It removes something from the address, against the expand-first rule, on
 * purpose: a secret must not stay readable for a release. A hub of the previous version
 * reading such a source meanwhile fetches it without its credentials (the run fails, the
 * next run by an upgraded hub succeeds).
 */
import { moveCredentialsOutOfAddresses } from '../../sources/index.js';
import type { Migration } from '../types.js';

export const sourceCredentialsApart: Migration = {
  id: '002-source-credentials-apart',
  version: 2,
  description: 'credentials written in source addresses move to sealed credentials',
  async up({ progress }) {
    const result = await moveCredentialsOutOfAddresses();
    if (result.conflicts)
      progress(
        `migration 002-source-credentials-apart: ${result.conflicts} source(s) kept their address: cleaned, it is another source's`,
      );
    return result;
  },
};
