// The quantity parser (DESIGN §10): every figure phrasing of the seed articles, as an analyst
// would tag it, with the interval it states; DESIGN's own examples; and properties of the
// grammar around any number.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuantitySchema, type Quantity } from '../../main/core/model';
import { parseQuantity } from '../../main/core/quantities/parseQuantity';
import { repoRoot } from '../helpers';

const exact = (n: number, unit: Quantity['unit'] = 'count'): Quantity => ({ low: n, high: n, lowInclusive: true, highInclusive: true, approximate: false, qualifier: null, unit });
const about = (low: number, high: number, qualifier: string): Quantity => ({ low, high, lowInclusive: true, highInclusive: true, approximate: true, qualifier, unit: 'count' });
const above = (n: number, qualifier: string): Quantity => ({ low: n, high: null, lowInclusive: false, highInclusive: false, approximate: false, qualifier, unit: 'count' });
const atLeast = (n: number, qualifier = 'at least'): Quantity => ({ low: n, high: null, lowInclusive: true, highInclusive: false, approximate: false, qualifier, unit: 'count' });

/// Every figure phrasing in `seeds/`, with its seed, as tagged (the counted noun may follow).
const SEED_FIGURES: [seed: string, text: string, expected: Quantity][] = [
  ['000', '728 Syrian rebels', exact(728)],
  ['000', '13,346 civilians', exact(13346)],
  ['000', 'three quarters', exact(0.75, 'share')],
  ['000', '200 km', exact(200)],
  ['000', '120 miles', exact(120)],
  ['000', '300 militants', exact(300)],
  ['000', 'more than 4,000 fighters', above(4000, 'more than')],
  ['000', 'more than 120,000 civilians', above(120000, 'more than')],
  ['000', 'tens of thousands', about(10000, 99999, 'tens of thousands')],
  ['000', 'Thousands of refugees', about(1000, 9999, 'thousands')],
  ['001', 'two-thirds', exact(0.667, 'share')],
  ['001', '8,000 rebels', exact(8000)],
  ['001', 'around 900 of them', about(810, 990, 'around')],
  ['002', 'Between 10,000 and 13,000 civilians', { low: 10000, high: 13000, lowInclusive: true, highInclusive: true, approximate: false, qualifier: 'between', unit: 'count' }],
  ['002', '98%', exact(98, 'percent')],
  ['002', 'an estimated 130,000', about(117000, 143000, 'an estimated')],
  ['002', '100,000 civilians', exact(100000)],
  ['002', '2,200 rebels', exact(2200)],
  ['002', 'at least 413 civilians', atLeast(413)],
  ['002', '139', exact(139)],
  ['002', 'hundreds of men', about(100, 999, 'hundreds')],
  ['002', 'six neighbourhoods', exact(6)],
  ['002', 'tens of thousands', about(10000, 99999, 'tens of thousands')],
  ['003', '32 neighbourhoods', exact(32)],
  ['003', 'an original 40', exact(40)],
  ['003', '288 civilians', exact(288)],
  ['003', 'More than 730 people', above(730, 'more than')],
  ['003', '80,000', exact(80000)],
  ['004', 'two-thirds', exact(0.667, 'share')],
  ['004', 'seven districts', exact(7)],
  ['004', 'three quarters', exact(0.75, 'share')],
  ['004', 'over 341 people', above(341, 'over')],
  ['004', '44 children', exact(44)],
  ['004', 'at least 81 people', atLeast(81)],
  ['004', '31 children', exact(31)],
];

describe('parseQuantity', () => {
  const seeds = Object.fromEntries(readdirSync(join(repoRoot, 'seeds')).filter((n) => n.endsWith('.txt')).map((n) => [n.slice(0, 3), readFileSync(join(repoRoot, 'seeds', n), 'utf8')]));

  it.each(SEED_FIGURES)('seed %s: “%s”', (seed, text, expected) => {
    expect(seeds[seed], `“${text}” is in seed ${seed}`).toContain(text);
    expect(parseQuantity(text)).toEqual(expected);
    expect(QuantitySchema.safeParse(expected).success).toBe(true);
  });

  it('reads DESIGN’s examples', () => {
    expect(parseQuantity('up to 100,000')).toEqual({ low: 0, high: 100000, lowInclusive: true, highInclusive: true, approximate: false, qualifier: 'up to', unit: 'count' });
    for (const word of ['some', 'about', 'around', 'an estimated', 'nearly']) expect(parseQuantity(`${word} 130,000`)).toEqual(about(117000, 143000, word));
    expect(parseQuantity('fewer than 50')).toEqual({ low: 0, high: 50, lowInclusive: true, highInclusive: false, approximate: false, qualifier: 'fewer than', unit: 'count' });
    expect(parseQuantity('40 percent')).toEqual(exact(40, 'percent'));
    expect(parseQuantity('1.5 million people')).toEqual(exact(1500000));
    expect(parseQuantity('10,000-13,000')).toMatchObject({ low: 10000, high: 13000, qualifier: 'range' });
    expect(parseQuantity('from 20 to 30 percent')).toMatchObject({ low: 20, high: 30, unit: 'percent', qualifier: 'from' });
  });

  it('states nothing for text without a number, and does not take a word for a qualifier it only begins', () => {
    for (const text of ['civilians', 'the Observatory', '', 'several']) expect(parseQuantity(text)).toBeNull();
    expect(parseQuantity('overall 30')).toEqual(exact(30));
  });

  it('puts any whole number inside its own interval, whatever the qualifier, and low never above high', () => {
    const qualifiers = ['', 'about ', 'more than ', 'at least ', 'up to ', 'fewer than ', 'an estimated '];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom(...qualifiers), (n, qualifier) => {
        const q = parseQuantity(`${qualifier}${n.toLocaleString('en-US')} civilians`)!;
        expect(QuantitySchema.safeParse(q).success).toBe(true);
        const inside = (q.low === null || (q.lowInclusive ? n >= q.low : n > q.low)) && (q.high === null || (q.highInclusive ? n <= q.high : n < q.high));
        // "more than n" and "fewer than n" exclude n itself; every other reading holds it.
        expect(inside).toBe(!['more than ', 'fewer than '].includes(qualifier));
      }),
      { numRuns: 200 },
    );
  });
});
