/// Tracks of highlight underlines: each annotation gets the lowest track (0, 1, 2, …) not taken
/// by a span it overlaps, so the underlines of overlapping spans stack instead of hiding each
/// other. Outer (earlier, longer) spans are assigned first, so they sit nearest the text.
///
/// Pure and DOM-free.
import { PersistentMap } from '../state/persistentMap';
import type { HighlightedAnnotation } from './annotationHighlights';

/// One drawn annotation and its track.
export interface TrackedAnnotation {
  annotation: HighlightedAnnotation;
  track: number;
}

/// Whether two spans share at least one character.
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/// Tracked annotations, as a map by id or a list (walked with `forEach`, which allocates nothing
/// per entry, unlike an iterator: this runs on every new tag).
export interface TrackedAnnotations {
  forEach(callback: (entry: TrackedAnnotation) => void): void;
}

/// The lowest track not taken by an overlapping span in `others`, leaving out annotation `except`.
export function freeTrack(span: { start: number; end: number }, others: TrackedAnnotations, except?: string): number {
  const taken = new Set<number>();
  others.forEach((o) => {
    if (o.annotation.id !== except && overlaps(o.annotation, span)) taken.add(o.track);
  });
  let track = 0;
  while (taken.has(track)) track += 1;
  return track;
}

/// A binary min-heap of numbers keyed by `key`.
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly key: (item: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const { items, key } = this;
    items.push(item);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (key(items[parent]) <= key(items[i])) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const { items, key } = this;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && key(items[left]) < key(items[smallest])) smallest = left;
      if (right < items.length && key(items[right]) < key(items[smallest])) smallest = right;
      if (smallest === i) break;
      [items[smallest], items[i]] = [items[i], items[smallest]];
      i = smallest;
    }
    return top;
  }

  values(): readonly T[] {
    return this.items;
  }
}

/// Tracks for a whole set, outer (earlier, longer) spans first; the same tracks as giving each
/// span, in that order, the {@link freeTrack} among all spans before it, in O(n log n): a sweep
/// keeps the spans still open (a heap by end) and the tracks they released (a heap).
export function assignTracks(annotations: readonly HighlightedAnnotation[]): PersistentMap<TrackedAnnotation> {
  return PersistentMap.keyed(trackList(annotations), (entry) => entry.annotation.id);
}

/// {@link assignTracks} as a list, in text order.
export function trackList(annotations: readonly HighlightedAnnotation[]): TrackedAnnotation[] {
  const ordered = [...annotations].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const tracked: TrackedAnnotation[] = [];
  const open = new MinHeap<TrackedAnnotation>((e) => e.annotation.end);
  const released = new MinHeap<number>((track) => track);
  let nextTrack = 0;
  for (const annotation of ordered) {
    // Every earlier span starts at or before this one, so it overlaps exactly when it ends after
    // this one starts (for a non-empty span): the open ones, which hold distinct tracks.
    while (open.size > 0 && open.peek()!.annotation.end <= annotation.start) released.push(open.pop()!.track);
    if (annotation.end <= annotation.start) {
      // An empty span overlaps nothing later; it takes no track from the pool.
      tracked.push({ annotation, track: freeTrack(annotation, open.values()) });
      continue;
    }
    const entry = { annotation, track: released.size > 0 ? released.pop()! : nextTrack++ };
    tracked.push(entry);
    open.push(entry);
  }
  return tracked;
}

/// Passes over the spans after which {@link clustersAround} gives up splitting.
const MAX_PASSES = 3;

/// The annotations whose overlap clusters reach the ones `inView` picks, and the others. A span
/// gets the same track from {@link assignTracks} whether the spans of other clusters are given
/// with it or not (when a cluster ends, every track is free again), so the clusters in view can be
/// given their tracks first and the rest later. The near ones are found by growing the extent of
/// those in view by every span that touches it, until none does; should that take more than a
/// few passes (a long chain of overlapping spans), all are near.
export function clustersAround<T extends { start: number; end: number }>(annotations: readonly T[], inView: (annotation: T) => boolean): { near: T[]; rest: T[] } {
  let from = Infinity;
  let to = -Infinity;
  let seen = 0;
  for (const a of annotations) {
    if (!inView(a)) continue;
    seen += 1;
    from = Math.min(from, a.start);
    to = Math.max(to, a.end);
  }
  if (seen === annotations.length) return { near: [...annotations], rest: [] };
  if (seen === 0) return { near: [], rest: [...annotations] };
  for (let pass = 0, grew = true; grew; pass++) {
    if (pass === MAX_PASSES) return { near: [...annotations], rest: [] };
    grew = false;
    for (const a of annotations) {
      if (a.start <= to && from <= a.end && (a.start < from || a.end > to)) {
        from = Math.min(from, a.start);
        to = Math.max(to, a.end);
        grew = true;
      }
    }
  }
  const near: T[] = [];
  const rest: T[] = [];
  for (const a of annotations) (a.start <= to && from <= a.end ? near : rest).push(a);
  return { near, rest };
}
