/// Maps ProseMirror positions of a document view to text offsets and back (DESIGN §7).
///
/// Offsets are UTF-16 code units of the article's normalised text, as JavaScript strings index
/// and as the workspace stores them. The document (see `documentContent.ts`) has one paragraph per
/// line of `text.split('\n')`; paragraph boundaries stand for the newlines. So line `i` (0-based),
/// which starts at text offset `lineStarts[i]`, has its content at positions
/// `lineStarts[i] + i + 1 …`, and in general `position = offset + 1 + lineIndex(offset)`.
///
/// Pure and DOM-free (tested under Node with real ProseMirror documents).

/// Which way a position between two paragraphs (or before the first) resolves: as the start of a
/// range it belongs to the following line, as the end to the preceding one. This is what
/// `doc.textBetween(from, to, '\n')` does.
export type PositionSide = 'start' | 'end';

/// A text span in offsets: `text.slice(start, end)`.
export interface TextSpan {
  start: number;
  end: number;
}

/// A span of the document in ProseMirror positions.
export interface PositionSpan {
  from: number;
  to: number;
}

/// Offset of the first character of every line (line 0 starts at 0).
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/// Index of the last element of the sorted array `values` that is ≤ `x` (−1 if none).
function lastAtOrBefore(values: readonly number[], x: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (values[mid] <= x) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/// What the highlight plugin and the view need of a mapping: the whole document's
/// ({@link TextPositions}) or a window of its lines ({@link WindowPositions}).
export interface PositionMap {
  /// `doc.content.size` of the document the mapping describes.
  readonly documentSize: number;
  /// The text span of positions `from`–`to` (in either order); never inverted.
  toSpan(from: number, to: number): TextSpan;
  /// The positions of a text span, or null when none of it is in the document (a window).
  toPositions(span: TextSpan): PositionSpan | null;
  /// Whether all of a text span is in the document (a window holds only some of the text).
  contains(span: TextSpan): boolean;
}

/// Position ↔ offset mapping of the lines `[first, last)` of `text` shown as one paragraph each,
/// the first at position 0 (shared by the whole-document and the window mappings).
function offsetAt(p: TextPositions, first: number, last: number, pos: number, side: PositionSide): number {
  const base = p.lineStarts[first];
  const windowEnd = p.lineEnd(last - 1);
  const size = windowEnd - base + (last - first) + 1;
  const clamped = Math.min(Math.max(0, pos), size);
  // Line i's content starts at position lineStarts[i] - base + (i - first) + 1.
  let low = first;
  let high = last - 1;
  let line = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (p.lineStarts[mid] - base + (mid - first) + 1 <= clamped) {
      line = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (line === -1) return base;
  const contentStart = p.lineStarts[line] - base + (line - first) + 1;
  const end = p.lineEnd(line);
  const offset = p.lineStarts[line] + (clamped - contentStart);
  if (offset <= end) return offset;
  if (side === 'end') return end;
  return line + 1 < last ? p.lineStarts[line + 1] : windowEnd;
}

function spanAt(p: TextPositions, first: number, last: number, from: number, to: number): TextSpan {
  const [a, b] = from <= to ? [from, to] : [to, from];
  const start = offsetAt(p, first, last, a, 'start');
  return { start, end: Math.max(start, offsetAt(p, first, last, b, 'end')) };
}

/// The position ↔ offset mapping of one article's text; build once per text (O(lines) memory,
/// O(log lines) per lookup).
export class TextPositions implements PositionMap {
  /// Offset where each line starts.
  readonly lineStarts: readonly number[];

  constructor(readonly text: string) {
    this.lineStarts = lineStartsOf(text);
  }

  /// Number of lines (paragraphs), at least 1.
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /// `doc.content.size` of the document built from the text.
  get documentSize(): number {
    return this.text.length + this.lineCount + 1;
  }

  /// The line that holds `offset` (a newline belongs to the line it ends).
  lineOf(offset: number): number {
    return Math.max(0, lastAtOrBefore(this.lineStarts, offset));
  }

  /// Offset just past the last character of line `line` (the offset of its newline, if any).
  lineEnd(line: number): number {
    return line + 1 < this.lineCount ? this.lineStarts[line + 1] - 1 : this.text.length;
  }

  /// The text of line `line` (without its newline).
  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /// The position of text offset `offset` (clamped to the text).
  toPosition(offset: number): number {
    const clamped = Math.min(Math.max(0, offset), this.text.length);
    return clamped + 1 + this.lineOf(clamped);
  }

  /// The text offset of position `pos` (clamped to the document). Inside a paragraph the answer
  /// is exact; between paragraphs it depends on `side` (see {@link PositionSide}).
  toOffset(pos: number, side: PositionSide = 'start'): number {
    return offsetAt(this, 0, this.lineCount, pos, side);
  }

  /// The text span of positions `from`–`to` (in either order); never inverted.
  toSpan(from: number, to: number): TextSpan {
    return spanAt(this, 0, this.lineCount, from, to);
  }

  /// The positions of a text span.
  toPositions(span: TextSpan): PositionSpan {
    return { from: this.toPosition(span.start), to: this.toPosition(span.end) };
  }

  contains(span: TextSpan): boolean {
    return span.start >= 0 && span.end <= this.text.length;
  }

  /// The mapping of a document holding only the lines `[first, last)` (clamped to the text, at
  /// least one line), as a long document's windowed view shows them.
  window(first: number, last: number): WindowPositions {
    return new WindowPositions(this, first, last);
  }
}

/// The mapping of a window document: one paragraph per line for the lines `[first, last)` of the
/// text only, line `first` at position 0. Offsets are still offsets of the whole text; an offset
/// outside the window's text (`[start, end]`) has no position.
export class WindowPositions implements PositionMap {
  readonly first: number;
  readonly last: number;
  /// Text offset where the window starts (the start of line `first`).
  readonly start: number;
  /// Text offset where the window ends (the end of line `last - 1`, before its newline).
  readonly end: number;

  constructor(
    readonly full: TextPositions,
    first: number,
    last: number,
  ) {
    this.first = Math.min(Math.max(0, Math.floor(first)), full.lineCount - 1);
    this.last = Math.min(Math.max(this.first + 1, Math.floor(last)), full.lineCount);
    this.start = full.lineStarts[this.first];
    this.end = full.lineEnd(this.last - 1);
  }

  /// Number of lines (paragraphs) in the window.
  get lineCount(): number {
    return this.last - this.first;
  }

  get documentSize(): number {
    return this.end - this.start + this.lineCount + 1;
  }

  /// Whether the window holds all of `span` (an empty span: its offset).
  contains(span: TextSpan): boolean {
    return span.start >= this.start && span.end <= this.end;
  }

  /// The position of text offset `offset`, or null when it is outside the window.
  toPosition(offset: number): number | null {
    if (offset < this.start || offset > this.end) return null;
    return offset - this.start + (this.full.lineOf(offset) - this.first) + 1;
  }

  /// The text offset of window position `pos` (clamped to the window document).
  toOffset(pos: number, side: PositionSide = 'start'): number {
    return offsetAt(this.full, this.first, this.last, pos, side);
  }

  toSpan(from: number, to: number): TextSpan {
    return spanAt(this.full, this.first, this.last, from, to);
  }

  /// The positions of the part of `span` inside the window; null when no character of it (or,
  /// for an empty span, its offset) is in the window.
  toPositions(span: TextSpan): PositionSpan | null {
    const start = Math.max(span.start, this.start);
    const end = Math.min(span.end, this.end);
    if (start > end || (start === end && span.start !== span.end)) return null;
    return { from: this.toPosition(start)!, to: this.toPosition(end)! };
  }
}
