// Word snapping of a selection before it is tagged (DESIGN §12), checked against the core's
// token rule (DESIGN §5).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../main/core/tokens';
import { snappedSpan, spanToTag } from '../../renderer/src/editor/wordSnap';
import { trimmedSpan } from '../../renderer/src/editor/spanText';
import { articleText } from '../arbitraries';

function snap(text: string, from: string, to: string, toOffset = 0): string | null {
  const start = text.indexOf(from);
  const end = text.indexOf(to) + toOffset;
  const span = snappedSpan(text, start, end);
  return span && text.slice(span.start, span.end);
}

const clusters = (text: string) => new Set([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.index).concat(text.length));

describe('snappedSpan', () => {
  const text = "Fighters loyal to Bashar al-Assad's forces shelled the town.";

  it('moves the ends of a sloppy selection out to whole words, hyphens and apostrophes included', () => {
    expect(snap(text, 'ashar', 'ces')).toBe("Bashar al-Assad's forces");
    expect(snap(text, 'Assad', "'s f")).toBe("al-Assad's");
    expect(snap(text, '-Ass', '-Ass', 2)).toBe("al-Assad's");
  });

  it('takes a whole word for a selection inside it', () => {
    expect(snap(text, 'hell', 'hell', 2)).toBe('shelled');
  });

  it('leaves a selection already on word bounds alone', () => {
    const start = text.indexOf('Bashar');
    const end = text.indexOf(' shelled');
    expect(snappedSpan(text, start, end)).toEqual({ start, end });
    expect(snappedSpan(text, end, start)).toEqual({ start, end });
  });

  it('gives null for a selection of spaces only, and trims before snapping', () => {
    expect(snappedSpan('a   b', 1, 4)).toBeNull();
    expect(snap('said  Staffan de Mistura \n on', '  Staf', 'stura \n', 4)).toBe('Staffan de Mistura');
  });

  it('keeps emoji, ZWJ sequences and combining marks whole', () => {
    const family = 'we 👩‍👩‍👧 met';
    const at = family.indexOf('👩');
    // Inside the second woman, and between the woman and the joiner.
    expect(snappedSpan(family, at + 3, at + 4)).toEqual({ start: at, end: at + '👩‍👩‍👧'.length });
    expect(snappedSpan(family, at + 2, at + 3)).toEqual({ start: at, end: at + '👩‍👩‍👧'.length });
    const marks = 'a cafe\u0301 here';
    expect(snap(marks, 'caf', 'caf', 3)).toBe('cafe\u0301');
    const flag = 'the 🇸🇾 flag';
    expect(snap(flag, '🇸', '🇸', 2)).toBe('🇸🇾');
    // Half a surrogate pair.
    expect(snappedSpan('x 😀 y', 3, 4)).toEqual({ start: 2, end: 4 });
  });

  it('takes an ellipsis whole, as the core’s tokens do', () => {
    expect(snappedSpan('wait... and', 5, 6)).toEqual({ start: 4, end: 7 });
    expect(snappedSpan('wait.. and', 4, 5)).toEqual({ start: 4, end: 5 });
  });

  it('with raw (Alt), only trims', () => {
    expect(spanToTag(text, text.indexOf('ashar'), text.indexOf('ces'), true)).toEqual(trimmedSpan(text, text.indexOf('ashar'), text.indexOf('ces')));
  });

  it('on random text: contains the trimmed selection, splits no token of the core, no grapheme cluster, and moves no end that splits none', () => {
    const input = articleText.chain((t) => fc.tuple(fc.constant(t), fc.nat(t.length), fc.nat(t.length)));
    fc.assert(
      fc.property(input, ([t, a, b]) => {
        const trimmed = trimmedSpan(t, a, b);
        const span = snappedSpan(t, a, b);
        if (!trimmed) {
          expect(span).toBeNull();
          return;
        }
        expect(span).not.toBeNull();
        const tokens = tokenize(t);
        const bounds = clusters(t);
        const { start, end } = span!;
        expect(start).toBeLessThanOrEqual(trimmed.start);
        expect(end).toBeGreaterThanOrEqual(trimmed.end);
        for (const token of tokens) {
          expect(token.start < start && start < token.end).toBe(false);
          expect(token.start < end && end < token.end).toBe(false);
        }
        expect(bounds.has(start) && bounds.has(end)).toBe(true);
        // An end that split neither a token nor a cluster stays where it was.
        const splits = (o: number) => !bounds.has(o) || tokens.some((k) => k.start < o && o < k.end);
        if (!splits(trimmed.start)) expect(start).toBe(trimmed.start);
        if (!splits(trimmed.end)) expect(end).toBe(trimmed.end);
      }),
      { numRuns: 500 },
    );
  });
});
