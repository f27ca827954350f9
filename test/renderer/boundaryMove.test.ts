// Moving one end of an annotation by a word or by a drag (DESIGN §12, issue 18 item 3). Spans
// are written in the text between brackets: `move("a [b] c", 'end', 1)` is "a [b c]".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../main/core/tokens';
import { draggedTo, movedByWord, type SpanEnd } from '../../renderer/src/editor/boundaryMove';
import type { TextSpan } from '../../renderer/src/editor/textPositions';
import { articleText } from '../arbitraries';

/// The text without its brackets and the span they mark.
function parse(marked: string): { text: string; span: TextSpan } {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { text: marked.replace('[', '').replace(']', ''), span: { start, end } };
}

function mark(text: string, span: TextSpan | null): string | null {
  return span && `${text.slice(0, span.start)}[${text.slice(span.start, span.end)}]${text.slice(span.end)}`;
}

function move(marked: string, which: SpanEnd, direction: 1 | -1): string | null {
  const { text, span } = parse(marked);
  return mark(text, movedByWord(text, span, which, direction));
}

/// Drags an end to the offset of the `|` in `target` (the same text with a pointer mark).
function drag(marked: string, which: SpanEnd, target: string, raw = false): string | null {
  const { text, span } = parse(marked);
  return mark(text, draggedTo(text, span, which, target.indexOf('|'), raw));
}

const clusters = (text: string) => new Set([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.index).concat(text.length));

describe('movedByWord', () => {
  it('moves the end one word right and left, over whitespace and line breaks', () => {
    expect(move('President [Bashar] al-Assad forces', 'end', 1)).toBe('President [Bashar al-Assad] forces');
    expect(move('President [Bashar al-Assad] forces', 'end', -1)).toBe('President [Bashar] al-Assad forces');
    expect(move('[said]   \n  Lavrov', 'end', 1)).toBe('[said   \n  Lavrov]');
    expect(move('[said   \n  Lavrov]', 'end', -1)).toBe('[said]   \n  Lavrov');
  });

  it('moves the start one word right and left', () => {
    expect(move('President [Bashar al-Assad] forces', 'start', -1)).toBe('[President Bashar al-Assad] forces');
    expect(move('[President Bashar] al-Assad', 'start', 1)).toBe('President [Bashar] al-Assad');
    expect(move('a\n\n [b c]', 'start', -1)).toBe('[a\n\n b c]');
  });

  it('steps over punctuation one mark at a time, as the token rule splits it', () => {
    expect(move('[Aleppo], Syria.', 'end', 1)).toBe('[Aleppo,] Syria.');
    expect(move('[Aleppo,] Syria.', 'end', 1)).toBe('[Aleppo, Syria].');
    expect(move('[Aleppo, Syria].', 'end', 1)).toBe('[Aleppo, Syria.]');
    expect(move('He said "[leave]" now', 'start', -1)).toBe('He said ["leave]" now');
    expect(move('He said ["leave]" now', 'start', 1)).toBe('He said "[leave]" now');
  });

  it('keeps apostrophes, hyphens and joined numbers inside their word', () => {
    expect(move("[Bashar] al-Assad's forces", 'end', 1)).toBe("[Bashar al-Assad's] forces");
    expect(move("[Bashar al-Assad's] forces", 'end', -1)).toBe("[Bashar] al-Assad's forces");
    expect(move('the [two-thirds] of 1,200.5 men', 'end', 1)).toBe('the [two-thirds of] 1,200.5 men');
    expect(move('the [two-thirds of] 1,200.5 men', 'end', 1)).toBe('the [two-thirds of 1,200.5] men');
    expect(move('it’s [Lebanon’s] army', 'start', -1)).toBe('[it’s Lebanon’s] army');
  });

  it('never splits an emoji, a ZWJ sequence, a flag or a letter and its combining marks', () => {
    expect(move('[we] 👩‍👩‍👧 met', 'end', 1)).toBe('[we 👩‍👩‍👧] met');
    expect(move('[we 👩‍👩‍👧] met', 'end', -1)).toBe('[we] 👩‍👩‍👧 met');
    expect(move('we 👩‍👩‍👧[met]', 'start', -1)).toBe('we [👩‍👩‍👧met]');
    expect(move('we [👩‍👩‍👧met]', 'start', 1)).toBe('we 👩‍👩‍👧[met]');
    expect(move('[the] 🇸🇾 flag', 'end', 1)).toBe('[the 🇸🇾] flag');
    expect(move('[thumbs] 👍🏽 up', 'end', 1)).toBe('[thumbs 👍🏽] up');
    expect(move('[a] cafe\u0301 here', 'end', 1)).toBe('[a cafe\u0301] here');
    expect(move('[a cafe\u0301] here', 'end', -1)).toBe('[a] cafe\u0301 here');
    expect(move('x 😀[😀] y', 'start', -1)).toBe('x [😀😀] y');
  });

  it('never makes the span empty or moves one end onto or across the other', () => {
    expect(move('a [word] here', 'end', -1)).toBeNull();
    expect(move('a [word] here', 'start', 1)).toBeNull();
    expect(move('a [👩‍👩‍👧] here', 'start', 1)).toBeNull();
    expect(move('a [e\u0301] here', 'end', -1)).toBeNull();
  });

  it('does nothing past the start or the end of the text', () => {
    expect(move('[Aleppo] fell', 'start', -1)).toBeNull();
    expect(move('Aleppo [fell]', 'end', 1)).toBeNull();
    expect(move('Aleppo [fell]  \n', 'end', 1)).toBeNull();
    expect(move(' \n[Aleppo] fell', 'start', -1)).toBeNull();
  });

  it('from an end inside a word (a raw tag), moves to that word’s edge first', () => {
    expect(move('[Bash]ar al-Assad', 'end', 1)).toBe('[Bashar] al-Assad');
    expect(move('[Bashar al-As]sad', 'end', -1)).toBe('[Bashar] al-Assad');
    expect(move('Bas[har]', 'start', -1)).toBe('[Bashar]');
  });

  it('on random text: a move keeps the other end, leaves a non-empty trimmed span on word and cluster bounds, and the opposite move undoes it', () => {
    const input = articleText.chain((t) => fc.tuple(fc.constant(t), fc.nat(Math.max(0, t.length - 1)), fc.constantFrom<SpanEnd>('start', 'end'), fc.constantFrom<1 | -1>(1, -1)));
    fc.assert(
      fc.property(input, ([text, at, which, direction]) => {
        // A span of whole words to start from: the token at or after `at`.
        const tokens = tokenize(text);
        const bounds = clusters(text);
        const first = tokens.find((k) => k.end > at && bounds.has(k.start));
        const last = first && tokens.find((k) => k.end >= first.end && bounds.has(k.end));
        if (!first || !last) return;
        const span = { start: first.start, end: last.end };
        const moved = movedByWord(text, span, which, direction);
        if (!moved) return;
        expect(moved.start).toBeLessThan(moved.end);
        expect(moved.start).toBeGreaterThanOrEqual(0);
        expect(moved.end).toBeLessThanOrEqual(text.length);
        expect(which === 'end' ? moved.start : moved.end).toBe(which === 'end' ? span.start : span.end);
        expect(/\s/.test(text[moved.start]) || /\s/.test(text[moved.end - 1])).toBe(false);
        expect(bounds.has(moved.start) && bounds.has(moved.end)).toBe(true);
        for (const token of tokens) {
          expect(token.start < moved.start && moved.start < token.end).toBe(false);
          expect(token.start < moved.end && moved.end < token.end).toBe(false);
        }
        expect(movedByWord(text, moved, which, direction > 0 ? -1 : 1)).toEqual(span);
      }),
      { numRuns: 500 },
    );
  });
});

