/// Comparing figures' intervals (DESIGN §11): two figures of one measure conflict when they come
/// from different documents and their intervals do not intersect. Only like units are compared
/// (a share is a percentage divided by 100; counts are compared with counts).
import type { Quantity } from '../model.js';

/// The scale two quantities are compared on: counts apart; percentages and shares together.
function scaleOf(q: Quantity): 'count' | 'fraction' {
  return q.unit === 'count' ? 'count' : 'fraction';
}

/// A percentage as a share. 33.3 / 100 is 0.33299999999999996 in binary floating point, which
/// would set "33.3%" apart from a share of 0.333: rounded to 12 significant digits, far more
/// than any figure in a text states.
function percentAsShare(value: number): number {
  return Number((value / 100).toPrecision(12));
}

/// `q`'s ends on its scale (a percentage as a share), an open end as ±∞.
function endsOf(q: Quantity): { low: number; high: number; lowInclusive: boolean; highInclusive: boolean } {
  const onScale = (v: number) => (q.unit === 'percent' ? percentAsShare(v) : v);
  // A single value holds itself whatever its ends say (as the app shows it: "5"): taken as open,
  // (5, 5) would be empty, conflict with every figure, and be counted apart from itself.
  const point = q.low !== null && q.low === q.high;
  return {
    low: q.low === null ? -Infinity : onScale(q.low),
    high: q.high === null ? Infinity : onScale(q.high),
    lowInclusive: q.low === null || q.lowInclusive || point,
    highInclusive: q.high === null || q.highInclusive || point,
  };
}

/// Whether `a` and `b` can be compared (like units).
export function comparable(a: Quantity, b: Quantity): boolean {
  return scaleOf(a) === scaleOf(b);
}

/// Whether the intervals of `a` and `b` share a value (false when they cannot be compared).
export function intersects(a: Quantity, b: Quantity): boolean {
  if (!comparable(a, b)) return false;
  const x = endsOf(a);
  const y = endsOf(b);
  // The larger low against the smaller high: they meet at a point only if both hold it.
  const [low, lowIn] = x.low > y.low ? [x.low, x.lowInclusive] : x.low < y.low ? [y.low, y.lowInclusive] : [x.low, x.lowInclusive && y.lowInclusive];
  const [high, highIn] = x.high < y.high ? [x.high, x.highInclusive] : x.high > y.high ? [y.high, y.highInclusive] : [x.high, x.highInclusive && y.highInclusive];
  return low < high || (low === high && lowIn && highIn);
}

/// A figure as compared: its document and its quantity.
export interface ComparedFigure {
  documentId: string;
  quantity: Quantity;
}

/// How a group's conflicts came out: per figure the number it conflicts with, and the pairs
/// (`[i, j]`, i < j, ordered) unless there are more than the limit asked for.
export interface GroupConflicts {
  counts: number[];
  total: number;
  /// Null when `total` is over the limit: the pairs were not listed.
  pairs: [number, number][] | null;
}

/// The conflicts among `figures` (one measure's): pairs of figures of different documents, of
/// like units, whose intervals do not intersect. Counted in O(n log n) from sorted ends, so a
/// group of tens of thousands of figures is counted at once; the pairs are listed (in time
/// proportional to their number) only when there are at most `pairLimit`.
export function groupConflicts(figures: readonly ComparedFigure[], pairLimit = Infinity): GroupConflicts {
  const counts = new Array<number>(figures.length).fill(0);
  const scales = new Map<string, number[]>();
  figures.forEach((f, i) => {
    const list = scales.get(scaleOf(f.quantity)) ?? [];
    list.push(i);
    scales.set(scaleOf(f.quantity), list);
  });
  const ends = figures.map((f) => endsOf(f.quantity));
  for (const members of scales.values()) countApart(members, ends, counts);
  // Figures of one document never conflict: what the counts above took for conflicts among them
  // is taken back. (A document gives few figures of one measure.)
  const byDocument = new Map<string, number[]>();
  figures.forEach((f, i) => {
    const members = byDocument.get(f.documentId);
    if (members) members.push(i);
    else byDocument.set(f.documentId, [i]);
  });
  for (const members of byDocument.values()) {
    for (const i of members) for (const j of members) if (comparable(figures[i].quantity, figures[j].quantity) && !intersects(figures[i].quantity, figures[j].quantity)) counts[i]--;
  }
  const total = counts.reduce((a, b) => a + b, 0) / 2;
  if (total > pairLimit) return { counts, total, pairs: null };
  const pairs: [number, number][] = [];
  for (const members of scales.values()) listBelow(members, ends, figures, pairs);
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { counts, total, pairs };
}

type Ends = ReturnType<typeof endsOf>;

/// How many of the sorted `values` are below `limit` (or at most `limit`, with `orEqual`).
function countBefore(values: ArrayLike<number>, limit: number, orEqual: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < limit || (orEqual && values[mid] === limit)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/// Adds to each member's count the members wholly below it and wholly above it (any document).
/// A figure is wholly below `x` when it ends before x starts, or where they touch, unless both
/// hold that point.
function countApart(members: readonly number[], ends: readonly Ends[], counts: number[]): void {
  // A typed array sorts numbers natively (±Infinity included), several times faster.
  const sorted = (pick: (e: Ends) => number, when: (e: Ends) => boolean) => Float64Array.from(members.filter((i) => when(ends[i])), (i) => pick(ends[i])).sort();
  const highsHeld = sorted((e) => e.high, (e) => e.highInclusive);
  const highsOpen = sorted((e) => e.high, (e) => !e.highInclusive);
  const lowsHeld = sorted((e) => e.low, (e) => e.lowInclusive);
  const lowsOpen = sorted((e) => e.low, (e) => !e.lowInclusive);
  for (const i of members) {
    const { low, high, lowInclusive, highInclusive } = ends[i];
    const below = countBefore(highsOpen, low, true) + countBefore(highsHeld, low, !lowInclusive);
    const notAbove = (values: Float64Array, orEqual: boolean) => countBefore(values, high, orEqual);
    const above = lowsOpen.length - notAbove(lowsOpen, false) + (lowsHeld.length - notAbove(lowsHeld, highInclusive));
    counts[i] += below + above;
  }
}

/// Lists each conflicting pair once, from its upper figure `x`: the figures wholly below it are,
/// among those sorted by high, a prefix of the ones with an open high (high ≤ x's low) and a
/// prefix of the ones with a held high (high < x's low, or ≤ when x's low is open), the same split
/// as `countApart`. Every figure met is a conflict but those of x's own document, so the time
/// follows the number of pairs (and of a document's own figures), not the square of the group.
function listBelow(members: readonly number[], ends: readonly Ends[], figures: readonly ComparedFigure[], pairs: [number, number][]): void {
  const byHigh = (held: boolean) => members.filter((i) => ends[i].highInclusive === held).sort((a, b) => ends[a].high - ends[b].high);
  const open = byHigh(false);
  const held = byHigh(true);
  const openHighs = open.map((i) => ends[i].high);
  const heldHighs = held.map((i) => ends[i].high);
  const take = (x: number, below: readonly number[], reach: number) => {
    for (let k = 0; k < reach; k++) {
      const y = below[k];
      if (figures[x].documentId !== figures[y].documentId) pairs.push(x < y ? [x, y] : [y, x]);
    }
  };
  for (const x of members) {
    const { low, lowInclusive } = ends[x];
    take(x, open, countBefore(openHighs, low, true));
    take(x, held, countBefore(heldHighs, low, !lowInclusive));
  }
}
