/// Turns the positioned lines of a PDF's pages into paragraphs of running text: page headers and
/// footers dropped, lines joined into paragraphs, hyphenation at line ends undone. Pure layout
/// logic, kept apart from pdf.js so that each rule can be tested on lines made by hand.

/// One line of text as laid out on a page; `x`, `y` in PDF points (y grows upwards), `size` the
/// font height.
export interface PdfLine {
  text: string;
  x: number;
  y: number;
  size: number;
  /// From the line's start to its end, when known.
  width?: number;
}

/// A page's lines in the order the page draws them (for office documents, reading order).
export interface PdfPage {
  lines: PdfLine[];
}

/// How many lines at the top and at the bottom of a page may be a running header or footer.
const MARGIN_LINES = 2;

/// Lines that repeat at the top or bottom of the pages (the same text, page numbers aside, at the
/// same height on at least half the pages, and on two or more) are running headers and footers.
/// Returns the pages without them.
export function withoutRunningHeaders(pages: PdfPage[]): PdfPage[] {
  if (pages.length < 2) return pages;
  const keyOf = (line: PdfLine) => `${Math.round(line.y / 2)}|${line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()}`;
  const marginKeys = pages.map((page) => {
    const byHeight = [...page.lines].sort((a, b) => b.y - a.y);
    const margin = [...byHeight.slice(0, MARGIN_LINES), ...byHeight.slice(-MARGIN_LINES)];
    return new Set(margin.map(keyOf));
  });
  const pagesWith = new Map<string, number>();
  for (const keys of marginKeys) for (const key of keys) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((page, i) => ({
    lines: page.lines.filter((line) => {
      const key = keyOf(line);
      return !(marginKeys[i].has(key) && (pagesWith.get(key) ?? 0) >= needed);
    }),
  }));
}

/// The pages' text as paragraphs separated by a blank line. A paragraph starts where the gap to
/// the previous line is clearly larger than the usual line spacing, where the first line is
/// indented, where the font size changes (a headline), or, across a page break, after a short line
/// that ends a sentence.
export function paragraphsOf(pages: PdfPage[]): string {
  const lines = pages.flatMap((page) => page.lines.filter((line) => line.text.trim()));
  const words = vocabulary(lines);
  const spacing = usualSpacing(pages);
  const paragraphs: string[] = [];
  let current = '';
  let previous: PdfLine | null = null;
  let previousPage = -1;
  let lineIndex = 0;
  pages.forEach((page, pageIndex) => {
    const shown = page.lines.filter((line) => line.text.trim());
    const left = usualLeft(shown);
    const width = Math.max(0, ...shown.map((line) => line.x + estimatedWidth(line) - left));
    for (const line of shown) {
      const text = line.text.replace(/\s+/g, ' ').trim();
      let starts = previous === null;
      if (previous) {
        const indented = line.x > left + line.size * 0.8;
        const resized = Math.abs(line.size - previous.size) > Math.max(previous.size, line.size) * 0.15;
        if (pageIndex !== previousPage || line.y >= previous.y) {
          // A new page or column: no gap to go by.
          const shortness = estimatedWidth(previous) / (width || 1);
          const endedShort = shortness < 0.5 || (shortness < 0.8 && /[.!?:"”’)]$/.test(current));
          starts = indented || resized || endedShort;
        } else {
          const gap = (previous.y - line.y) / Math.max(line.size, previous.size);
          starts = indented || resized || gap > spacing * 1.3;
        }
      }
      if (starts) {
        if (current) paragraphs.push(current);
        current = text;
      } else {
        current = joinLines(current, text, words);
      }
      previous = line;
      previousPage = pageIndex;
      lineIndex++;
    }
  });
  if (current) paragraphs.push(current);
  return lineIndex ? paragraphs.join('\n\n') : '';
}

/// Joins a line to the text before it. A word broken at the line end by a hyphen is joined up
/// again when it is a hyphenation and kept with its hyphen when the hyphen is part of the word:
/// - a soft hyphen (U+00AD) is always a hyphenation;
/// - otherwise, when the next line starts with a lower-case letter, the document's own words
///   decide: if the joined word ("evacuation") occurs elsewhere in it, the hyphen goes; if the
///   hyphenated form ("two-thirds") occurs elsewhere, it stays; if neither, it goes (a break
///   before a lower-case letter is almost always a hyphenation);
/// - before a capital or a digit ("al-|Assad", "Russian-|American", "COVID-|19") the hyphen stays.
/// The lines are then joined without a space; every other line break becomes one space.
export function joinLines(before: string, line: string, words: ReadonlySet<string> = new Set()): string {
  const broken = /(\p{L}+)([-\u00AD\u2010])$/u.exec(before);
  const next = /^\p{L}+/u.exec(line)?.[0] ?? '';
  if (broken && next) {
    const [, head, hyphen] = broken;
    const stem = before.slice(0, -1);
    if (hyphen === '\u00AD') return stem + line;
    if (/^\p{Ll}/u.test(next)) {
      const joined = (head + next).toLowerCase();
      const hyphenated = `${head}-${next}`.toLowerCase();
      const keep = !words.has(joined) && words.has(hyphenated);
      return keep ? before + line : stem + line;
    }
    return before + line;
  }
  if (/\p{L}-$/u.test(before) && /^\d/.test(line)) return before + line;
  return `${before} ${line}`;
}

/// Every word of the document in lower case, hyphenated words both whole and in parts, so that
/// the line-end rule can ask how the document itself writes a word.
function vocabulary(lines: PdfLine[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    for (const word of line.text.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []) {
      words.add(word);
      for (const part of word.split('-')) words.add(part);
    }
  }
  return words;
}

/// The distance between the lines of a paragraph, in font heights: the smallest distance between
/// consecutive lines of one size that is common (a tenth of all, or at least twice). Not simply the
/// most common one: a page of one-line paragraphs has more paragraph gaps than line gaps.
function usualSpacing(pages: PdfPage[]): number {
  const counts = new Map<number, number>();
  let pairs = 0;
  for (const page of pages) {
    const lines = page.lines.filter((line) => line.text.trim());
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1], lines[i]];
      if (b.y >= a.y || Math.abs(a.size - b.size) > 0.5) continue;
      const ratio = Math.round(((a.y - b.y) / Math.max(a.size, b.size)) * 20) / 20;
      if (ratio < 0.8) continue; // superscripts, overprinting
      counts.set(ratio, (counts.get(ratio) ?? 0) + 1);
      pairs++;
    }
  }
  const common = [...counts].filter(([, count]) => count >= Math.max(2, pairs / 10)).map(([ratio]) => ratio);
  return common.length ? Math.min(...common) : 1.2;
}

/// The left edge most lines of a page start at (the text column's margin).
function usualLeft(lines: PdfLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.x), (counts.get(Math.round(line.x)) ?? 0) + 1);
  let best = Infinity;
  let bestCount = 0;
  for (const [x, count] of counts) {
    if (count > bestCount || (count === bestCount && x < best)) [best, bestCount] = [x, count];
  }
  return Number.isFinite(best) ? best : 0;
}

/// A line's width when pdf.js does not say: about half an em per character.
function estimatedWidth(line: PdfLine): number {
  return line.width ?? line.text.length * line.size * 0.5;
}
