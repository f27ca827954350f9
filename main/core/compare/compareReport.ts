/// What Compare shows (DESIGN §11), as the service returns it and `awb compare --json` prints it
/// (that one without the fields marked "app"), and the span of an index row as it lists it. Offsets `start`/`end` are code points; `at` is the
/// span in UTF-16 offsets, which the app opens a document at.
import type { Quantity } from '../model.js';
import type { F1Counts } from '../agreement.js';
import type { DocumentColumns, SpanColumns } from '../store/sqlIndex/compareQuery.js';

/// A span in its document: UTF-16 offsets, as the app selects it.
export interface SpanAt {
  documentId: string;
  start: number;
  end: number;
}

/// A span as Compare lists it (a figure, a quote): where it is, its text, and its document's
/// outlet and date; for the app, the document's title and the span in UTF-16 offsets.
export interface ComparedSpan {
  documentId: string;
  annotationId: string;
  start: number;
  end: number;
  text: string;
  outlet: string | null;
  publishedAt: string | null;
  title: string;
  at: SpanAt;
}

/// The span of an index row, as Compare lists it.
export function comparedSpan(r: DocumentColumns & SpanColumns): ComparedSpan {
  return {
    documentId: r.documentId,
    annotationId: r.annotationId,
    start: r.start,
    end: r.end,
    text: r.text,
    outlet: r.outlet,
    publishedAt: r.publishedAt,
    title: r.title,
    at: { documentId: r.documentId, start: r.utf16Start, end: r.utf16End },
  };
}

/// One figure of a measure.
export interface FigureItem extends ComparedSpan {
  quantity: Quantity;
  source: { annotationId: string; text: string; entityId: string | null } | null;
  /// App: who tagged the figure, its sentence around it, and how many figures of the group it
  /// conflicts with.
  annotator: string;
  before: string;
  after: string;
  conflictCount: number;
}

/// The figures of one measure (`null`: figures given none, never compared).
export interface FigureGroup {
  measure: string | null;
  items: FigureItem[];
  /// Pairs of conflicting items `[i, j]`, i < j; null when there are more than the app is sent.
  conflicts: [number, number][] | null;
  conflictTotal: number;
}

/// A measure's group as the app lists it beside the figures.
export interface FigureGroupSummary {
  measure: string | null;
  figures: number;
  outlets: number;
  conflictTotal: number;
}

/// What the app's Figures tab is sent: every measure's group in short, and a page of the figures
/// of the one chosen (a group of tens of thousands of figures is never sent whole).
export interface FigurePage {
  groups: FigureGroupSummary[];
  /// Index in `groups` of the group the page is of (-1 when there is none).
  chosen: number;
  offset: number;
  items: FigureItem[];
  /// The group's conflicting pairs (indexes into the group), when the page holds all of it and
  /// there are not too many; else null.
  conflicts: [number, number][] | null;
}

/// Which group's page to send: a measure (as the group lists it, case aside), null for the
/// figures without one, none for the largest group; from `offset` on.
export interface FigureChoice {
  measure?: string | null;
  offset?: number;
}

/// Who said a group of quotes: an entity, the speaker's text where it is linked to none, or
/// nobody recorded.
export type Speaker = { entityId: string; name: string } | { text: string } | null;

/// One quote.
export type QuoteItem = ComparedSpan;

/// Quotes of one speaker in nearly the same words, reported by one or more documents.
export interface QuoteGroup {
  speaker: Speaker;
  items: QuoteItem[];
}

/// What the app's Quotes tab is sent: the statements from `from` on, as many as hold about a page
/// of quotes (a speaker's statements worked out when its turn comes, so that a page never needs
/// the text of every quote).
export interface QuotePage {
  /// Speakers and quotes the filter selects in all.
  speakers: number;
  quotes: number;
  /// Where the page starts, and where the next one does (null: this is the last).
  from: QuoteCursor;
  next: QuoteCursor | null;
  groups: QuoteGroup[];
}

/// A place in the quotes by speaker: a speaker (by its place in the list) and one of its
/// statements.
export interface QuoteCursor {
  speaker: number;
  statement: number;
}

/// An entity's mentions in one document.
export interface EntityDocument {
  documentId: string;
  outlet: string | null;
  mentions: number;
  /// The texts it is named by there, most used first.
  forms: string[];
}

/// An entity's mentions in the documents of one outlet (app).
export interface EntityOutlet {
  outlet: string | null;
  documents: number;
  mentions: number;
  forms: { form: string; mentions: number }[];
  /// The first mention in the outlet's first document, to open.
  first: SpanAt;
}

/// An entity and where it is mentioned.
export interface EntityComparison {
  id: string;
  name: string;
  type: string;
  mentions: number;
  documents: EntityDocument[];
}

/// What `awb compare --json` prints.
export interface CompareReport {
  figures: FigureGroup[];
  quotes: QuoteGroup[];
  entities: EntityComparison[];
}

/// An entity across outlets, as the app's table shows it.
export interface EntityAcrossOutlets {
  id: string;
  name: string;
  type: string;
  mentions: number;
  outlets: EntityOutlet[];
}

/// Label counts for the charts: per outlet, and per document for the documents with the most.
export interface LabelCharts {
  labels: string[];
  outlets: { outlet: string | null; documents: number; counts: Record<string, number> }[];
  documents: { documentId: string; title: string; outlet: string | null; counts: Record<string, number> }[];
  /// How many documents the filter covers with annotations (more than `documents` lists).
  documentTotal: number;
  /// Annotators in the filtered set, most annotations first.
  annotators: { name: string; annotations: number }[];
  /// Exact- and overlap-span F1 per label between two annotators, when two annotated.
  agreement: { a: string; b: string; documents: number; exact: Record<string, F1Counts>; overlap: Record<string, F1Counts> } | null;
}
