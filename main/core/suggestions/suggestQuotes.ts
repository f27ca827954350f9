/// Quote suggestions (DESIGN §12): text between quotation marks (straight and curly, double and
/// single, « »), across line breaks, of at least `MIN_QUOTE_WORDS` words, with a speaker candidate
/// from "X said" / "said X" / "X told …" / "according to X" in the quote's sentence, else the
/// person a "he said" points back to in the sentence before, else the speaker of a quote the
/// sentence before holds (a quote running on over paragraphs).
import { SUGGESTION_LABELS, spanOf, type SuggestedSpan, type Suggestion } from './suggestion.js';

/// Shorter quoted phrases ("war of attrition") are quoted terms, not quotes.
export const MIN_QUOTE_WORDS = 4;
/// Longest quote looked for: an opening mark with no closing one within this is left alone.
const MAX_QUOTE_LENGTH = 5000;

/// Each opening mark and the closing marks it pairs with.
const CLOSERS: Record<string, string> = { '"': '"', '“': '”"', '«': '»', '‘': '’\'', "'": "'’" };
const OPENERS = /["“«‘']/g;
const LETTER = /[\p{L}\p{N}]/u;

/// Whether the mark at `i` can open a quote: not inside a word (an apostrophe) and not followed
/// by a space.
function opensAt(text: string, i: number): boolean {
  const before = i > 0 ? text[i - 1] : ' ';
  const after = text[i + 1] ?? ' ';
  return !LETTER.test(before) && !/\s/.test(after) && !/["“”«»]/.test(before === '"' ? 'x' : '');
}

/// Whether the mark at `i` can close a quote: after a non-space and not inside a word.
function closesAt(text: string, i: number): boolean {
  return !/\s/.test(text[i - 1] ?? ' ') && !LETTER.test(text[i + 1] ?? ' ');
}

/// The end of the quote opened at `open` (the index of its closing mark, or of the end of a
/// paragraph that the next paragraph's opening mark carries on), or -1.
function quoteEnd(text: string, open: number): number {
  const closers = CLOSERS[text[open]];
  const limit = Math.min(text.length, open + MAX_QUOTE_LENGTH);
  for (let i = open + 1; i < limit; i++) {
    const c = text[i];
    if (c === '\n') {
      const next = /\n\s*/y;
      next.lastIndex = i;
      const m = next.exec(text)!;
      const following = text[i + m[0].length];
      if (following === text[open] || (following !== undefined && CLOSERS[following] !== undefined && following !== "'")) return i;
    } else if (closers.includes(c) && closesAt(text, i)) {
      return i;
    }
  }
  return -1;
}

const VERBS = 'said|says|saying|told|tells|added|adds|asked|stated|wrote|writes|described|acknowledges|acknowledged|warned|claimed|announced|insisted|explained';
const PRONOUN = /^(?:he|she|they|we|i|it)$/i;
const SENTENCE_BREAK = /[.!?]["'”’)]*\s+(?=["“‘'«\p{Lu}])|\n/gu;

/// The start of the sentence holding `offset`.
function sentenceStart(text: string, offset: number): number {
  let start = Math.max(0, offset - 1000);
  SENTENCE_BREAK.lastIndex = start;
  for (let m = SENTENCE_BREAK.exec(text); m && m.index + m[0].length <= offset; m = SENTENCE_BREAK.exec(text)) start = m.index + m[0].length;
  return start;
}

/// The end of the sentence holding `offset`.
function sentenceEnd(text: string, offset: number): number {
  SENTENCE_BREAK.lastIndex = offset;
  const m = SENTENCE_BREAK.exec(text);
  return m ? m.index + 1 : text.length;
}

/// `span` of `text` without the leading and trailing spaces, punctuation and joining words.
function trimSpan(text: string, start: number, end: number): SuggestedSpan | null {
  const piece = text.slice(start, end);
  const lead = /^(?:[\s,.;:"'“”‘’—–-]|(?:and|but|then|while|as|with)\s)*/i.exec(piece)![0].length;
  const trail = /[\s,.;:"'“”‘’—–-]*$/.exec(piece.slice(lead))![0].length;
  const s = start + lead;
  const e = end - trail;
  if (e <= s) return null;
  const words = text.slice(s, e).split(/\s+/);
  if (words.length > 12) return null;
  return spanOf(text, s, e);
}

/// Who the words [from, to) name as speaking: "X said", ", said X", "according to X".
function attributionIn(text: string, from: number, to: number): SuggestedSpan | null {
  const piece = text.slice(from, to);
  const according = /according to\s+([^,.;:"“”]+)/i.exec(piece);
  const verb = new RegExp(`(?<![\\p{L}])(?:${VERBS})(?![\\p{L}])`, 'iu').exec(piece);
  if (!verb && !according) return null;
  if (according && (!verb || according.index < verb.index)) {
    const s = from + according.index + according[0].length - according[1].length;
    return trimSpan(text, s, s + according[1].length);
  }
  const at = from + verb!.index;
  const before = text.slice(from, at);
  const inverted = /^(?:said|says|added|asked|wrote)$/i.test(verb![0]) && /[,"”’]\s*$/.test(before);
  if (inverted || /^[\s,.;:"'“”‘’]*$/.test(before)) {
    // ", said one of the officials": the speaker follows the verb, up to punctuation.
    const after = /[^,.;:"“”\n]+/y;
    after.lastIndex = at + verb![0].length;
    const m = after.exec(text);
    return m ? trimSpan(text, m.index, m.index + m[0].length) : null;
  }
  // "Lavrov said": the speaker is the phrase before the verb; of phrases between commas, the
  // first, unless it sets a scene ("In comments published Thursday, Assad said").
  const chunks = [...before.matchAll(/[^,]+/g)].filter((c) => c[0].trim() !== '');
  if (chunks.length === 0) return null;
  let chosen = chunks[0];
  if (/^\s*(?:in|on|at|after|as|with|however|meanwhile|but|and|so)\b/i.test(chosen[0]) || /["“”]/.test(chosen[0])) chosen = chunks.at(-1)!;
  const s = from + chosen.index;
  return trimSpan(text, s, s + chosen[0].length);
}

/// Quote suggestions in `text`, in text order.
export function suggestQuotes(text: string): Suggestion[] {
  const found: Suggestion[] = [];
  OPENERS.lastIndex = 0;
  for (let m = OPENERS.exec(text); m; m = OPENERS.exec(text)) {
    const open = m.index;
    if (!opensAt(text, open)) continue;
    const close = quoteEnd(text, open);
    if (close < 0) continue;
    OPENERS.lastIndex = close + 1;
    const start = open + 1;
    let end = close;
    while (end > start && /\s/.test(text[end - 1])) end--;
    const words = text.slice(start, end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    if (words < MIN_QUOTE_WORDS) continue;
    const suggestion: Suggestion = { label: SUGGESTION_LABELS.quote, kind: 'quote', start, end, text: text.slice(start, end) };
    const speaker = speakerOf(text, open, close, found.at(-1));
    if (speaker) suggestion.speaker = speaker;
    found.push(suggestion);
  }
  return found;
}

/// The speaker candidate of the quote whose marks are at `open` and `close`.
function speakerOf(text: string, open: number, close: number, previous: Suggestion | undefined): SuggestedSpan | null {
  const closeMark = text[close] === '\n' ? close : close + 1;
  const trailerEnd = Math.min(sentenceEnd(text, closeMark), nextMark(text, closeMark));
  const ownStart = sentenceStart(text, open);
  const named = attributionIn(text, closeMark, trailerEnd) ?? (ownStart < open ? attributionIn(text, ownStart, open) : null);
  if (named && !PRONOUN.test(named.text)) return named;
  const previousEnd = ownStart > 0 ? ownStart - 1 : 0;
  const previousStart = sentenceStart(text, Math.max(0, previousEnd - 1));
  if (named) {
    // "he said": the speaker the sentence before names.
    const earlier = attributionIn(text, previousStart, previousEnd);
    return earlier && !PRONOUN.test(earlier.text) ? earlier : null;
  }
  // No attribution: a quote carried on from the sentence before keeps its speaker.
  if (previous?.speaker && previous.end >= previousStart - 2) return previous.speaker;
  return null;
}

/// The first quotation mark at or after `from`.
function nextMark(text: string, from: number): number {
  const m = /["“”«»]/g;
  m.lastIndex = from;
  const found = m.exec(text);
  return found ? found.index : text.length;
}
