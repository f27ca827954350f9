/// Comparing figures' intervals (DESIGN §11): two figures of one measure conflict when they come
/// from different documents and their intervals do not intersect. Only like units are compared
/// (a share is a percentage divided by 100; counts are compared with counts).
import type { Quantity } from '../model.js';

/// The scale two quantities are compared on: counts apart; percentages and shares together.
function scaleOf(q: Quantity): 'count' | 'fraction' {
  return q.unit === 'count' ? 'count' : 'fraction';
}

/// `q`'s ends on its scale (a percentage as a share), an open end as ±∞.
function endsOf(q: Quantity): { low: number; high: number; lowInclusive: boolean; highInclusive: boolean } {
  // Divided, not multiplied by 0.01: 75 / 100 is exactly 0.75, 75 × 0.01 need not be.
  const divisor = q.unit === 'percent' ? 100 : 1;
  // A single value holds itself whatever its ends say (as the app shows it: "5"): taken as open,
  // (5, 5) would be empty, conflict with every figure, and be counted apart from itself.
  const point = q.low !== null && q.low === q.high;
  return {
    low: q.low === null ? -Infinity : q.low / divisor,
    high: q.high === null ? Infinity : q.high / divisor,
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
  // Two empty intervals at one point are each "below" the other: listed once.
  return { counts, total, pairs: pairs.filter((p, k) => k === 0 || p[0] !== pairs[k - 1][0] || p[1] !== pairs[k - 1][1]) };
}

type Ends = ReturnType<typeof endsOf>;

/// How many of the sorted `values` are below `limit` (or at most `limit`, with `orEqual`).
function countBefore(values: readonly number[], limit: number, orEqual: boolean): number {
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
  const sorted = (pick: (e: Ends) => number, when: (e: Ends) => boolean) =>
    members
      .filter((i) => when(ends[i]))
      .map((i) => pick(ends[i]))
      .sort((a, b) => a - b);
  const highsHeld = sorted((e) => e.high, (e) => e.highInclusive);
  const highsOpen = sorted((e) => e.high, (e) => !e.highInclusive);
  const lowsHeld = sorted((e) => e.low, (e) => e.lowInclusive);
  const lowsOpen = sorted((e) => e.low, (e) => !e.lowInclusive);
  for (const i of members) {
    const { low, high, lowInclusive, highInclusive } = ends[i];
    const below = countBefore(highsOpen, low, true) + countBefore(highsHeld, low, !lowInclusive);
    const notAbove = (values: number[], orEqual: boolean) => countBefore(values, high, orEqual);
    const above = lowsOpen.length - notAbove(lowsOpen, false) + (lowsHeld.length - notAbove(lowsHeld, highInclusive));
    counts[i] += below + above;
  }
}

/// Lists each conflicting pair once, from its upper figure: the figures that may lie wholly below
/// `x` are those whose high is at most x's low, a prefix of the members sorted by high.
function listBelow(members: readonly number[], ends: readonly Ends[], figures: readonly ComparedFigure[], pairs: [number, number][]): void {
  const byHigh = [...members].sort((a, b) => ends[a].high - ends[b].high);
  const highs = byHigh.map((i) => ends[i].high);
  for (const x of members) {
    const reach = countBefore(highs, ends[x].low, true);
    for (let k = 0; k < reach; k++) {
      const y = byHigh[k];
      if (figures[x].documentId !== figures[y].documentId && !intersects(figures[x].quantity, figures[y].quantity)) pairs.push(x < y ? [x, y] : [y, x]);
    }
  }
}
