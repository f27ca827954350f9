/// Turning a raw selection into the span that gets tagged: clamped to the text, widened so it
/// never splits a surrogate pair (half an emoji), and trimmed of surrounding whitespace, as the
/// service does too (DESIGN §3). Pure.
import type { TextSpan } from './textPositions';

const WHITESPACE = /\s/;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/// Whether `offset` falls between the two halves of a surrogate pair.
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/// The span to tag for a selection of `text` from `start` to `end` (either order), or null when
/// nothing but whitespace is selected.
export function trimmedSpan(text: string, start: number, end: number): TextSpan | null {
  let from = Math.max(0, Math.min(start, end, text.length));
  let to = Math.min(text.length, Math.max(start, end, 0));
  if (splitsSurrogatePair(text, from)) from -= 1;
  if (splitsSurrogatePair(text, to)) to += 1;
  while (from < to && WHITESPACE.test(text[from])) from += 1;
  while (to > from && WHITESPACE.test(text[to - 1])) to -= 1;
  return from < to ? { start: from, end: to } : null;
}
