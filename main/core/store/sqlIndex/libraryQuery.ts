/// What the library asks the index for: one page of documents, sorted and filtered in the index
/// (DESIGN §4, scale), so that a workspace of 100,000 articles is never sent to the UI whole.
import * as z from 'zod';
import { DocumentStatusSchema, type DocumentStatus, type DocumentSummary } from '../../model.js';

/// The orders the library can be sorted in.
export const LIBRARY_SORTS = ['imported', 'title', 'characters', 'annotations', 'outlet', 'published'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

/// Most rows one page may hold.
export const MAX_PAGE_ROWS = 1000;

/// One page of the library: `limit` rows from `offset`, in `sort` order, of the documents whose
/// title, file name or outlet contains `filter` (case- and accent-insensitive; blank for all) and,
/// when `outlet` is given, whose outlet is that one (case-insensitive) and, when `status` is
/// given, whose status for `annotator` (by default the current one) is that one.
export const LibraryQuerySchema = z.strictObject({
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(MAX_PAGE_ROWS),
  sort: z.enum(LIBRARY_SORTS).optional(),
  descending: z.boolean().optional(),
  filter: z.string().max(200).optional(),
  outlet: z.string().max(200).optional(),
  status: DocumentStatusSchema.optional(),
  /// Whose status each row shows and `status` filters by, and whose annotations count as
  /// `mine`: the current annotator unless given.
  annotator: z.string().min(1).max(60).optional(),
});
export type LibraryQuery = z.infer<typeof LibraryQuerySchema>;

/// A document as the library lists it: its summary without `importedAt`, which no view shows.
export type ListedDocument = Omit<DocumentSummary, 'importedAt'>;

/// A library row: the document, and where the annotator asked about is with it.
export type LibraryRow = ListedDocument & {
  /// The annotator's status of the document.
  status: DocumentStatus;
  /// How many of the document's annotations are the annotator's (the rest are others').
  mine: number;
};

/// One page of the library.
export interface LibraryPage {
  /// Documents matching the filter (all of them when there is none).
  total: number;
  /// Documents in the workspace.
  all: number;
  offset: number;
  documents: LibraryRow[];
}
