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
