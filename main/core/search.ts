/// Phrase search over every document of a workspace: the SQL index's full-text table proposes the
/// documents holding the phrase's words in a row, and each is confirmed against its text, which
/// also gives every place the phrase occurs.
///
/// What counts as a hit (the same as a scan of every text would find): the phrase, folded to lower
/// case, occurs in the folded text, and does not start or end inside a word (a phrase that starts
/// or ends with a letter or digit is not found inside a longer word: "Aleppo" is not in
/// "Aleppos"). Words are runs of letters, digits and marks (`searchWords.ts`).
import { foldCase } from './text/foldCase.js';
import { WORD_CHARACTER, phraseWords } from './text/searchWords.js';
import type { Workspace } from './store/workspace.js';

/// Characters of text shown on each side of a search hit.
const CONTEXT = 50;
/// Candidates fetched from the index at a time.
const CANDIDATE_BATCH = 200;

/// A document that contains a searched phrase: how often, and every place with context.
export interface SearchResult {
  id: string;
  title: string;
  count: number;
  hits: { start: number; end: number; before: string; match: string; after: string }[];
}

/// The character (a whole code point) that ends just before `at`, or ''.
function characterBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1];
}

/// The character (a whole code point) that starts at `at`, or ''.
function characterAt(text: string, at: number): string {
  const code = text.codePointAt(at);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/// Every place `needle` (already folded) occurs in `folded` as a hit (see the module comment).
export function phraseHits(folded: string, needle: string): { start: number; end: number }[] {
  const hits: { start: number; end: number }[] = [];
  if (!needle) return hits;
  const startsWord = WORD_CHARACTER.test(characterAt(needle, 0));
  const endsWord = WORD_CHARACTER.test(characterBefore(needle, needle.length));
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (startsWord && WORD_CHARACTER.test(characterBefore(folded, at))) continue;
    if (endsWord && WORD_CHARACTER.test(characterAt(folded, end))) continue;
    // Hits do not overlap: the next one starts after this one ends.
    if (hits.length && at < hits[hits.length - 1].end) continue;
    hits.push({ start: at, end });
  }
  return hits;
}

/// Documents containing `phrase` (case-insensitive, whole words at its ends): up to `limit`
/// documents, the index's best matches, most hits first, each with every place and the words
/// around it. A phrase without a letter or digit finds nothing (the index knows only words).
export async function searchDocuments(workspace: Workspace, phrase: string, limit = 100): Promise<SearchResult[]> {
  const words = phraseWords(phrase);
  const needle = foldCase(phrase.normalize('NFC').trim());
  if (!words.length || !needle) return [];
  const results: SearchResult[] = [];
  for (let offset = 0; results.length < limit; offset += CANDIDATE_BATCH) {
    const candidates = workspace.searchCandidates(words, offset, CANDIDATE_BATCH);
    for (const { id, title, text } of candidates) {
      const hits = phraseHits(foldCase(text), needle);
      if (!hits.length) continue;
      const oneLine = (s: string) => s.replace(/\s+/g, ' ');
      results.push({
        id,
        title,
        count: hits.length,
        hits: hits.map(({ start, end }) => ({
          start,
          end,
          before: oneLine(text.slice(Math.max(0, start - CONTEXT), start)),
          match: text.slice(start, end),
          after: oneLine(text.slice(end, end + CONTEXT)),
        })),
      });
      if (results.length === limit) break;
    }
    if (candidates.length < CANDIDATE_BATCH) break;
  }
  return results.sort((a, b) => b.count - a.count);
}
