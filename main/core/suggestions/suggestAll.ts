/// All suggestions for a text (DESIGN §12): figures, quotes, mentions of known entities and
/// person and place names, each suggester able to be turned off by kind; those that exactly
/// repeat an existing annotation (same label, same span) left out; in text order.
import type { Entity } from '../model.js';
import { suggestEntityMentions } from './suggestEntityMentions.js';
import { suggestFigures } from './suggestFigures.js';
import { suggestNames } from './suggestNames.js';
import { suggestQuotes } from './suggestQuotes.js';
import type { Suggestion, SuggestionKind } from './suggestion.js';

/// What `suggestAll` runs and what it leaves out.
export interface SuggestOptions {
  /// Kinds to run; all when absent.
  kinds?: readonly SuggestionKind[];
  /// Annotations already made: a suggestion with the same label and span is not made again.
  existing?: readonly { label: string; start: number; end: number }[];
}

/// The suggestions for `text`, in text order (by start, then by end, then by kind).
export function suggestAll(text: string, entities: readonly Entity[], options: SuggestOptions = {}): Suggestion[] {
  const on = (kind: SuggestionKind) => !options.kinds || options.kinds.includes(kind);
  const all: Suggestion[] = [
    ...(on('figure') ? suggestFigures(text) : []),
    ...(on('quote') ? suggestQuotes(text) : []),
    ...(on('entity') ? suggestEntityMentions(text, entities) : []),
    ...(on('name') ? suggestNames(text) : []),
  ];
  return newSuggestions(all, options.existing ?? []);
}

/// `found` without those already tagged (`existing`: the same label and span) and without
/// repeats, in text order.
export function newSuggestions(found: readonly Suggestion[], existing: readonly { label: string; start: number; end: number }[]): Suggestion[] {
  const taken = new Set(existing.map((a) => `${a.label}\u0000${a.start}\u0000${a.end}`));
  const kept = found.filter((s) => {
    const key = `${s.label}\u0000${s.start}\u0000${s.end}`;
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  });
  return kept.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
}
