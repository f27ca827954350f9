// Compare's tables as CSV (read back by a CSV parser): a row per figure with its measure,
// interval, source and conflicts; quotes with their speaker and statement; entities with their
// forms per outlet; cells a spreadsheet would run as a formula neutralised, as the CSV export does.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { EntityAcrossOutlets, FigureGroup, FigureItem, QuoteGroup } from '../../main/core/compare/compareReport';
import { entitiesCsv, figuresCsv, quotesCsv } from '../../main/core/compare/compareCsv';
import { parseQuantity } from '../../main/core/quantities/parseQuantity';

const q = (text: string) => parseQuantity(text)!;
const at = { documentId: 'd', start: 0, end: 1 };

function figure(text: string, outlet: string | null, extra: Partial<FigureItem> = {}): FigureItem {
  return { documentId: `doc-${outlet}`, annotationId: `a-${text}`, start: 3, end: 3 + text.length, text, outlet, publishedAt: '2016-12-13', quantity: q(text), source: null, title: 'T', annotator: 'ana', before: 'Some "said" ', after: ', and more', at, conflictCount: 0, ...extra };
}

describe('Compare tables as CSV', () => {
  it('figures: a row per figure with its measure, interval, source and conflicts; quotes and commas survive', () => {
    const group: FigureGroup = {
      measure: 'civilians fled',
      items: [figure('13,346 civilians', 'Gulf News', { conflictCount: 1, source: { annotationId: 's', text: 'the Ministry', entityId: 'e1' } }), figure('more than 4,000', null)],
      conflicts: [[0, 1]],
      conflictTotal: 1,
    };
    const rows = parse(figuresCsv([group], (id: string) => (id === 'e1' ? 'Russian Defence Ministry' : undefined)), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ measure: 'civilians fled', outlet: 'Gulf News', text: '13,346 civilians', context: 'Some "said" 13,346 civilians, and more', low: '13346', high: '13346', low_inclusive: 'true', source_text: 'the Ministry', source_entity: 'Russian Defence Ministry', conflicts: '1' });
    expect(rows[1]).toMatchObject({ outlet: '', low: '4000', high: '', low_inclusive: 'false', unit: 'count', conflicts: '0' });
  });

  it('a cell a spreadsheet would run as a formula is prefixed with an apostrophe', () => {
    const group: FigureGroup = { measure: '=HYPERLINK("x")', items: [figure('13,346', '@outlet', { title: '-1+1' })], conflicts: [], conflictTotal: 0 };
    const [row] = parse(figuresCsv([group], () => undefined), { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ measure: `'=HYPERLINK("x")`, outlet: "'@outlet", title: "'-1+1", low: '13346' });
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

