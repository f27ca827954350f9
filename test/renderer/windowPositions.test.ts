// The windowed position mapping of a long document's view: a window document holds only the lines
// [first, last) of the text, and its positions map to offsets of the whole text (and back), proved
// on real ProseMirror documents built exactly as the view builds them; plus the highlight plugin
// moving from one window to another.
import { getSchema } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Fragment } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightsKey, highlightsPlugin, type HighlightedAnnotation, type HighlightLook } from '../../renderer/src/editor/annotationHighlights';
import { documentContent, windowContent } from '../../renderer/src/editor/documentContent';
import { TextPositions, type WindowPositions } from '../../renderer/src/editor/textPositions';

const schema = getSchema([Document, Paragraph, Text]);
const docOf = (window: WindowPositions) => schema.nodeFromJSON(windowContent(window));

/// Pieces that make offsets interesting (as in textPositions.test.ts).
const piece = fc.oneof(
  fc.constantFrom('😀', '👩‍👩‍👧‍👦', 'e\u0301', '東京', '\n', '\n\n', ' ', 'Aleppo', '“quote”'),
  fc.string({ maxLength: 6 }),
);
const articleText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

/// A text and a window [first, last) of its lines.
const withWindow = articleText.chain((text) => {
  const lines = text.split('\n').length;
  return fc.tuple(fc.constant(text), fc.integer({ min: 0, max: lines - 1 }), fc.integer({ min: 1, max: lines })).map(([t, a, n]) => {
    const first = Math.min(a, lines - 1);
    return [t, first, Math.min(lines, first + n)] as const;
  });
});

describe('WindowPositions', () => {
  it('describes the window document: size, start and end offsets', () => {
    fc.assert(
      fc.property(withWindow, ([text, first, last]) => {
        const full = new TextPositions(text);
        const window = full.window(first, last);
        const doc = docOf(window);
        expect(doc.childCount).toBe(last - first);
        expect(window.documentSize).toBe(doc.content.size);
        expect(doc.textBetween(0, doc.content.size, '\n')).toBe(text.slice(window.start, window.end));
      }),
    );
  });

  it('is the whole-document mapping when the window is every line', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const full = new TextPositions(text);
        const window = full.window(0, full.lineCount);
        expect(window.documentSize).toBe(full.documentSize);
        expect(docOf(window).eq(schema.nodeFromJSON(documentContent(text)))).toBe(true);
        for (let offset = 0; offset <= text.length; offset++) expect(window.toPosition(offset)).toBe(full.toPosition(offset));
        for (let pos = 0; pos <= full.documentSize; pos++) {
          expect(window.toOffset(pos, 'start')).toBe(full.toOffset(pos, 'start'));
          expect(window.toOffset(pos, 'end')).toBe(full.toOffset(pos, 'end'));
        }
      }),
    );
  });

  it('round-trips every offset inside the window; an offset outside has no position', () => {
    fc.assert(
      fc.property(withWindow, ([text, first, last]) => {
        const window = new TextPositions(text).window(first, last);
        const doc = docOf(window);
        for (let offset = 0; offset <= text.length; offset++) {
          const pos = window.toPosition(offset);
          if (offset < window.start || offset > window.end) {
            expect(pos).toBeNull();
            continue;
          }
          expect(pos).not.toBeNull();
          expect(window.toOffset(pos!, 'start')).toBe(offset);
          expect(window.toOffset(pos!, 'end')).toBe(offset);
          if (offset < window.end && text[offset] !== '\n') expect(doc.textBetween(pos!, pos! + 1)).toBe(text[offset]);
        }
      }),
    );
  });

  it('gives the text of any selection in the window as doc.textBetween(from, to, "\\n"), as whole-text offsets', () => {
    const withSelection = withWindow.chain(([text, first, last]) => {
      const size = new TextPositions(text).window(first, last).documentSize;
      return fc.tuple(fc.constant([text, first, last] as const), fc.integer({ min: 0, max: size }), fc.integer({ min: 0, max: size }));
    });
    fc.assert(
      fc.property(withSelection, ([[text, first, last], a, b]) => {
        const window = new TextPositions(text).window(first, last);
        const [from, to] = a <= b ? [a, b] : [b, a];
        const { start, end } = window.toSpan(a, b);
        expect(start).toBeLessThanOrEqual(end);
        expect(start).toBeGreaterThanOrEqual(window.start);
        expect(end).toBeLessThanOrEqual(window.end);
        expect(text.slice(start, end)).toBe(docOf(window).textBetween(from, to, '\n'));
      }),
      { numRuns: 500 },
    );
  });

  it('maps a span to the positions of its part inside the window, or null when none of it is', () => {
    const withSpan = withWindow.chain(([text, first, last]) =>
      fc.tuple(fc.constant([text, first, last] as const), fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: text.length })),
    );
    fc.assert(
      fc.property(withSpan, ([[text, first, last], a, b]) => {
        const window = new TextPositions(text).window(first, last);
        const span = { start: Math.min(a, b), end: Math.max(a, b) };
        const positions = window.toPositions(span);
        const start = Math.max(span.start, window.start);
        const end = Math.min(span.end, window.end);
        if (start > end || (start === end && span.start !== span.end)) {
          expect(positions).toBeNull();
          return;
        }
        expect(positions).not.toBeNull();
        expect(docOf(window).textBetween(positions!.from, positions!.to, '\n')).toBe(text.slice(start, end));
        expect(window.contains(span)).toBe(span.start >= window.start && span.end <= window.end);
      }),
    );
  });

  it('clamps the window to the text, with at least one line', () => {
    const full = new TextPositions('a\nb\nc');
    expect([full.window(-3, 99).first, full.window(-3, 99).last]).toEqual([0, 3]);
    expect([full.window(7, 2).first, full.window(7, 2).last]).toEqual([2, 3]);
    expect(full.window(1, 2).start).toBe(2);
    expect(full.window(1, 2).end).toBe(3);
    expect(full.window(1, 2).toOffset(0)).toBe(2);
    expect(full.window(1, 2).toOffset(99)).toBe(3);
  });
});

