/// Finding a phrase in a document's whole text, for the find bar of a pane. Pure, so that it can
/// be tested without a page: it works on the text from the store, never on the DOM (a long
/// document's DOM holds only a window of it).
import type { TextSpan } from './textPositions';

/// The most matches one search reports; a longer list would only cost time and memory.
export const MAX_FIND_MATCHES = 10_000;

/// The matches of one search, in text order.
export interface FoundMatches {
  /// Spans in UTF-16 offsets of the text, as the app's annotations are.
  matches: TextSpan[];
  /// True when the search stopped at the limit: the text holds more matches than listed.
  capped: boolean;
}

const NO_MATCHES: FoundMatches = { matches: [], capped: false };

/// `query` with every regular-expression metacharacter escaped, so it matches itself.
function escapeForRegExp(query: string): string {
  return query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/// The places where `query` occurs in `text`, ignoring case (Unicode simple case folding), up to
/// `limit` of them. The query is literal text; it is put in NFC first because document texts
/// are NFC (see the import rules) and a typed query may not be. An empty query finds nothing.
export function findMatches(text: string, query: string, limit = MAX_FIND_MATCHES): FoundMatches {
  const needle = query.normalize('NFC');
  if (needle === '' || limit <= 0) return NO_MATCHES;
  // `u` keeps a surrogate pair whole and makes `i` fold non-ASCII letters; match indexes stay
  // UTF-16 offsets either way.
  const pattern = new RegExp(escapeForRegExp(needle), 'giu');
  const matches: TextSpan[] = [];
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    if (matches.length === limit) return { matches, capped: true };
    matches.push({ start: found.index, end: found.index + found[0].length });
  }
  return { matches, capped: false };
}

/// The index of the match to go to from `current` (an index into `matches`, or −1 before the
/// first step) in `direction`, wrapping at either end; −1 when there are no matches. Before the
/// first step the search starts at offset `from` (where the previous query's match was, so that
/// refining a query keeps the place): forwards the first match at or after it, backwards the
/// last one before it.
export function stepMatch(matches: readonly TextSpan[], current: number, direction: 1 | -1, from = 0): number {
  const count = matches.length;
  if (count === 0) return -1;
  if (current >= 0 && current < count) return (current + direction + count) % count;
  if (direction === 1) {
    const next = matches.findIndex((m) => m.start >= from);
    return next === -1 ? 0 : next;
  }
  const previous = matches.findLastIndex((m) => m.start < from);
  return previous === -1 ? count - 1 : previous;
}
