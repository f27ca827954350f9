// The one position ↔ offset mapping of the renderer (DESIGN §7), proved on real ProseMirror
// documents built exactly as the document view builds them.
import { getSchema } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentContent } from '../../renderer/src/editor/documentContent';
import { TextPositions, lineStartsOf } from '../../renderer/src/editor/textPositions';

const schema = getSchema([Document, Paragraph, Text]);
const docOf = (text: string) => schema.nodeFromJSON(documentContent(text));

/// Pieces that make offsets interesting: surrogate pairs, ZWJ sequences, combining marks, CJK,
/// empty lines and runs of newlines.
const piece = fc.oneof(
  fc.constantFrom('😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', 'e\u0301', 'n\u0303\u0323', '東京', '漢字かな', '\n', '\n\n', ' ', '\t', 'Aleppo', '“quote”'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
const articleText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('TextPositions', () => {
  it('describes the document: size and line starts', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const positions = new TextPositions(text);
        expect(positions.documentSize).toBe(docOf(text).content.size);
        expect(positions.lineStarts).toEqual(lineStartsOf(text));
        expect(positions.lineCount).toBe(text.split('\n').length);
      }),
    );
  });

  it('round-trips every offset, and every position inside a paragraph', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const positions = new TextPositions(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const pos = positions.toPosition(offset);
          expect(positions.toOffset(pos, 'start')).toBe(offset);
          expect(positions.toOffset(pos, 'end')).toBe(offset);
        }
        const doc = docOf(text);
        for (let pos = 0; pos <= doc.content.size; pos++) {
          if (!doc.resolve(pos).parent.isTextblock) continue;
          expect(positions.toPosition(positions.toOffset(pos))).toBe(pos);
        }
      }),
    );
  });

  it('maps an offset to the position ProseMirror shows that character at', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const positions = new TextPositions(text);
        const doc = docOf(text);
        for (let offset = 0; offset < text.length; offset++) {
          if (text[offset] === '\n') continue;
          const pos = positions.toPosition(offset);
          expect(doc.textBetween(pos, pos + 1)).toBe(text[offset]);
        }
      }),
    );
  });

  it('gives the same text for any selection as doc.textBetween(from, to, "\\n")', () => {
    const withSelection = articleText.chain((text) => {
      const size = new TextPositions(text).documentSize;
      return fc.tuple(fc.constant(text), fc.integer({ min: 0, max: size }), fc.integer({ min: 0, max: size }));
    });
    fc.assert(
      fc.property(withSelection, ([text, a, b]) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const { start, end } = new TextPositions(text).toSpan(a, b);
        expect(start).toBeLessThanOrEqual(end);
        expect(text.slice(start, end)).toBe(docOf(text).textBetween(from, to, '\n'));
      }),
      { numRuns: 500 },
    );
  });

  it('maps a text span to positions that cover exactly that text', () => {
    const withSpan = articleText.chain((text) =>
      fc.tuple(fc.constant(text), fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: text.length })),
    );
    fc.assert(
      fc.property(withSpan, ([text, a, b]) => {
        const span = { start: Math.min(a, b), end: Math.max(a, b) };
        const { from, to } = new TextPositions(text).toPositions(span);
        expect(docOf(text).textBetween(from, to, '\n')).toBe(text.slice(span.start, span.end));
      }),
    );
  });

  it('handles the edges: empty text, leading and trailing newlines, clamping', () => {
    const empty = new TextPositions('');
    expect(empty.documentSize).toBe(2);
    expect(empty.toPosition(0)).toBe(1);
    expect(empty.toOffset(0)).toBe(0);
    expect(empty.toOffset(2)).toBe(0);

    const text = '\nab\n';
    const positions = new TextPositions(text);
    // doc: <p>|</p><p>|a|b|</p><p>|</p> → p0 at 0 (content 1), p1 at 2 (content 3–5), p2 at 6 (content 7)
    expect([0, 1, 2, 3, 4].map((o) => positions.toPosition(o))).toEqual([1, 3, 4, 5, 7]);
    expect(positions.documentSize).toBe(8);
    expect(positions.toOffset(2, 'start')).toBe(1);
    expect(positions.toOffset(2, 'end')).toBe(0);
    expect(positions.toOffset(6, 'start')).toBe(4);
    expect(positions.toOffset(6, 'end')).toBe(3);
    expect(positions.toOffset(-5)).toBe(0);
    expect(positions.toOffset(99)).toBe(text.length);
    expect(positions.toPosition(99)).toBe(positions.toPosition(text.length));
  });
});
