/**
 * Exit-count compaction: exits over two days, compacted into one total per (service, day);
 * counts unchanged, a second compaction changes nothing, and a compaction stopped between
 * its insert and its deletes (the total beside its raw records) counts nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactExits, countExits, recordExit } from '../../../hub/online-services/exits.js';
import { ExitModel } from '../../../hub/online-services/service-model.js';
import { startTestHub, type TestHub } from '../../helpers/hub.js';

let hub: TestHub;
// 10:00 in Nouméa (UTC+11) on 28, 29 and 30 November.
const at = (day: number) => new Date(Date.UTC(2026, 10, day - 1, 23, 0));
const flat = (m: Map<string, Map<string, number>>) =>
  [...m].flatMap(([s, days]) => [...days].map(([d, n]) => `${s}:${d}=${n}`)).sort();

describe('exit compaction', () => {
  beforeAll(async () => {
    hub = await startTestHub({ label: 'compactexits' });
  }, 120_000);
  afterAll(async () => hub?.stop());

  it('keeps the counts, is idempotent, and never counts a half-done day twice', async () => {
    for (let i = 0; i < 3; i++) await recordExit('aaaaaaaaaaaaaaaa', at(28));
    for (let i = 0; i < 2; i++) await recordExit('aaaaaaaaaaaaaaaa', at(29));
    await recordExit('bbbbbbbbbbbbbbbb', at(29));
    await recordExit('aaaaaaaaaaaaaaaa', at(30)); // today: not compacted
    const before = flat(await countExits('2026-11-01', '2026-11-30'));
    expect(before).toEqual([
      'aaaaaaaaaaaaaaaa:2026-11-28=3',
      'aaaaaaaaaaaaaaaa:2026-11-29=2',
      'aaaaaaaaaaaaaaaa:2026-11-30=1',
      'bbbbbbbbbbbbbbbb:2026-11-29=1',
    ]);
    expect(await compactExits(at(30))).toEqual({ days: 3, records: 6 });
    expect(await ExitModel.countDocuments({})).toBe(4);
    expect(await ExitModel.findById('aaaaaaaaaaaaaaaa:2026-11-28').lean()).toMatchObject({ total: 3 });
    expect(flat(await countExits('2026-11-01', '2026-11-30'))).toEqual(before);
    expect(await compactExits(at(30))).toEqual({ days: 0, records: 0 });
    expect(flat(await countExits('2026-11-01', '2026-11-30'))).toEqual(before);

    // A crash after the insert, before the deletes: the total and its raw records side by side.
    await recordExit('bbbbbbbbbbbbbbbb', at(30));
    await recordExit('bbbbbbbbbbbbbbbb', at(30));
    await ExitModel.create({
      _id: 'bbbbbbbbbbbbbbbb:2026-11-30',
      serviceId: 'bbbbbbbbbbbbbbbb',
      day: '2026-11-30',
      total: 2,
    });
    const crashed = flat(await countExits('2026-11-01', '2026-11-30'));
    expect(crashed).toContain('bbbbbbbbbbbbbbbb:2026-11-30=2');
    expect(await compactExits(at(31))).toEqual({ days: 2, records: 3 });
    expect(flat(await countExits('2026-11-01', '2026-11-30'))).toEqual(crashed);
    expect(await ExitModel.countDocuments({ total: { $exists: false } })).toBe(0);
  });
});
