/// The one place that converts offsets (DESIGN §3): inside the app they are UTF-16 code units, as
/// JavaScript strings index; in every file that leaves or enters the app they are Unicode code
/// points, as Python and the W3C model count. Built once per text; each conversion is a binary
/// search over the text's astral characters (none at all for most news text).
export class OffsetConverter {
  /// UTF-16 offset of each astral character (a surrogate pair), in order.
  private readonly astral: number[] = [];
  /// Code point offset of each astral character.
  private readonly astralCodePoint: number[] = [];
  /// Length of the text in code points.
  readonly codePointLength: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astralCodePoint.push(i - this.astral.length);
          this.astral.push(i);
          i++;
        }
      }
    }
    this.codePointLength = text.length - this.astral.length;
  }

  /// Code point offset of a UTF-16 offset (which must not split a surrogate pair).
  toCodePoint(utf16: number): number {
    return utf16 - countBelow(this.astral, utf16);
  }

  /// UTF-16 offset of a code point offset.
  toUtf16(codePoint: number): number {
    return codePoint + countBelow(this.astralCodePoint, codePoint);
  }

  /// The text between two code point offsets.
  sliceCodePoints(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/// How many entries of the sorted `values` are below `limit`.
function countBelow(values: number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/// Whether `offset` falls between the two halves of a surrogate pair (a high surrogate before it,
/// a low one after it): not a code point boundary, so a span there would cut an emoji or another
/// astral character in half, and in code points it would collapse to nothing.
export function splitsSurrogatePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/// How the UTF-16 span `[start, end)` of `text` cuts a character, e.g. "starts inside a character
/// (…)", or `null` when both ends are code point boundaries. The one check of every path that makes
/// a span (create, restore, exchange import, exact or re-anchored), so all refuse it alike.
export function surrogateSplitProblem(text: string, start: number, end: number): string | null {
  const atStart = splitsSurrogatePair(text, start);
  const atEnd = splitsSurrogatePair(text, end);
  if (!atStart && !atEnd) return null;
  const where = atStart && atEnd ? 'starts and ends' : atStart ? 'starts' : 'ends';
  return `${where} inside a character (it would cut an emoji or other character written as a surrogate pair in half)`;
}
