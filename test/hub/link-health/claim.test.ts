/** One link check at a time, whatever the number of hubs: two processes' link health on one database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../hub/log.js';
import { createLinkHealth, type Address } from '../../../hub/link-health/index.js';
import { claimLinkCheck } from '../../../hub/link-health/claim.js';
import {
  createTestFetcher,
  startLoopbackServer,
  type LoopbackServer,
} from '../../connectors/helpers/loopback-server.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';

let server: LoopbackServer;
const log = createLogger('silent');

beforeAll(async () => {
  await connectTestDatabase('linkclaim');
  server = await startLoopbackServer();
  server.route('/slow', (_req, res) => void setTimeout(() => res.writeHead(200).end(), 300));
});
afterAll(async () => {
  await server.close();
  await dropTestDatabase();
});

describe('the link check claim', () => {
  it('lets one hub of two check, then the next one, and runs daily only when due', async () => {
    const fetcher = createTestFetcher();
    const collect = async (): Promise<Address[]> => [
      { url: `${server.origin}/slow`, refs: [{ kind: 'partner', id: 'p', partnerId: 'p', label: 'P' }] },
    ];
    const hubs = [createLinkHealth({ fetcher, log, collect }), createLinkHealth({ fetcher, log, collect })];
    const [a, b] = await Promise.all(hubs.map((h) => h.checkNow()));
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(server.requests).toHaveLength(1);

    // Released: the other hub may check now; the daily tick is not due right after a run.
    expect(await hubs[1]!.checkNow()).toMatchObject({ checked: 1 });
    expect(await hubs[0]!.checkIfDue()).toBeUndefined();
    const tomorrow = new Date(Date.now() + 21 * 3_600_000);
    expect(await hubs[0]!.checkIfDue(tomorrow)).toMatchObject({ checked: 1 });
    expect(server.requests).toHaveLength(3);
    await fetcher.close();
  });

  it('keeps a renewed claim past its lease, and takes over one nobody renews', async () => {
    const fetcher = createTestFetcher();
    const slowly = () => new Promise<Address[]>((resolve) => setTimeout(() => resolve([]), 600));
    const busy = createLinkHealth({ fetcher, log, leaseMs: 300, collect: slowly });
    const running = busy.checkNow();
    await new Promise((r) => setTimeout(r, 400)); // past the first lease: renewed every 100 ms
    const other = createLinkHealth({ fetcher, log, leaseMs: 300, collect: async () => [] });
    expect(await other.checkNow()).toBeUndefined();
    expect(await running).toMatchObject({ checked: 0 });

    // A hub that crashed holding the claim: it expires, and the next claimer runs.
    expect(await claimLinkCheck('crashed', new Date(), 200)).toBeDefined();
    expect(await other.checkNow()).toBeUndefined();
    await new Promise((r) => setTimeout(r, 250));
    expect(await other.checkNow()).toMatchObject({ checked: 0 });
    await fetcher.close();
  });
});
