// PersistentMap behaves as an immutable Map (checked against a plain Map through random edits),
// shares what a change leaves alone, and forEachChange reports exactly the changed keys.
import { describe, expect, it } from 'vitest';
import { PersistentMap } from '../../renderer/src/state/persistentMap';
import { seededRandom } from '../seededRandom';

function sorted<V>(map: ReadonlyMap<string, V>): [string, V][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function changes<V>(before: ReadonlyMap<string, V>, after: ReadonlyMap<string, V>): [string, V | undefined, V | undefined][] {
  const found: [string, V | undefined, V | undefined][] = [];
  PersistentMap.forEachChange(before, after, (key, now, then) => found.push([key, now, then]));
  return found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

describe('PersistentMap', () => {
  it('reads like a Map: get, has, size, iteration in every form', () => {
    const map = PersistentMap.of([
      ['a', 1],
      ['b', 2],
      ['a', 3],
    ]);
    expect(map.size).toBe(2);
    expect(map.get('a')).toBe(3);
    expect(map.has('b')).toBe(true);
    expect(map.has('c')).toBe(false);
    expect(map.get('c')).toBeUndefined();
    expect(sorted(map)).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    expect([...map.keys()].sort()).toEqual(['a', 'b']);
    expect([...map.values()].sort()).toEqual([2, 3]);
    expect(new Map(map)).toEqual(new Map([['a', 3], ['b', 2]]));
    const seen: [string, number][] = [];
    map.forEach((value, key, self) => {
      expect(self).toBe(map);
      seen.push([key, value]);
    });
    expect(seen.sort()).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    expect(Object.prototype.toString.call(map)).toBe('[object PersistentMap]');
    expect(PersistentMap.of().size).toBe(0);
    const keyed = PersistentMap.keyed([{ id: 'x', n: 1 }, { id: 'y', n: 2 }, { id: 'x', n: 3 }], (v) => v.id);
    expect(keyed.size).toBe(2);
    expect(keyed.get('x')?.n).toBe(3);
  });

  it('set and delete return new maps and leave the old ones as they were', () => {
    const before = PersistentMap.of([['a', 1]]);
    const added = before.set('b', 2);
    const replaced = added.set('a', 10);
    const removed = replaced.delete('b');
    expect(sorted(before)).toEqual([['a', 1]]);
    expect(sorted(added)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(replaced.size).toBe(2);
    expect(replaced.get('a')).toBe(10);
    expect(sorted(removed)).toEqual([['a', 10]]);
    expect(removed.delete('zzz')).toBe(removed);
    expect(removed.delete('a').size).toBe(0);
  });

  it('matches a plain Map through thousands of random edits', () => {
    const random = seededRandom(7);
    let persistent = PersistentMap.of<number>();
    const plain = new Map<string, number>();
    for (let step = 0; step < 5000; step++) {
      const key = `k${Math.floor(random() * 700)}`;
      if (random() < 0.3) {
        persistent = persistent.delete(key);
        plain.delete(key);
      } else {
        persistent = persistent.set(key, step);
        plain.set(key, step);
      }
      if (step % 500 === 0) expect(sorted(persistent)).toEqual(sorted(plain));
    }
    expect(persistent.size).toBe(plain.size);
    expect(sorted(persistent)).toEqual(sorted(plain));
    for (const [key, value] of plain) expect(persistent.get(key)).toBe(value);
  });

  it('forEachChange reports the added, replaced and removed keys, by identity', () => {
    const one = { v: 1 };
    const base = PersistentMap.of(Array.from({ length: 300 }, (_, i) => [`id${i}`, { v: i }] as [string, { v: number }]));
    const after = base.set('new', one).set('id5', { v: 5 }).delete('id7').set('id9', base.get('id9')!);
    expect(changes(base, after).map(([key, now, then]) => [key, now === undefined ? 'gone' : now === one ? 'added' : 'changed', then === undefined ? 'none' : 'had'])).toEqual([
      ['id5', 'changed', 'had'],
      ['id7', 'gone', 'had'],
      ['new', 'added', 'none'],
    ]);
    expect(changes(base, base)).toEqual([]);
  });

  it('forEachChange gives the same answer between a persistent map and a plain one', () => {
    const random = seededRandom(11);
    const base = PersistentMap.of(Array.from({ length: 200 }, (_, i) => [`id${i}`, i] as [string, number]));
    let after = base;
    for (let i = 0; i < 40; i++) {
      const key = `id${Math.floor(random() * 260)}`;
      after = random() < 0.5 ? after.delete(key) : after.set(key, 1000 + i);
    }
    const expected = changes(new Map(base), new Map(after));
    expect(expected.length).toBeGreaterThan(10);
    expect(changes(base, after)).toEqual(expected);
    expect(changes(base, new Map(after))).toEqual(expected);
  });

  it('keysInGroup finds keys by a property of their values, and regroups only what a change copied', () => {
    const calls: string[] = [];
    const grouping = PersistentMap.grouping<{ word: string }>((value) => {
      calls.push(value.word);
      return value.word.toLowerCase();
    });
    const words = ['Aleppo', 'aleppo', 'Geneva', 'ALEPPO', 'Idlib'];
    const base = PersistentMap.keyed(
      Array.from({ length: 400 }, (_, i) => ({ id: `id${i}`, word: words[i % words.length] })),
      (v) => v.id,
    );
    const aleppo = (map: ReadonlyMap<string, { word: string }>) => PersistentMap.keysInGroup(map, 'aleppo', grouping).sort();
    const expected = [...base].filter(([, v]) => v.word.toLowerCase() === 'aleppo').map(([k]) => k).sort();
    expect(aleppo(base)).toEqual(expected);
    expect(calls).toHaveLength(400);
    calls.length = 0;
    const changed = base.set('id1', { id: 'id1', word: 'Damascus' }).set('new', { id: 'new', word: 'Aleppo' });
    expect(aleppo(changed)).toEqual([...expected.filter((k) => k !== 'id1'), 'new'].sort());
    // Only the copied shards were grouped again: far fewer than 400 values.
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThan(40);
    expect(aleppo(new Map(changed))).toEqual(aleppo(changed));
    expect(PersistentMap.keysInGroup(changed, 'nowhere', grouping)).toEqual([]);
  });

  it('groupAhead groups a shard at a time while there is time, and keysInGroup then groups nothing', () => {
    let grouped = 0;
    const grouping = PersistentMap.grouping<{ word: string }>((value) => {
      grouped += 1;
      return value.word;
    });
    const base = PersistentMap.keyed(
      Array.from({ length: 1000 }, (_, i) => ({ id: `id${i}`, word: i % 7 === 0 ? 'Aleppo' : `w${i}` })),
      (v) => v.id,
    );
    // Time for three shards only: the answer says there is more to do.
    let budget = 3;
    expect(PersistentMap.groupAhead(base, grouping, () => budget-- > 0)).toBe(false);
    expect(grouped).toBeGreaterThan(0);
    expect(grouped).toBeLessThan(200);
    // Then time enough for the rest; nothing is grouped twice.
    expect(PersistentMap.groupAhead(base, grouping, () => true)).toBe(true);
    expect(grouped).toBe(1000);
    expect(PersistentMap.keysInGroup(base, 'Aleppo', grouping).sort()).toEqual(
      [...base].filter(([, v]) => v.word === 'Aleppo').map(([k]) => k).sort(),
    );
    expect(grouped).toBe(1000);
    // No time at all: nothing is grouped; a plain map is never grouped ahead.
    const other = PersistentMap.grouping<{ word: string }>(() => {
      throw new Error('grouped');
    });
    expect(PersistentMap.groupAhead(base, other, () => false)).toBe(false);
    expect(PersistentMap.groupAhead(new Map(base), other, () => true)).toBe(true);
  });
});
