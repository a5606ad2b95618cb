/**
 * Which carried states a hub lays over its index as they are (hub/search
 * internal/carried-states.ts): the last entry naming an item decides, and a state is used only
 * when every entry between its writer's last seen entry and its own is known and none names
 * the item — else the item is read back.
 */
import { describe, expect, it } from 'vitest';
import { RecentChanges, type LoggedChange } from '../../../hub/search/index.js';

type State = { title: string };
const carried = (seq: number, writtenAfter: number, states: [string, State | null][]): LoggedChange<State> => ({
  seq,
  ids: states.map(([id]) => id),
  states: new Map(states),
  writtenAfter,
});
const listed = (seq: number, ids: string[], everything = false): LoggedChange<State> => ({ seq, ids, everything });

describe('carried states', () => {
  it('uses the states of an entry written right after the last one its writer saw', () => {
    const recent = new RecentChanges();
    const { states, read } = recent.sort([
      carried(1, 0, [
        ['a', { title: 'A' }],
        ['b', null],
      ]),
    ]);
    expect([...states]).toEqual([
      ['a', { title: 'A' }],
      ['b', null],
    ]);
    expect([...read]).toEqual([]);
  });

  it('reads back an item an entry in between names, or when an entry in between is unknown', () => {
    const recent = new RecentChanges();
    recent.sort([listed(4, ['x'])]);
    // 5 and 6 were written after 3: 4 names `a` (a later write may have been announced first).
    const first = recent.sort([
      listed(5, ['a']),
      carried(6, 3, [
        ['a', { title: 'old' }],
        ['b', { title: 'B' }],
      ]),
    ]);
    expect([...first.read]).toEqual(['a']);
    expect([...first.states.keys()]).toEqual(['b']);
    // Entry 7 is unknown to this hub (read before it loaded its index): everything read back.
    const fresh = new RecentChanges();
    const second = fresh.sort([carried(8, 6, [['c', { title: 'C' }]])]);
    expect([...second.read]).toEqual(['c']);
    // An entry naming items it does not list stands in between: read back.
    const third = recent.sort([listed(7, [], true), carried(8, 6, [['d', { title: 'D' }]])]);
    expect([...third.read]).toEqual(['d']);
  });

  it('takes what the last entry says of an item', () => {
    const recent = new RecentChanges();
    const carriedThenListed = recent.sort([carried(1, 0, [['a', { title: 'A' }]]), listed(2, ['a'])]);
    expect([...carriedThenListed.read]).toEqual(['a']);
    expect(carriedThenListed.states.size).toBe(0);
    const listedThenCarried = recent.sort([listed(3, ['b']), carried(4, 3, [['b', null]])]);
    expect([...listedThenCarried.states]).toEqual([['b', null]]);
    expect(listedThenCarried.read.size).toBe(0);
  });

  it('forgets the oldest entries beyond what it keeps', () => {
    const recent = new RecentChanges(2);
    recent.sort([listed(1, ['x']), listed(2, ['y']), listed(3, ['z'])]);
    expect([...recent.sort([carried(4, 0, [['a', { title: 'A' }]])]).read]).toEqual(['a']);
    expect([...recent.sort([carried(5, 3, [['b', { title: 'B' }]])]).states.keys()]).toEqual(['b']);
  });
});
