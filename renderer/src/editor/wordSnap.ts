/// Word snapping (DESIGN §12): a selection's ends move out to whole words before it is tagged, so
/// a sloppy drag from inside "Bashar" to inside "forces" tags "Bashar al-Assad's forces". Words
/// are the tokens of CoNLL export (DESIGN §5, `main/core/tokens.ts`, which the renderer may not
/// import: the rule is repeated here and a property test holds the two equal). An end is also
/// never left inside a grapheme cluster (an emoji's ZWJ sequence, a letter and its marks), which
/// the token rule splits into several symbols. Pure.
import { trimmedSpan } from './spanText';
import type { TextSpan } from './textPositions';

/// DESIGN §5's token rule, as `main/core/tokens.ts` has it: words, an ellipsis of three or more
/// dots, or one other character (the clusters are widened to below).
// eslint-disable-next-line no-useless-escape -- DESIGN §5's pattern, verbatim
const TOKEN_PATTERN = /[\p{L}\p{M}\p{N}]+(?:['’.,\-][\p{L}\p{M}\p{N}]+)*|\.{3,}|[^\s\p{L}\p{M}\p{N}]/gu;
const WHITESPACE = /\s/;

let segmenter: Intl.Segmenter | null = null;

/// The start of the grapheme cluster that holds `offset` (`offset` itself on a boundary); the
/// clusters are read only around the offset, from the whitespace before it.
function clusterBounds(text: string, from: number, to: number, offset: number): { start: number; end: number } | null {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { index, segment } of segmenter.segment(text.slice(from, to))) {
    const start = from + index;
    const end = start + segment.length;
    if (start < offset && offset < end) return { start, end };
    if (start >= offset) break;
  }
  return null;
}

/// The tokens between `from` and `to`, which must both be at whitespace or at an end of the
/// text: tokens never hold whitespace, so the rule read from there finds the text's own tokens.
export function tokensBetween(text: string, from: number, to: number): TextSpan[] {
  const pattern = new RegExp(TOKEN_PATTERN.source, 'gu');
  pattern.lastIndex = from;
  const tokens: TextSpan[] = [];
  for (let m = pattern.exec(text); m && m.index < to; m = pattern.exec(text)) tokens.push({ start: m.index, end: m.index + m[0].length });
  return tokens;
}

/// The whitespace (or text end) at or before `offset`, and at or after it.
function spaceBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !WHITESPACE.test(text[i - 1])) i -= 1;
  return i;
}
function spaceAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !WHITESPACE.test(text[i])) i += 1;
  return i;
}

/// The span to tag for a selection from `start` to `end` (either order): trimmed like
/// {@link trimmedSpan}, then each end moved out to the edge of the word (token) or grapheme
/// cluster it falls inside; ends already between words stay. Null for whitespace only.
export function snappedSpan(text: string, start: number, end: number): TextSpan | null {
  const trimmed = trimmedSpan(text, start, end);
  if (!trimmed) return null;
  let { start: from, end: to } = trimmed;
  // Tokens and clusters can each widen across the other's edge (a word's last letter joined to
  // a following ZWJ): widen by both until neither moves an end.
  for (;;) {
    const around = { start: spaceBefore(text, from), end: spaceAfter(text, to) };
    let nextFrom = from;
    let nextTo = to;
    for (const token of tokensBetween(text, around.start, around.end)) {
      if (token.start < nextFrom && nextFrom < token.end) nextFrom = token.start;
      if (token.start < nextTo && nextTo < token.end) nextTo = token.end;
    }
    nextFrom = clusterBounds(text, around.start, around.end, nextFrom)?.start ?? nextFrom;
    nextTo = clusterBounds(text, around.start, around.end, nextTo)?.end ?? nextTo;
    if (nextFrom === from && nextTo === to) return { start: from, end: to };
    from = nextFrom;
    to = nextTo;
  }
}

/// The span to tag: snapped to whole words, or when `raw` (Alt held) only trimmed.
export function spanToTag(text: string, start: number, end: number, raw = false): TextSpan | null {
  return raw ? trimmedSpan(text, start, end) : snappedSpan(text, start, end);
}
