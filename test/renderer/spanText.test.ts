// Trimming a selection into the span that gets tagged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitsSurrogatePair, trimmedSpan } from '../../renderer/src/editor/spanText';

describe('trimmedSpan', () => {
  it('trims surrounding whitespace, newlines included', () => {
    const text = 'said  Staffan de Mistura \n on Monday';
    const start = text.indexOf(' Staffan') - 1;
    const span = trimmedSpan(text, start, text.indexOf('on') - 1);
    expect(span && text.slice(span.start, span.end)).toBe('Staffan de Mistura');
  });

  it('accepts the ends in either order and clamps them to the text', () => {
    expect(trimmedSpan('abc', 3, 1)).toEqual({ start: 1, end: 3 });
    expect(trimmedSpan('abc', -4, 99)).toEqual({ start: 0, end: 3 });
  });

  it('gives null for an empty or all-whitespace selection', () => {
    expect(trimmedSpan('a b', 1, 1)).toBeNull();
    expect(trimmedSpan('a \n\t b', 1, 5)).toBeNull();
    expect(trimmedSpan('', 0, 0)).toBeNull();
  });

  it('never splits an emoji: a half-selected surrogate pair is taken whole', () => {
    const text = 'x😀y';
    expect(splitsSurrogatePair(text, 2)).toBe(true);
    expect(trimmedSpan(text, 2, 4)).toEqual({ start: 1, end: 4 });
    expect(trimmedSpan(text, 0, 2)).toEqual({ start: 0, end: 3 });
  });

  it('always returns a non-empty span of the text without outer whitespace or split pairs', () => {
    const text = fc.array(fc.constantFrom('a', ' ', '\n', '😀', 'é', '東', '\t'), { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: -2, max: 25 }), fc.integer({ min: -2, max: 25 }), (t, a, b) => {
        const span = trimmedSpan(t, a, b);
        if (span === null) {
          const clamp = (n: number) => Math.min(Math.max(0, n), t.length);
          expect(t.slice(clamp(Math.min(a, b)), clamp(Math.max(a, b))).trim().replace(/[\uDC00-\uDFFF]/g, '')).toBe('');
          return;
        }
        const slice = t.slice(span.start, span.end);
        expect(slice.length).toBeGreaterThan(0);
        expect(slice).toBe(slice.trim());
        expect(splitsSurrogatePair(t, span.start) || splitsSurrogatePair(t, span.end)).toBe(false);
      }),
    );
  });
});
