/// An immutable map from string keys whose changes copy only a part of it.
///
/// The renderer's state is immutable (views diff by identity), so every new tag used to copy the
/// whole annotation map of its document: 20,000 entries, a few megabytes of garbage, for one
/// change. A `PersistentMap` keeps its entries in {@link SHARDS} plain maps chosen by a hash of
/// the key; `set` and `delete` return a new map that copies one shard and shares the others. Two
/// maps derived from one another share their untouched shards, which
/// {@link PersistentMap.forEachChange} skips.
///
/// It is a `ReadonlyMap`, so code that reads maps reads it unchanged. Iteration order is shard by
/// shard, then insertion order within a shard: no order callers should rely on.
///
/// Pure and DOM-free.

/// How many shards a map has: a change copies about `size / SHARDS` entries and `SHARDS` slots.
const SHARDS = 64;

/// The shard of a key: FNV-1a over its last 8 UTF-16 code units (ids differ at the end: UUIDs
/// are random there, counters count there; hashing all of a long key would cost more than the
/// copy it saves when a map of thousands is built). Keys alike at the end only share a shard.
function shardOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = Math.max(0, key.length - 8); i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARDS;
}

type Shards<V> = readonly (ReadonlyMap<string, V> | undefined)[];

/// How {@link PersistentMap.keysInGroup} groups values, with the groups of the shards seen so far.
export interface Grouping<V> {
  readonly groupOf: (value: V) => string;
  readonly shards: WeakMap<ReadonlyMap<string, V>, ReadonlyMap<string, readonly string[]>>;
}

