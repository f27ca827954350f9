/// The preview of "Tag all occurrences" (DESIGN §12): every whole-word occurrence of a phrase in
/// some documents, each in context and marked when the annotator already has a span of the label
/// on exactly it (shown, skipped) or when it overlaps other spans (still offered). Pure: the
/// documents are given; `tagAllWorkspace.ts` finds them.
import type { PhraseMatcher } from './phraseOccurrences.js';
import { occurrenceContext } from './phraseOccurrences.js';

/// Most occurrences a preview lists (all are counted): more cannot be read and ticked one by one.
export const MAX_LISTED_OCCURRENCES = 1000;

/// What a preview is asked for.
export interface TagAllRequest {
  phrase: string;
  label: string;
  caseSensitive?: boolean;
}

/// An existing span, as far as the preview needs it (UTF-16 offsets).
export interface ExistingSpan {
  start: number;
  end: number;
  label: string;
  annotator: string;
}

/// One occurrence in context (UTF-16 offsets).
export interface TagAllOccurrence {
  start: number;
  end: number;
  /// The text found (the phrase as this document writes it).
  text: string;
  /// Its sentence before and after it, on one line, cut at about 60 characters.
  before: string;
  after: string;
  /// The annotator already has a span of the label on exactly it: shown, never tagged again.
  alreadyTagged: boolean;
  /// Labels of other spans it overlaps (any annotator), each once.
  overlaps: string[];
}

/// A document's occurrences.
export interface TagAllDocument {
  id: string;
  title: string;
  occurrences: TagAllOccurrence[];
}

/// The preview: documents with occurrences (those with any left to tag first), and the counts of
/// every occurrence found, listed or not.
export interface TagAllPreview {
  phrase: string;
  label: string;
  caseSensitive: boolean;
  documents: TagAllDocument[];
  /// Occurrences found, documents holding them, and how many of the occurrences are already tagged.
  occurrences: number;
  documentsFound: number;
  alreadyTagged: number;
  /// Occurrences found but not listed (beyond `MAX_LISTED_OCCURRENCES`).
  notListed: number;
}

/// A document the preview looks in.
export interface SearchedDocument {
  id: string;
  title: string;
  text: string;
  annotations: readonly ExistingSpan[];
}

/// One document's occurrences, classified against its spans, without their context yet
/// (`annotations` are read only when the phrase occurs, so a caller may pass a function).
export function documentOccurrences(
  text: string,
  annotations: readonly ExistingSpan[] | (() => readonly ExistingSpan[]),
  matcher: PhraseMatcher,
  label: string,
  annotator: string,
): TagAllOccurrence[] {
  const spans = matcher.find(text);
  if (!spans.length) return [];
  const existing = typeof annotations === 'function' ? annotations() : annotations;
  const occurrences = spans.map(({ start, end }) => ({
    start,
    end,
    text: text.slice(start, end),
    before: '',
    after: '',
    alreadyTagged: existing.some((a) => a.start === start && a.end === end && a.label === label && a.annotator === annotator),
    overlaps: [],
  }));
  return withOverlaps(occurrences, existing, label, annotator);
}

/// `occurrences` with the labels of the spans each overlaps (other than the annotator's span of
/// the label on exactly it), each label once, in order.
export function withOverlaps(occurrences: TagAllOccurrence[], existing: readonly ExistingSpan[], label: string, annotator: string): TagAllOccurrence[] {
  return occurrences.map((o) => {
    const overlaps = new Set<string>();
    for (const a of existing) {
      const same = a.start === o.start && a.end === o.end && a.label === label && a.annotator === annotator;
      if (!same && a.start < o.end && o.start < a.end) overlaps.add(a.label);
    }
    return { ...o, overlaps: [...overlaps].sort() };
  });
}

/// A document kept for the listing, with its text until its occurrences get their context.
interface Kept {
  document: TagAllDocument;
  text: string;
}

/// Gathers documents' occurrences into a preview: documents with something left to tag first,
/// then those fully tagged, each in the order added, listed whole until `limit` occurrences are
/// listed (the first document always, cut at the limit if it holds more). Documents that cannot
/// be listed any more are only counted, and only listed occurrences are given their context.
export class PreviewBuilder {
  private readonly open: Kept[] = [];
  private readonly done: Kept[] = [];
  private openListed = 0;
  private doneListed = 0;
  /// A document with something to tag did not fit: no later one is listed either.
  private openFull = false;
  private counts = { occurrences: 0, documentsFound: 0, alreadyTagged: 0 };

  constructor(
    private readonly request: TagAllRequest,
    private readonly matcher: PhraseMatcher,
    private readonly limit = MAX_LISTED_OCCURRENCES,
  ) {}

  /// Adds a document's occurrences (none: nothing happens); true when they are kept to be
  /// listed, false when they are only counted.
  add(id: string, title: string, text: string, occurrences: TagAllOccurrence[]): boolean {
    if (!occurrences.length) return false;
    const tagged = occurrences.filter((o) => o.alreadyTagged).length;
    this.counts.occurrences += occurrences.length;
    this.counts.documentsFound += 1;
    this.counts.alreadyTagged += tagged;
    const kept = { document: { id, title, occurrences }, text };
    if (tagged < occurrences.length) {
      this.openFull ||= this.open.length > 0 && this.openListed + occurrences.length > this.limit;
      if (this.openFull) return false;
      this.open.push(kept);
      this.openListed += occurrences.length;
      return true;
    }
    if (this.doneListed >= this.limit) return false;
    this.done.push(kept);
    this.doneListed += occurrences.length;
    return true;
  }

  /// The preview of what was added.
  finish(): TagAllPreview {
    const documents: TagAllDocument[] = [];
    let listed = 0;
    for (const { document, text } of [...this.open, ...this.done]) {
      if (documents.length && listed + document.occurrences.length > this.limit) break;
      // A first document holding more than the limit: its first occurrences, up to the limit.
      const occurrences = document.occurrences.slice(0, this.limit).map((o) => ({ ...o, ...occurrenceContext(text, o.start, o.end) }));
      documents.push({ ...document, occurrences });
      listed += occurrences.length;
    }
    return {
      phrase: this.matcher.phrase,
      label: this.request.label,
      caseSensitive: this.request.caseSensitive ?? false,
      documents,
      ...this.counts,
      notListed: this.counts.occurrences - listed,
    };
  }
}

/// The preview over documents given whole (see {@link PreviewBuilder}).
export function previewIn(documents: Iterable<SearchedDocument>, request: TagAllRequest, matcher: PhraseMatcher, annotator: string, limit = MAX_LISTED_OCCURRENCES): TagAllPreview {
  const builder = new PreviewBuilder(request, matcher, limit);
  for (const d of documents) builder.add(d.id, d.title, d.text, documentOccurrences(d.text, d.annotations, matcher, request.label, annotator));
  return builder.finish();
}
