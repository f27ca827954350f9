/// Moving one end of an annotation's span (DESIGN §12, boundary editing): by one word from the
/// keyboard, or to where a drag handle was let go. Words are the tokens of word snapping
/// (`wordSnap.ts`, the CoNLL token rule), joined where a grapheme cluster spans two of them, so
/// an end never splits an emoji, a ZWJ sequence or a letter and its marks. Whitespace is never
/// inside a span's ends: the start always lands on a word, the end right after one. A span never
/// becomes empty, never crosses its other end and never leaves the text. Offsets are UTF-16, as
/// the annotation stores them. Pure.
import type { TextSpan } from './textPositions';
import { tokensBetween } from './wordSnap';

/// Which end of a span moves.
export type SpanEnd = 'start' | 'end';

const WHITESPACE = /\s/;

let segmenter: Intl.Segmenter | null = null;

function isSpace(text: string, offset: number): boolean {
  return WHITESPACE.test(text[offset]);
}

/// The run of non-whitespace characters that holds the character at `offset`.
function runAround(text: string, offset: number): TextSpan {
  let start = offset;
  let end = offset + 1;
  while (start > 0 && !isSpace(text, start - 1)) start -= 1;
  while (end < text.length && !isSpace(text, end)) end += 1;
  return { start, end };
}

/// The offsets inside `run` (its two ends included) where an end may stop, in order: the edges
/// of its words that are also grapheme cluster boundaries, or with `raw` every cluster boundary.
function stopsIn(text: string, run: TextSpan, raw: boolean): number[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const clusters = new Set<number>([run.end]);
  for (const { index } of segmenter.segment(text.slice(run.start, run.end))) clusters.add(run.start + index);
  if (raw) return [...clusters].sort((a, b) => a - b);
  const edges = new Set<number>();
  for (const token of tokensBetween(text, run.start, run.end)) edges.add(token.start).add(token.end);
  return [...edges].filter((edge) => clusters.has(edge)).sort((a, b) => a - b);
}

/// The first stop after `offset` that ends a word (the end of the word holding `offset`, or of
/// the next one past any whitespace); null at the end of the text.
function wordEndAfter(text: string, offset: number, raw = false): number | null {
  let at = offset;
  while (at < text.length && isSpace(text, at)) at += 1;
  if (at >= text.length) return null;
  return stopsIn(text, runAround(text, at), raw).find((stop) => stop > at) ?? null;
}

/// The last stop before `offset` that starts a word (the start of the word holding `offset - 1`,
/// or of the one before past any whitespace); null at the start of the text.
function wordStartBefore(text: string, offset: number, raw = false): number | null {
  let at = offset;
  while (at > 0 && isSpace(text, at - 1)) at -= 1;
  if (at <= 0) return null;
  return stopsIn(text, runAround(text, at - 1), raw).findLast((stop) => stop < at) ?? null;
}

/// The last stop before `offset` that ends a word: inside the word before `offset`, or past the
/// whitespace before that word; null when there is none.
function wordEndBefore(text: string, offset: number): number | null {
  let previousRunEnd = offset;
  if (offset > 0 && !isSpace(text, offset - 1)) {
    const run = runAround(text, offset - 1);
    const inside = stopsIn(text, run, false).findLast((stop) => stop > run.start && stop < offset);
    if (inside !== undefined) return inside;
    previousRunEnd = run.start;
  }
  while (previousRunEnd > 0 && isSpace(text, previousRunEnd - 1)) previousRunEnd -= 1;
  return previousRunEnd > 0 && previousRunEnd < offset ? previousRunEnd : null;
}

/// The first stop after `offset` that starts a word: inside the word at `offset`, or past the
/// whitespace after that word; null when there is none.
function wordStartAfter(text: string, offset: number): number | null {
  let nextRunStart = offset;
  if (offset < text.length && !isSpace(text, offset)) {
    const run = runAround(text, offset);
    const inside = stopsIn(text, run, false).find((stop) => stop > offset && stop < run.end);
    if (inside !== undefined) return inside;
    nextRunStart = run.end;
  }
  while (nextRunStart < text.length && isSpace(text, nextRunStart)) nextRunStart += 1;
  return nextRunStart < text.length && nextRunStart > offset ? nextRunStart : null;
}

/// `span` with one end moved one word: `direction` +1 to the right, −1 to the left. Null when it
/// cannot move: past the text's start or end, or onto or across its other end.
export function movedByWord(text: string, span: TextSpan, which: SpanEnd, direction: 1 | -1): TextSpan | null {
  if (which === 'end') {
    const end = direction > 0 ? wordEndAfter(text, span.end) : wordEndBefore(text, span.end);
    return end !== null && end > span.start ? { start: span.start, end } : null;
  }
  const start = direction > 0 ? wordStartAfter(text, span.start) : wordStartBefore(text, span.start);
  return start !== null && start < span.end ? { start, end: span.end } : null;
}

/// `span` with one end dragged to `offset`: snapped out to the whole word the offset falls in
/// (with `raw`, Alt held, only out of a grapheme cluster), whitespace left outside; an end
/// dragged onto or past the other end stops one word (one cluster) short of it. Null when the
/// span would not change.
export function draggedTo(text: string, span: TextSpan, which: SpanEnd, offset: number, raw = false): TextSpan | null {
  const at = Math.max(0, Math.min(offset, text.length));
  let moved: TextSpan;
  if (which === 'end') {
    // The word that holds the character before `at` ends the span; the smallest span is its
    // first word.
    const end = at > span.start ? wordEndAfter(text, wordStartBefore(text, at, raw) ?? span.start, raw) : null;
    moved = { start: span.start, end: end !== null && end > span.start ? end : (wordEndAfter(text, span.start, raw) ?? span.end) };
  } else {
    const start = at < span.end ? wordStartBefore(text, wordEndAfter(text, at, raw) ?? span.end, raw) : null;
    moved = { start: start !== null && start < span.end ? start : (wordStartBefore(text, span.end, raw) ?? span.start), end: span.end };
  }
  return moved.start === span.start && moved.end === span.end ? null : moved;
}
