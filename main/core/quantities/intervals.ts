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
  return {
    low: q.low === null ? -Infinity : q.low / divisor,
    high: q.high === null ? Infinity : q.high / divisor,
    lowInclusive: q.low === null || q.lowInclusive,
    highInclusive: q.high === null || q.highInclusive,
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

/// The conflicting pairs among `figures` (one measure's), as index pairs `[i, j]` with i < j:
/// figures of different documents, of like units, whose intervals do not intersect.
export function conflicts(figures: readonly ComparedFigure[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const [a, b] = [figures[i], figures[j]];
      if (a.documentId !== b.documentId && comparable(a.quantity, b.quantity) && !intersects(a.quantity, b.quantity)) pairs.push([i, j]);
    }
  }
  return pairs;
}
