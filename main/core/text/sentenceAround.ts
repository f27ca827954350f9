/// The sentence a span stands in: what a figure's context in Compare shows, and what its measure
/// is suggested from. A sentence ends at `.`, `!` or `?` followed by a space, or at a line break;
/// neither side reaches further than `MAX_SIDE` characters from the span.

/// Most characters taken on either side of a span.
export const MAX_SIDE = 240;

const BREAK = /[.!?]["'”’)\]]*\s|\n/g;

/// The bounds of the sentence holding [start, end) in `text` (UTF-16 offsets), reaching at most
/// `side` characters from the span; `cut` tells the sides stopped short of the sentence's end by
/// that limit.
export function sentenceAround(text: string, start: number, end: number, side = MAX_SIDE): { start: number; end: number; cut: { before: boolean; after: boolean } } {
  const from = Math.max(0, start - side);
  let sentenceStart = from;
  BREAK.lastIndex = from;
  for (let m = BREAK.exec(text); m && m.index + m[0].length <= start; m = BREAK.exec(text)) sentenceStart = m.index + m[0].length;
  const to = Math.min(text.length, end + side);
  BREAK.lastIndex = end;
  const next = BREAK.exec(text);
  // The stop itself belongs to the sentence; the space after it does not.
  const sentenceEnd = next && next.index < to ? next.index + next[0].trimEnd().length : to;
  return {
    start: keepPair(text, sentenceStart, 1),
    end: keepPair(text, sentenceEnd, -1),
    cut: { before: sentenceStart === from && from > 0, after: sentenceEnd === to && to < text.length },
  };
}

/// `offset`, moved by one in `direction` if it would split a surrogate pair.
function keepPair(text: string, offset: number, direction: 1 | -1): number {
  const c = text.charCodeAt(offset);
  return offset > 0 && offset < text.length && c >= 0xdc00 && c <= 0xdfff ? offset + direction : offset;
}

/// The words of the sentence (or of `sentence`, its bounds found already) before and after
/// [start, end), on one line each.
export function contextAround(text: string, start: number, end: number, sentence = sentenceAround(text, start, end)): { before: string; after: string } {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  return { before: oneLine(text.slice(sentence.start, start)).trimStart(), after: oneLine(text.slice(end, sentence.end)).trimEnd() };
}
