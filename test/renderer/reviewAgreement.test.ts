// What the agreement panel prints, from a report computed by the service's own `computeAgreement`:
// figures and "—", reasons for nulls, counts, per-label rows in label order, bar widths.
import { describe, expect, it } from 'vitest';
import type { Annotation, Label } from '../../preload/api';
import { computeAgreement } from '../../main/core/agreement';
import { SCHEMA_VERSION, type DocumentFile } from '../../main/core/model';
import { barWidth, countsLine, formatFigure, labelRows, nullReason, overallValue } from '../../renderer/src/review/agreementModel';
import { highlightAttrs, EMPTY_LOOK } from '../../renderer/src/editor/annotationHighlights';

const text = 'Lavrov met Kerry in Geneva; 13,346 civilians left.';
const docId = `sha256:${'d'.repeat(64)}`;
let n = 0;
function tag(annotator: string, label: string, phrase: string): Annotation {
  const start = text.indexOf(phrase);
  const at = '2024-01-01T00:00:00.000Z';
  const id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  return { id, docId, label, start, end: start + phrase.length, quote: phrase, annotator, createdAt: at, updatedAt: at, origin: 'manual' };
}
const file = (annotations: Annotation[]) =>
  ({ schemaVersion: SCHEMA_VERSION, document: { id: docId, title: 'T', sourceName: 't.txt', text, importedAt: '2024-01-01T00:00:00.000Z', meta: {} }, annotations, relations: [] }) as DocumentFile;

const labels: Label[] = [
  { id: 'actor', name: 'Actor', color: '#2f6fdf', key: '1' },
  { id: 'location', name: 'Location', color: '#1a9a5a', key: '2' },
  { id: 'figure', name: 'Figure', color: '#d9822b', key: '3' },
];

describe('agreement panel model', () => {
  const report = computeAgreement(
    [file([tag('a', 'actor', 'Lavrov'), tag('b', 'actor', 'Lavrov'), tag('a', 'location', 'Geneva'), tag('b', 'location', 'in Geneva'), tag('b', 'custom', 'Kerry')])],
    'a',
    'b',
  );

  it('formats figures, "—" for null', () => {
    expect(formatFigure(0.66666)).toBe('0.67');
    expect(formatFigure(0.66666, 3)).toBe('0.667');
    expect(formatFigure(null)).toBe('—');
    expect(overallValue(report, 'exact')).toBeCloseTo(2 / 5);
    expect(overallValue(report, 'overlap')).toBeCloseTo(4 / 5);
    expect(overallValue(report, 'kappa')).toBe(report.kappa);
  });

  it('says what the counts are', () => {
    expect(countsLine(report, 'exact')).toBe('1 pair · A 2 · B 3');
    expect(countsLine(report, 'overlap')).toBe('2 pairs · A 2 · B 3');
    expect(countsLine(report, 'kappa')).toMatch(/^\d+ tokens in 1 document$/);
  });

  it('lists labels in workspace order, then unknown ones by id', () => {
    const rows = labelRows(report, labels);
    expect(rows.map((r) => [r.id, r.name, r.countA, r.countB, r.exact, r.overlap])).toEqual([
      ['actor', 'Actor', 1, 1, 1, 1],
      ['location', 'Location', 1, 1, 0, 1],
      ['custom', 'custom', 0, 1, 0, 0],
    ]);
  });

  it('explains nulls', () => {
    const empty = computeAgreement([file([tag('a', 'actor', 'Lavrov')])], 'a', 'b');
    expect(empty.kappa).toBeNull();
    expect(empty.exact.f1).toBeNull();
    expect(nullReason(empty, 'kappa')).toContain('No document has annotations by both a and b');
    expect(nullReason(report, 'kappa')).toContain('no tokens');
  });

  it('turns figures into bar widths within 0–100 %', () => {
    expect(barWidth(null)).toBe(0);
    expect(barWidth(-0.2)).toBe(0);
    expect(barWidth(0.5)).toBe(50);
    expect(barWidth(0.6667)).toBe(66.7);
    expect(barWidth(1.5)).toBe(100);
  });
});

describe('extra highlight classes', () => {
  it('adds the classes the look gives an annotation', () => {
    const annotation = { id: 'x', label: 'actor', start: 0, end: 6, annotator: 'me' };
    expect(highlightAttrs(annotation, 0, { ...EMPTY_LOOK, me: 'me' })?.class).toBe('anno');
    expect(highlightAttrs(annotation, 0, { ...EMPTY_LOOK, me: 'me', classes: new Map([['x', 'rv-match rv-current']]) })?.class).toBe('anno rv-match rv-current');
  });
});
