/// A suggestion (DESIGN §12): a span the app proposes and never saves until the analyst accepts
/// it. Offsets are UTF-16 code units of the document's text, as everywhere inside the app.

/// Every suggester, in the order the app lists them.
export const SUGGESTION_KINDS = ['figure', 'quote', 'entity', 'name'] as const;

/// Which suggester found a suggestion.
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/// A span of text, UTF-16 offsets.
export interface SuggestedSpan {
  start: number;
  end: number;
  text: string;
}

/// A proposed annotation: its label, span and the suggester that found it; a quote's speaker
/// candidate; the entity a mention names.
export interface Suggestion extends SuggestedSpan {
  label: string;
  kind: SuggestionKind;
  speaker?: SuggestedSpan;
  entityId?: string;
}

/// The labels suggestions are made for (the default workspace's ids).
export const SUGGESTION_LABELS = { figure: 'figure', quote: 'quote', person: 'actor', place: 'location' } as const;

/// The span [start, end) of `text` as a SuggestedSpan.
export function spanOf(text: string, start: number, end: number): SuggestedSpan {
  return { start, end, text: text.slice(start, end) };
}
