// The pure parts of Compare's views: the number line's scale and marks, the lines of the quotes
// list, and the outlet columns of the entities table.
import { describe, expect, it } from 'vitest';
import type { EntityAcrossOutlets } from '../../preload/api';
import { parseQuantity } from '../../main/core/quantities/parseQuantity';
import { outletColumns } from '../../renderer/src/compare/outletColumns';
import { markExtent, numberScale, tickLabel } from '../../renderer/src/compare/numberScale';
import { quoteLines } from '../../renderer/src/compare/quoteLines';

const q = (text: string) => parseQuantity(text)!;
const at = { documentId: 'd', start: 0, end: 1 };

describe('the number line', () => {
  it('spans every finite end on round ticks; an open end runs off the line; one value gets room', () => {
    const scale = numberScale([q('13,346'), q('between 10,000 and 13,000'), q('80,000'), q('more than 4,000')]);
    expect(scale.ticks).toEqual([0, 20000, 40000, 60000, 80000]);
    expect(scale.at(40000)).toBe(0.5);
    expect(markExtent(q('more than 4,000'), scale)).toEqual({ from: 0.05, to: 1, openLow: false, openHigh: true });
    expect(markExtent(q('up to 100'), numberScale([q('up to 100')]))).toMatchObject({ from: 0, to: 1 });
    const single = numberScale([q('730')]);
    expect(single.min).toBeLessThan(730);
    expect(single.max).toBeGreaterThan(730);
    expect(tickLabel(20000)).toBe('20K');
    expect(tickLabel(0.25)).toBe('0.25');
  });

  it('draws percentages with shares as shares, and shares as they are', () => {
    const mixed = numberScale([q('98%'), q('two-thirds')], true);
    expect([mixed.min, mixed.max]).toEqual([0.6, 1]);
    expect(markExtent(q('98%'), mixed, true).from).toBeCloseTo(0.95);
    expect(markExtent(q('two-thirds'), mixed, true).from).toBeCloseTo((2 / 3 - 0.6) / 0.4, 2);
    const shares = numberScale([q('a quarter'), q('half')], true);
    expect([shares.min, shares.max]).toEqual([0.25, 0.5]);
    expect(markExtent(q('half'), shares, true)).toMatchObject({ from: 1, to: 1 });
    expect(markExtent(q('a quarter'), shares, true)).toMatchObject({ from: 0, to: 0 });
  });

  it('a line of 200,000 figures is scaled without spreading them into one call', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => ({ ...q('5'), low: i, high: i }));
    expect(numberScale(many).max).toBeGreaterThanOrEqual(199_999);
  });
});

describe('the quotes list and the entities columns', () => {
  it('a heading per speaker over its statements, the first quote of each carrying the statement', () => {
    const item = { documentId: 'd1', annotationId: 'q1', start: 0, end: 5, text: 'x', outlet: 'AFP', title: 'T', publishedAt: null, at };
    const lavrov = { entityId: 'e', name: 'Lavrov' };
    const lines = quoteLines([
      { speaker: lavrov, items: [item, { ...item, outlet: 'TASS' }, { ...item, outlet: 'afp' }] },
      { speaker: { ...lavrov }, items: [item] },
      { speaker: null, items: [item] },
    ]);
    expect(lines.map((l) => (l.kind === 'speaker' ? `speaker ${l.statements}/${l.quotes}` : `quote ${l.first} ${l.outlets}`))).toEqual([
      'speaker 2/4',
      'quote true 2',
      'quote false 2',
      'quote false 2',
      'quote true 1',
      'speaker 1/1',
      'quote true 1',
    ]);
  });

  it('outlet columns: the outlets naming entities most, case aside, at most as many as asked', () => {
    const outlet = (name: string | null, mentions: number) => ({ outlet: name, documents: 1, mentions, forms: [], first: at });
    const entities: EntityAcrossOutlets[] = [
      { id: '1', name: 'A', type: 'actor', mentions: 9, outlets: [outlet('AFP', 5), outlet(null, 4)] },
      { id: '2', name: 'B', type: 'actor', mentions: 8, outlets: [outlet('afp', 1), outlet('TASS', 7)] },
    ];
    expect(outletColumns(entities)).toEqual([
      { key: 'tass', name: 'TASS' },
      { key: 'afp', name: 'AFP' },
      { key: '', name: 'No outlet' },
    ]);
    expect(outletColumns(entities, 1)).toEqual([{ key: 'tass', name: 'TASS' }]);
  });
});
