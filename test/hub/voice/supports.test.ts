import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportModel } from '../../../hub/voice/wishes/support-model.js';
import { WishModel } from '../../../hub/voice/wishes/wish-model.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { changeStatus, newVisitor, postWish, publishedWish, readWish, support } from './fixtures.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'wishsupports' });
});
afterAll(() => hub.stop());

async function storedSupports(id: string): Promise<number> {
  return (await WishModel.findById(id, { supports: 1 }).lean())?.supports ?? -1;
}

describe('« moi aussi »', () => {
  it('counts one support per visitor, idempotently, and lets it be withdrawn', async () => {
    const id = await publishedWish(hub, newVisitor());
    const visitor = newVisitor();
    expect(await (await support(hub, id, visitor)).json()).toEqual({ supports: 1, supported: true });
    expect(await (await support(hub, id, visitor)).json()).toEqual({ supports: 1, supported: true });
    expect(await readWish(hub, id, visitor)).toMatchObject({ supports: 1, supported: true });
    expect(await readWish(hub, id)).not.toHaveProperty('supported');
    expect(await (await support(hub, id, visitor, 'DELETE')).json()).toEqual({ supports: 0, supported: false });
    expect(await (await support(hub, id, visitor, 'DELETE')).json()).toEqual({ supports: 0, supported: false });
    expect(await storedSupports(id)).toBe(0);
  });

  it('gives exactly 100 from 200 concurrent supports of 100 visitors, and stays exact when 50 withdraw', async () => {
    const id = await publishedWish(hub, newVisitor());
    const visitors = Array.from({ length: 100 }, newVisitor);
    const answers = await Promise.all([...visitors, ...visitors].map((v) => support(hub, id, v)));
    expect(answers.map((r) => r.status)).toEqual(Array(200).fill(200));
    expect(await SupportModel.countDocuments({ wishId: id })).toBe(100);
    expect(await storedSupports(id)).toBe(100);
    expect((await readWish(hub, id)).supports).toBe(100);

    const withdrawals = await Promise.all(visitors.slice(0, 50).map((v) => support(hub, id, v, 'DELETE')));
    expect(withdrawals.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(await storedSupports(id)).toBe(50);
    expect((await readWish(hub, id)).supports).toBe(50);
  }, 120_000); // a stress test: 250 requests, slow when the machine is loaded

  it('refuses supports on a pending or unknown wish (404), without a visitor (400), on a closed wish (409)', async () => {
    const pending = (await (await postWish(hub, newVisitor())).json()) as { id: string };
    expect((await support(hub, pending.id, newVisitor())).status).toBe(404);
    expect((await support(hub, 'inconnu-0000', newVisitor())).status).toBe(404);
    const id = await publishedWish(hub, newVisitor());
    const anonymous = await hub.request(`/api/v1/wishes/${id}/supports`, { method: 'POST' });
    expect(anonymous.status).toBe(400);
    const visitor = newVisitor();
    await support(hub, id, visitor);
    expect((await changeStatus(hub, id, { status: 'refuse', answer: 'Déjà publié par la province.' })).status).toBe(
      200,
    );
    const closed = await support(hub, id, newVisitor());
    expect(closed.status).toBe(409);
    expect(await closed.json()).toMatchObject({ code: 'wish_closed' });
    // A supporter may still withdraw.
    expect(await (await support(hub, id, visitor, 'DELETE')).json()).toEqual({ supports: 0, supported: false });
  }, 60_000);

  it('limits a flood of supports from one visitor (30 a minute)', async () => {
    const visitor = newVisitor();
    const ids = await Promise.all(Array.from({ length: 2 }, () => publishedWish(hub, newVisitor())));
    const statuses: number[] = [];
    for (let i = 0; i < 16; i += 1) {
      statuses.push(
        (await support(hub, ids[0]!, visitor)).status,
        (await support(hub, ids[1]!, visitor, 'DELETE')).status,
      );
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  }, 60_000);
});
