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
function lastAtOrBefore(values: readonly number[], x: number, shift: (i: number) => number = () => 0): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (values[mid] + shift(mid) <= x) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/// The position ↔ offset mapping of one article's text; build once per text (O(lines) memory,
/// O(log lines) per lookup).
export class TextPositions {
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

  /// The position of text offset `offset` (clamped to the text).
  toPosition(offset: number): number {
    const clamped = Math.min(Math.max(0, offset), this.text.length);
    return clamped + 1 + this.lineOf(clamped);
  }

  /// The text offset of position `pos` (clamped to the document). Inside a paragraph the answer
  /// is exact; between paragraphs it depends on `side` (see {@link PositionSide}).
  toOffset(pos: number, side: PositionSide = 'start'): number {
    const clamped = Math.min(Math.max(0, pos), this.documentSize);
    // Line i's content starts at position lineStarts[i] + i + 1.
    const line = lastAtOrBefore(this.lineStarts, clamped, (i) => i + 1);
    if (line === -1) return 0;
    const contentStart = this.lineStarts[line] + line + 1;
    const end = this.lineEnd(line);
    const offset = this.lineStarts[line] + (clamped - contentStart);
    if (offset <= end) return offset;
    if (side === 'end') return end;
    return line + 1 < this.lineCount ? this.lineStarts[line + 1] : this.text.length;
  }

  /// The text span of positions `from`–`to` (in either order); never inverted.
  toSpan(from: number, to: number): TextSpan {
    const [a, b] = from <= to ? [from, to] : [to, from];
    const start = this.toOffset(a, 'start');
    return { start, end: Math.max(start, this.toOffset(b, 'end')) };
  }

  /// The positions of a text span.
  toPositions(span: TextSpan): PositionSpan {
    return { from: this.toPosition(span.start), to: this.toPosition(span.end) };
  }
}