/// An immutable, shard-copied map from strings to `V` (see the module comment).
export class PersistentMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly shards: Shards<V>,
    readonly size: number,
  ) {}

  /// A map holding `entries` (a later entry for the same key wins, as with `new Map`).
  static of<V>(entries: Iterable<readonly [string, V]> = []): PersistentMap<V> {
    const shards: Map<string, V>[] = [];
    for (const [key, value] of entries) (shards[shardOf(key)] ??= new Map()).set(key, value);
    return PersistentMap.fromShards(shards);
  }

  /// A map of `values` by `keyOf(value)` (a later value with the same key wins).
  static keyed<V>(values: readonly V[], keyOf: (value: V) => string): PersistentMap<V> {
    const shards: Map<string, V>[] = [];
    for (let i = 0; i < values.length; i++) {
      const key = keyOf(values[i]);
      (shards[shardOf(key)] ??= new Map()).set(key, values[i]);
    }
    return PersistentMap.fromShards(shards);
  }

  private static fromShards<V>(sparse: readonly (Map<string, V> | undefined)[]): PersistentMap<V> {
    const shards = Array.from({ length: SHARDS }, (_, i) => sparse[i]);
    return new PersistentMap(shards, shards.reduce((size, shard) => size + (shard?.size ?? 0), 0));
  }

  get(key: string): V | undefined {
    return this.shards[shardOf(key)]?.get(key);
  }

  has(key: string): boolean {
    return this.shards[shardOf(key)]?.has(key) ?? false;
  }

  /// A new map with `key` set to `value` (this one is unchanged).
  set(key: string, value: V): PersistentMap<V> {
    const index = shardOf(key);
    const shard = new Map(this.shards[index]);
    const added = !shard.has(key);
    shard.set(key, value);
    return this.withShard(index, shard, this.size + (added ? 1 : 0));
  }

  /// A new map without `key` (this map itself when it has no such key).
  delete(key: string): PersistentMap<V> {
    const index = shardOf(key);
    if (!this.shards[index]?.has(key)) return this;
    const shard = new Map(this.shards[index]);
    shard.delete(key);
    return this.withShard(index, shard.size ? shard : undefined, this.size - 1);
  }

  private withShard(index: number, shard: ReadonlyMap<string, V> | undefined, size: number): PersistentMap<V> {
    const shards = this.shards.slice();
    shards[index] = shard;
    return new PersistentMap(shards, size);
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const shard of this.shards) shard?.forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  *entries(): MapIterator<[string, V]> {
    for (const shard of this.shards) if (shard) yield* shard.entries();
  }

  *keys(): MapIterator<string> {
    for (const shard of this.shards) if (shard) yield* shard.keys();
  }

  *values(): MapIterator<V> {
    for (const shard of this.shards) if (shard) yield* shard.values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'PersistentMap';
  }

  /// A grouping of map values by `groupOf(value)`, for {@link PersistentMap.keysInGroup}.
  static grouping<V>(groupOf: (value: V) => string): Grouping<V> {
    return { groupOf, shards: new WeakMap() };
  }

  /// The keys of the entries of `map` whose value is in `group`. Each shard of a persistent map is
  /// grouped once, and its grouping kept as long as the shard lives, so a map that `set` made
  /// from a grouped one groups only the shard it copied; other maps are scanned.
  static keysInGroup<V>(map: ReadonlyMap<string, V>, group: string, grouping: Grouping<V>): string[] {
    const keys: string[] = [];
    if (!(map instanceof PersistentMap)) {
      map.forEach((value, key) => {
        if (grouping.groupOf(value) === group) keys.push(key);
      });
      return keys;
    }
    for (const shard of (map as PersistentMap<V>).shards) {
      const members = shard && groupsOf(shard, grouping).get(group);
      if (members) keys.push(...members);
    }
    return keys;
  }

  /// Groups the shards of `map` that `grouping` has not seen yet, one at a time while `hasTime()`
  /// holds, so that the work of a first {@link PersistentMap.keysInGroup} can be done ahead (when
  /// the browser is idle). True once every shard is grouped; other maps are never grouped.
  static groupAhead<V>(map: ReadonlyMap<string, V>, grouping: Grouping<V>, hasTime: () => boolean): boolean {
    if (!(map instanceof PersistentMap)) return true;
    for (const shard of (map as PersistentMap<V>).shards) {
      if (!shard || grouping.shards.has(shard)) continue;
      if (!hasTime()) return false;
      groupsOf(shard, grouping);
    }
    return true;
  }

  /// Calls `changed(key, after, before)` for every key whose value differs (by identity) between
  /// `before` and `after`, with `undefined` for a side that lacks the key. Between persistent maps
  /// only the shards they do not share are compared, so a map and the map one `set` made from it
  /// compare in about `size / 64` steps; other maps are compared entry by entry.
  static forEachChange<V>(
    before: ReadonlyMap<string, V>,
    after: ReadonlyMap<string, V>,
    changed: (key: string, after: V | undefined, before: V | undefined) => void,
  ): void {
    if (before === after) return;
    if (before instanceof PersistentMap && after instanceof PersistentMap) {
      const was = (before as PersistentMap<V>).shards;
      const is = (after as PersistentMap<V>).shards;
      for (let i = 0; i < SHARDS; i++) if (was[i] !== is[i]) compareEntries(was[i] ?? EMPTY, is[i] ?? EMPTY, changed);
    } else {
      compareEntries(before, after, changed);
    }
  }
}

const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();

/// The keys of one shard by group, grouped on first request and kept while the shard lives.
function groupsOf<V>(shard: ReadonlyMap<string, V>, grouping: Grouping<V>): ReadonlyMap<string, readonly string[]> {
  let groups = grouping.shards.get(shard);
  if (!groups) {
    const built = new Map<string, string[]>();
    shard.forEach((value, key) => {
      const name = grouping.groupOf(value);
      const members = built.get(name);
      if (members) members.push(key);
      else built.set(name, [key]);
    });
    grouping.shards.set(shard, (groups = built));
  }
  return groups;
}

function compareEntries<V>(before: ReadonlyMap<string, V>, after: ReadonlyMap<string, V>, changed: (key: string, after: V | undefined, before: V | undefined) => void): void {
  after.forEach((value, key) => {
    const old = before.get(key);
    if (old !== value || (old === undefined && !before.has(key))) changed(key, value, old);
  });
  before.forEach((value, key) => {
    if (!after.has(key)) changed(key, undefined, value);
  });
}
