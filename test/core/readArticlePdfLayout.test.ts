// The layout rules that make a PDF's lines into paragraphs (pdfParagraphs.ts) and pdf.js's text
// items into lines (readPdf.ts), on lines and items made by hand.
import { describe, expect, it } from 'vitest';
import { joinLines, paragraphsOf, withoutRunningHeaders, type PdfLine, type PdfPage } from '../../main/core/text/pdfParagraphs';
import { linesOf } from '../../main/core/text/readPdf';

/// A 12-point body line at the left margin (x 72) unless told otherwise.
const line = (text: string, y: number, more: Partial<PdfLine> = {}): PdfLine => ({ text, x: 72, y, size: 12, width: 400, ...more });

describe('joining a line to the one before', () => {
  it('a hyphen before a lower-case letter is a hyphenation: removed', () => {
    expect(joinLines('talks on a rebel evacu-', 'ation.')).toBe('talks on a rebel evacuation.');
  });

  it('a hyphen before a capital or a digit belongs to the word: kept, no space', () => {
    expect(joinLines('President Bashar al-', 'Assad said')).toBe('President Bashar al-Assad said');
    expect(joinLines('the Russian-', 'American talks')).toBe('the Russian-American talks');
    expect(joinLines('a COVID-', '19 ward')).toBe('a COVID-19 ward');
  });

  it("the document's own words decide a hyphen before a lower-case letter", () => {
    expect(joinLines('seized two-', 'thirds of it', new Set(['two-thirds', 'two', 'thirds']))).toBe('seized two-thirds of it');
    expect(joinLines('the time-', 'frame', new Set(['timeframe', 'time', 'frame']))).toBe('the timeframe');
    // Both forms known: the joined word wins (a hyphenation is far more common at a line end).
    expect(joinLines('cease-', 'fire', new Set(['ceasefire', 'cease-fire']))).toBe('ceasefire');
  });

  it('a soft hyphen is always a hyphenation; a dash or a lone hyphen is a word of its own', () => {
    expect(joinLines('evacu\u00AD', 'ation')).toBe('evacuation');
    expect(joinLines('Aleppo -', 'but says')).toBe('Aleppo - but says');
    expect(joinLines('ended', 'here')).toBe('ended here');
  });
});

describe('running headers and footers', () => {
  const page = (n: number, body: string[]): PdfPage => ({
    lines: [
      line('Business Standard', 800, { size: 9, x: 250 }),
      ...body.map((text, i) => line(text, 700 - i * 14)),
      line(`Page ${n} of 3`, 40, { size: 9, x: 260 }),
    ],
  });

  it('the same text at the same height on every page, page numbers aside, is dropped', () => {
    const pages = withoutRunningHeaders([page(1, ['One.']), page(2, ['Two.']), page(3, ['Three.'])]);
    expect(pages.map((p) => p.lines.map((l) => l.text))).toEqual([['One.'], ['Two.'], ['Three.']]);
  });

  it('text that repeats in the body, or on one page only, is kept; a single page keeps everything', () => {
    const pages = withoutRunningHeaders([page(1, ['Business Standard', 'Body.']), { lines: [line('Other', 800), line('Body.', 700)] }]);
    expect(pages[0].lines.map((l) => l.text)).toEqual(['Business Standard', 'Business Standard', 'Body.', 'Page 1 of 3']);
    expect(withoutRunningHeaders([page(1, ['Alone.'])])[0].lines).toHaveLength(3);
  });
});

describe('paragraphs', () => {
  it('a larger gap, an indent or a change of size starts a paragraph; other lines are joined', () => {
    const text = paragraphsOf([
      {
        lines: [
          line('Headline in', 760, { size: 18 }),
          line('two lines', 739, { size: 18 }),
          line('First paragraph runs', 700),
          line('over two lines.', 686),
          line('Second after a gap', 665),
          line('ends here.', 651, { width: 80 }),
          line('Third, indented,', 637, { x: 90 }),
          line('goes on.', 623),
        ],
      },
    ]);
    expect(text).toBe('Headline in two lines\n\nFirst paragraph runs over two lines.\n\nSecond after a gap ends here.\n\nThird, indented, goes on.');
  });

  it('across a page break a paragraph goes on, unless the last line was short and ended a sentence', () => {
    const pages = (lastLine: PdfLine): PdfPage[] => [
      { lines: [line('A paragraph that goes', 700), line('on for', 686), lastLine] },
      { lines: [line('the next page.', 700), line('More.', 686)] },
    ];
    expect(paragraphsOf(pages(line('a while and', 672)))).toBe('A paragraph that goes on for a while and the next page. More.');
    expect(paragraphsOf(pages(line('a while.', 672, { width: 60 })))).toBe('A paragraph that goes on for a while.\n\nthe next page. More.');
  });

  it('paragraph gaps outnumbering line gaps (one-line paragraphs) are still paragraph gaps', () => {
    const lines = [line('Body line one,', 700), line('two', 686), line('and three.', 672), ...[651, 630, 609, 588].map((y) => line('Short.', y))];
    expect(paragraphsOf([{ lines }]).split('\n\n')).toEqual(['Body line one, two and three.', 'Short.', 'Short.', 'Short.', 'Short.']);
  });

  it('no lines, no text', () => {
    expect(paragraphsOf([{ lines: [] }, { lines: [line('   ', 700)] }])).toBe('');
  });
});

describe("pdf.js's text items into lines", () => {
  const item = (str: string, x: number, y: number, more: object = {}) => ({ str, transform: [12, 0, 0, 12, x, y], width: str.length * 6, height: 12, dir: 'ltr', hasEOL: false, ...more });

  it('items on one baseline make a line, in the order of their position; an end-of-line item ends it', () => {
    const lines = linesOf([
      item('900', 80, 700),
      item('₹', 72, 700), // drawn after the figure it precedes
      item('', 72, 686, { hasEOL: true }),
      item('Next', 72, 686),
      item(' ', 96, 686),
      item('line', 102, 686),
      { type: 'beginMarkedContent' },
    ]);
    expect(lines.map((l) => [l.text, l.x, l.y])).toEqual([
      ['₹900', 72, 700],
      ['Next line', 72, 686],
    ]);
  });

  it('right-to-left runs keep the order pdf.js gives them', () => {
    const lines = linesOf([item('مرحبا', 200, 700, { dir: 'rtl' }), item(' ', 190, 700), item('حلب', 150, 700, { dir: 'rtl' })]);
    expect(lines[0].text).toBe('مرحبا حلب');
  });
});
