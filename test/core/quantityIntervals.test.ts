// Intervals of figures compared (DESIGN §11): intersection is symmetric and reflexive, open and
// closed ends meet as they should, units are compared only with like units, and a figure never
// conflicts with itself or with a figure of its own document; the sorted counting of a group's
// conflicts agrees with a comparison of every pair.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Quantity } from '../../main/core/model';
import { comparable, groupConflicts, intersects, type ComparedFigure } from '../../main/core/quantities/intervals';
import { parseQuantity } from '../../main/core/quantities/parseQuantity';

const quantity: fc.Arbitrary<Quantity> = fc
  .record({
    a: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
    b: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
    lowInclusive: fc.boolean(),
    highInclusive: fc.boolean(),
    approximate: fc.boolean(),
    unit: fc.constantFrom('count', 'percent', 'share') as fc.Arbitrary<Quantity['unit']>,
  })
  .map(({ a, b, ...rest }) => {
    const [low, high] = a !== null && b !== null && a > b ? [b, a] : [a, b];
    // A single point is closed at both ends (it holds its value).
    const point = low !== null && low === high;
    return { ...rest, low, high, ...(point ? { lowInclusive: true, highInclusive: true } : {}), qualifier: null };
  });

const q = (text: string) => parseQuantity(text)!;

/// The definition, pair by pair: what the sorted counting must agree with.
function everyPair(figures: readonly ComparedFigure[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const [a, b] = [figures[i], figures[j]];
      if (a.documentId !== b.documentId && comparable(a.quantity, b.quantity) && !intersects(a.quantity, b.quantity)) pairs.push([i, j]);
    }
  }
  return pairs;
}

const conflicts = (figures: readonly ComparedFigure[]) => groupConflicts(figures).pairs;
const figureList = (maxLength: number) => fc.array(fc.record({ documentId: fc.constantFrom('d1', 'd2', 'd3', 'd4'), quantity }), { maxLength });

describe('figure intervals', () => {
  it('intersection is symmetric, and every interval intersects itself', () => {
    fc.assert(
      fc.property(quantity, quantity, (x, y) => {
        expect(intersects(x, y)).toBe(intersects(y, x));
        expect(intersects(x, x)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a figure never conflicts with itself or with a figure of its own document', () => {
    fc.assert(
      fc.property(figureList(12), (figures) => {
        for (const [i, j] of conflicts(figures)!) {
          expect(i).toBeLessThan(j);
          expect(figures[i].documentId).not.toBe(figures[j].documentId);
        }
        expect(conflicts(figures.map((f) => ({ ...f, documentId: 'same' })))).toEqual([]);
      }),
    );
  });

  it('counts and pairs agree with a comparison of every pair; over the limit, only the counts', () => {
    fc.assert(
      fc.property(figureList(40), (figures) => {
        const expected = everyPair(figures);
        const found = groupConflicts(figures);
        expect(found.pairs).toEqual(expected);
        expect(found.total).toBe(expected.length);
        const counts = figures.map((_, k) => expected.filter(([i, j]) => i === k || j === k).length);
        expect(found.counts).toEqual(counts);
        if (expected.length) expect(groupConflicts(figures, expected.length - 1)).toEqual({ counts, total: expected.length, pairs: null });
      }),
      { numRuns: 400 },
    );
  });

  it('many outlets giving one figure: no conflict, counted and listed at once (not pair by pair)', () => {
    const same = Array.from({ length: 20_000 }, (_, i) => ({ documentId: `d${i}`, quantity: q('5%') }));
    expect(groupConflicts(same)).toEqual({ counts: same.map(() => 0), total: 0, pairs: [] });
    const apart = [...same, { documentId: 'other', quantity: q('7%') }];
    const found = groupConflicts(apart);
    expect(found.total).toBe(20_000);
    expect(found.pairs![0]).toEqual([0, 20_000]);
  });

  it('percentages with decimals meet the shares they equal', () => {
    const share = (value: number): Quantity => ({ low: value, high: value, lowInclusive: true, highInclusive: true, approximate: false, qualifier: null, unit: 'share' });
    for (const [percent, value] of [['33.3%', 0.333], ['12.3%', 0.123], ['57.7%', 0.577], ['1.1%', 0.011], ['0.7%', 0.007]] as const) {
      expect(intersects(q(percent), share(value)), percent).toBe(true);
    }
    expect(intersects(q('33.3%'), share(0.334))).toBe(false);
  });

  it('the seeds’ civilian figures: 13,346 conflicts with between 10,000 and 13,000, not with more than 4,000', () => {
    const figures = [
      { documentId: 'afp', quantity: q('13,346 civilians') },
      { documentId: 'irish', quantity: q('Between 10,000 and 13,000 civilians') },
      { documentId: 'tass', quantity: q('more than 4,000') },
      { documentId: 'irish', quantity: q('13,000') },
    ];
    expect(conflicts(figures)).toEqual([[0, 1], [0, 3]]);
  });

  it('open and closed ends: more than 730 and 730 do not meet, at least 730 and 730 do; percent meets share', () => {
    expect(intersects(q('more than 730'), q('730'))).toBe(false);
    expect(intersects(q('at least 730'), q('730'))).toBe(true);
    expect(intersects(q('fewer than 50'), q('50'))).toBe(false);
    expect(intersects(q('75%'), q('three quarters'))).toBe(true);
    expect(intersects(q('98%'), q('two-thirds'))).toBe(false);
    expect(intersects(q('98'), q('98%'))).toBe(false); // a count and a percentage are not compared
    expect(conflicts([{ documentId: 'a', quantity: q('98') }, { documentId: 'b', quantity: q('98%') }])).toEqual([]);
  });
});
