/// Where a phrase occurs in a text as whole words (DESIGN §12, "Tag all occurrences"). Pure.
///
/// Whole words are the app's tokens (DESIGN §5, `tokens.ts`, and the renderer's word snapping):
/// an occurrence neither starts nor ends inside a token nor inside a grapheme cluster, so it is
/// exactly what a selection over it would snap to ("Aleppo" is not found in "Aleppos" nor in
/// "Aleppo's", which is one token; "Assad" is not found in "al-Assad"). Case is folded as
/// `foldCase` folds it unless the match is case-sensitive; any run of whitespace in the phrase
/// matches any run in the text (a phrase selected across a line break, CRLF or LF). Offsets are
/// UTF-16 code units, like every offset inside the app.
import { foldCase } from '../text/foldCase.js';
import { contextAround, sentenceAround } from '../text/sentenceAround.js';

/// How a phrase is matched.
export interface MatchOptions {
  /// Letters must have the same case as in the phrase (default: case is folded).
  caseSensitive?: boolean;
}

/// A place a phrase occurs: UTF-16 offsets into the text.
export interface PhraseSpan {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]/u;
const CONNECTORS = "'’.,-";
const ASCII_LIMIT = 0x7f;
const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;

/// The phrase as it is matched: NFC, trimmed, every run of whitespace one space; '' for none.
export function normalisePhrase(phrase: string): string {
  return phrase.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/// The code point that ends at `at` (a whole surrogate pair), or ''.
function pointBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1];
}

/// The code point that starts at `at`, or ''.
function pointAt(text: string, at: number): string {
  const code = text.codePointAt(at);
  return code === undefined ? '' : String.fromCodePoint(code);
}

const isWord = (point: string) => point !== '' && WORD.test(point);

/// Whether `at` falls strictly inside a token of `text` (DESIGN §5's rule as `tokenize` reads it:
/// letters, marks and digits joined by ' ’ . , - between them, an ellipsis of three or more dots,
/// or one other grapheme cluster), read from its neighbours only. A property test holds it equal to the boundaries of `tokenize`.
export function insideToken(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  // Tokens are made of whole grapheme clusters (an emoji with its skin tone is one token).
  if (insideCluster(text, at)) return true;
  // An ellipsis, three or more dots, is one token.
  if (text[at - 1] === '.' && text[at] === '.' && dotRunLength(text, at) >= 3) return true;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  // Between the halves of a surrogate pair.
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return true;
  const wordBefore = isWord(pointBefore(text, at));
  const wordAfter = isWord(pointAt(text, at));
  if (wordBefore && wordAfter) return true;
  // Before a connector that joins two words ("Aleppo|'s"), or just after one ("al-|Assad").
  if (wordBefore && CONNECTORS.includes(text[at]) && isWord(pointAt(text, at + 1))) return true;
  return wordAfter && CONNECTORS.includes(text[at - 1]) && isWord(pointBefore(text, at - 1));
}

/// The length of the run of dots around `at`.
function dotRunLength(text: string, at: number): number {
  let from = at;
  while (from > 0 && text[from - 1] === '.') from--;
  let to = at;
  while (to < text.length && text[to] === '.') to++;
  return to - from;
}

let segmenter: Intl.Segmenter | null = null;

/// Whether `at` falls inside a grapheme cluster (an emoji's ZWJ sequence or skin tone, a letter
/// and its marks). Only text beyond ASCII around `at` is segmented.
function insideCluster(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  if (text.charCodeAt(at) <= ASCII_LIMIT) return false;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const from = Math.max(0, at - 32);
  for (const { index, segment } of segmenter.segment(text.slice(from, Math.min(text.length, at + 32)))) {
    const start = from + index;
    if (start >= at) return false;
    if (start + segment.length > at) return true;
  }
  return false;
}

/// Whether `[start, end)` of `text` is whole words: neither end inside a token or a cluster.
export function isWholeWords(text: string, start: number, end: number): boolean {
  return !insideToken(text, start) && !insideToken(text, end) && !insideCluster(text, start) && !insideCluster(text, end);
}

/// A matcher of one phrase: `find` gives every whole-word occurrence in a text, in order and
/// not overlapping. Built once per phrase and reused for every document.
export interface PhraseMatcher {
  /// The phrase as matched (see {@link normalisePhrase}).
  readonly phrase: string;
  find(text: string): PhraseSpan[];
}

/// The matcher of `phrase`; it finds nothing when the phrase is blank.
export function phraseMatcher(phrase: string, options: MatchOptions = {}): PhraseMatcher {
  const normalised = normalisePhrase(phrase);
  const caseSensitive = options.caseSensitive ?? false;
  const parts = normalised.split(' ').filter(Boolean);
  // Case-insensitive matching first finds what the `i` flag's case folding finds, then keeps
  // what `foldCase` holds equal, so that case is folded exactly as the search folds it.
  const pattern = parts.length ? new RegExp(parts.map((p) => p.replace(REGEX_SPECIAL, '\\$&')).join('\\s+'), caseSensitive ? 'gu' : 'giu') : null;
  const folded = foldCase(normalised);
  return {
    phrase: normalised,
    find(text: string): PhraseSpan[] {
      const spans: PhraseSpan[] = [];
      if (!pattern) return spans;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        const sameCase = caseSensitive || foldCase(parts.length > 1 ? m[0].replace(/\s+/gu, ' ') : m[0]) === folded;
        if (sameCase && isWholeWords(text, start, end)) spans.push({ start, end });
        // Not whole words here: the next try starts one character on ("ab" in "aab ab").
        else pattern.lastIndex = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
      }
      return spans;
    },
  };
}

/// Every whole-word occurrence of `phrase` in `text` (see the module comment).
export function findOccurrences(text: string, phrase: string, options: MatchOptions = {}): PhraseSpan[] {
  return phraseMatcher(phrase, options).find(text);
}

/// Most characters of context shown on each side of an occurrence.
export const CONTEXT_CHARACTERS = 60;

/// What an occurrence is shown with: the words of its sentence before and after it, at most
/// `CONTEXT_CHARACTERS` on each side (cut at a word, marked `…`), each on one line.
export function occurrenceContext(text: string, start: number, end: number): { before: string; after: string } {
  const sentence = sentenceAround(text, start, end, CONTEXT_CHARACTERS);
  const { before, after } = contextAround(text, start, end, sentence);
  // Cut mid-sentence: drop the broken word and say so.
  return {
    before: sentence.cut.before ? `…${before.replace(/^\S*\s?/u, '')}` : before,
    after: sentence.cut.after ? `${after.replace(/\s?\S*$/u, '')}…` : after,
  };
}