describe('highlights of a window', () => {
  const text = Array.from({ length: 20 }, (_, i) => `Line ${i} mentions Aleppo and Damascus.`).join('\n');
  const full = new TextPositions(text);
  const look: HighlightLook = {
    labels: new Map([['location', { name: 'Location', color: '#1f9d6b' }]]),
    me: 'me',
    showOthers: true,
    selectedId: null,
    matchIds: new Set(),
    relatedIds: new Set(),
  };
  const at = (id: string, line: number, phrase: string, through = phrase): HighlightedAnnotation => {
    const start = text.indexOf(phrase, full.lineStarts[line]);
    return { id, label: 'location', start, end: text.indexOf(through, start) + through.length, annotator: 'me' };
  };
  const annotations = [at('a', 1, 'Aleppo'), at('b', 10, 'Damascus'), at('c', 4, 'Damascus', 'Aleppo'), at('d', 18, 'Aleppo')];
  const drawn = (state: EditorState) =>
    highlightsKey
      .getState(state)!
      .decorations.find(undefined, undefined, (spec: { mark?: boolean }) => !spec.mark)
      .map((d) => `${(d.spec as { id: string }).id}:${state.doc.textBetween(d.from, d.to, '\n')}`)
      .sort();

  it('draws only the annotations intersecting the window, clipped to it, and follows the window when it moves', () => {
    const first = full.window(0, 5);
    let state = EditorState.create({ doc: docOf(first), plugins: [highlightsPlugin(first)] });
    state = state.apply(state.tr.setMeta(highlightsKey, { type: 'reset', annotations, look }));
    expect(drawn(state)).toEqual(['a:Aleppo', 'c:Damascus.']);

    const next = full.window(5, 12);
    const tr = state.tr.replaceWith(0, state.doc.content.size, Fragment.from(docOf(next).content));
    state = state.apply(tr.setMeta(highlightsKey, { type: 'window', positions: next }));
    expect(drawn(state)).toEqual(['b:Damascus', 'c:Line 5 mentions Aleppo']);

    // Later actions map with the current window.
    const added = at('e', 11, 'Line 11');
    state = state.apply(state.tr.setMeta(highlightsKey, { type: 'upsert', annotation: added }));
    state = state.apply(state.tr.setMeta(highlightsKey, { type: 'upsert', annotation: at('f', 19, 'Line 19') }));
    expect(drawn(state)).toEqual(['b:Damascus', 'c:Line 5 mentions Aleppo', 'e:Line 11']);
    state = state.apply(state.tr.setMeta(highlightsKey, { type: 'remove', id: 'b' }));
    expect(drawn(state)).toEqual(['c:Line 5 mentions Aleppo', 'e:Line 11']);
    expect(highlightsKey.getState(state)!.entries.size).toBe(5);
  });
});