describe('draggedTo', () => {
  it('takes the whole word the pointer is in, and leaves the whitespace it is in outside', () => {
    expect(drag("[Bashar] al-Assad's forces", 'end', "Bashar al-Assad's fo|rces")).toBe("[Bashar al-Assad's forces]");
    expect(drag("[Bashar al-Assad's forces] shelled", 'end', "Bashar al|-Assad's forces shelled")).toBe("[Bashar al-Assad's] forces shelled");
    expect(drag("[Bashar al-Assad's forces] shelled", 'end', "Bashar al-Assad's |forces shelled")).toBe("[Bashar al-Assad's] forces shelled");
    expect(drag('the town [was]', 'start', 'the| town was')).toBe('the [town was]');
    expect(drag('the town [was shelled]', 'start', 't|he town was shelled')).toBe('[the town was shelled]');
    expect(drag('the town [was shelled]', 'start', 'the town| was shelled')).toBeNull();
  });

  it('with raw (Alt) keeps the offset, but never inside a grapheme cluster', () => {
    expect(drag('[Bashar] al-Assad', 'end', 'Bashar al-As|sad', true)).toBe('[Bashar al-As]sad');
    expect(drag('[we] 👩‍👩‍👧 met', 'end', 'we 👩\u200d|', true)).toBe('[we 👩‍👩‍👧] met');
    expect(drag('[a] cafe\u0301 bar', 'end', 'a cafe|', true)).toBe('[a cafe\u0301] bar');
    expect(drag('we 👩‍👩‍👧 [met]', 'start', 'we 👩‍👩‍👧 m|', true)).toBe('we 👩‍👩‍👧 m[et]');
  });

  it('stops one word short of the other end when dragged onto or past it', () => {
    expect(drag('the [town was] shelled', 'end', '|the town was shelled')).toBe('the [town] was shelled');
    expect(drag('the [town was] shelled', 'start', 'the town was shel|led')).toBe('the town [was] shelled');
    expect(drag('the [town] shelled', 'end', '|the town shelled')).toBeNull();
  });

  it('never leaves the text', () => {
    const { text, span } = parse('the [town] shelled');
    expect(draggedTo(text, span, 'end', text.length + 40)).toEqual({ start: span.start, end: text.length });
    expect(draggedTo(text, span, 'start', -5)).toEqual({ start: 0, end: span.end });
  });
});
