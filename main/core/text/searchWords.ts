/// What a word is for phrase search: a run of letters, digits, marks and private-use characters.
/// The full-text index is given its text with every other character already a space, so that
/// it splits words exactly where this definition does, whatever Unicode version its own
/// character tables follow.
import { foldCase } from './foldCase.js';

/// One character that belongs to a word.
export const WORD_CHARACTER = /[\p{L}\p{N}\p{M}\p{Co}]/u;
const WORDS = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const NOT_WORDS = /[^\p{L}\p{N}\p{M}\p{Co}]+/gu;

/// The words of a phrase as the full-text index sees them (folded), in order.
export function phraseWords(phrase: string): string[] {
  return foldCase(phrase.normalize('NFC')).match(WORDS) ?? [];
}

/// A text as the full-text index is given it: folded, and every run of other characters a space.
export function indexedWords(text: string): string {
  return foldCase(text).replace(NOT_WORDS, ' ');
}
