// The pure parts of Compare's views: the number line's scale and marks, the CSV of each table
// (read back by a CSV parser), the lines of the quotes list, and the outlet columns of the
// entities table.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { EntityAcrossOutlets, FigureGroup, FigureItem, QuoteGroup } from '../../preload/api';
import { parseQuantity } from '../../main/core/quantities/parseQuantity';
import { entitiesCsv, figuresCsv, quotesCsv } from '../../renderer/src/compare/compareCsv';
import { outletColumns } from '../../renderer/src/compare/EntitiesTab';
import { markExtent, numberScale, tickLabel } from '../../renderer/src/compare/numberScale';
import { quoteLines } from '../../renderer/src/compare/QuotesTab';

const q = (text: string) => parseQuantity(text)!;
const at = { documentId: 'd', start: 0, end: 1 };

function figure(text: string, outlet: string | null, extra: Partial<FigureItem> = {}): FigureItem {
  return { documentId: `doc-${outlet}`, annotationId: `a-${text}`, start: 3, end: 3 + text.length, text, outlet, publishedAt: '2016-12-13', quantity: q(text), source: null, title: 'T', annotator: 'ana', before: 'Some "said" ', after: ', and more', at, conflictCount: 0, ...extra };
}

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

  it('draws percentages with shares as shares', () => {
    const scale = numberScale([q('98%'), q('two-thirds')], true);
    expect(scale.min).toBeLessThanOrEqual(0.667);
    expect(scale.max).toBeGreaterThanOrEqual(0.98);
    expect(markExtent(q('98%'), scale, true).from).toBeCloseTo(scale.at(0.98));
  });
});

describe('the tables as CSV', () => {
  it('figures: a row per figure with its measure, interval, source and conflicts; quotes and commas survive', () => {
    const group: FigureGroup = {
      measure: 'civilians fled',
      items: [figure('13,346 civilians', 'Gulf News', { conflictCount: 1, source: { annotationId: 's', text: 'the Ministry', entityId: 'e1' } }), figure('more than 4,000', null)],
      conflicts: [[0, 1]],
      conflictTotal: 1,
    };
    const rows = parse(figuresCsv([group], (id) => (id === 'e1' ? 'Russian Defence Ministry' : undefined)), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ measure: 'civilians fled', outlet: 'Gulf News', text: '13,346 civilians', context: 'Some "said" 13,346 civilians, and more', low: '13346', high: '13346', low_inclusive: 'true', source_text: 'the Ministry', source_entity: 'Russian Defence Ministry', conflicts: '1' });
    expect(rows[1]).toMatchObject({ outlet: '', low: '4000', high: '', low_inclusive: 'false', unit: 'count', conflicts: '0' });
  });

  it('quotes with their speaker and statement; entities with their forms per outlet', () => {
    const item = { documentId: 'd1', annotationId: 'q1', start: 0, end: 5, text: 'We will, "not" leave', outlet: 'AFP', title: 'T', publishedAt: null, at };
    const groups: QuoteGroup[] = [
      { speaker: { entityId: 'e', name: 'Lavrov' }, items: [item, { ...item, annotationId: 'q2', outlet: 'TASS' }] },
      { speaker: { text: 'a spokesman' }, items: [item] },
      { speaker: null, items: [item] },
    ];
    const quotes = parse(quotesCsv(groups), { columns: true }) as Record<string, string>[];
    expect(quotes.map((r) => [r.speaker, r.speaker_entity_id, r.group, r.outlet, r.text])).toEqual([
      ['Lavrov', 'e', '1', 'AFP', 'We will, "not" leave'],
      ['Lavrov', 'e', '1', 'TASS', 'We will, "not" leave'],
      ['a spokesman', '', '2', 'AFP', 'We will, "not" leave'],
      ['', '', '3', 'AFP', 'We will, "not" leave'],
    ]);
    const entities: EntityAcrossOutlets[] = [
      { id: 'r', name: 'Russia', type: 'location', mentions: 3, outlets: [{ outlet: 'AFP', documents: 2, mentions: 3, forms: [{ form: 'Russia', mentions: 2 }, { form: 'Moscow', mentions: 1 }], first: at }] },
    ];
    expect(parse(entitiesCsv(entities), { columns: true })).toEqual([{ entity_id: 'r', name: 'Russia', type: 'location', outlet: 'AFP', documents: '2', mentions: '3', forms: 'Russia (2); Moscow (1)' }]);
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
