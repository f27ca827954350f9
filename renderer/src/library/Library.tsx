/// The "Library" sidebar: the documents of the workspace, a page at a time from the service
/// (`documents.list`), which also sorts them and filters them by title and file name; open ones
/// are marked. Click opens in the focused pane; Ctrl/Cmd/Shift+click or "Open beside" opens a new
/// pane. Each row shows the current annotator's status of the document, which `S` changes and the
/// "My status" filter selects by. The list itself is virtualised ({@link LibraryList}).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentStatus, Label, LibraryRow, ListedDocument } from '../../../preload/api';
import type { TextSpan } from '../editor/textPositions';
import { formatInteger, plural } from '../format';
import { LibraryList, type LiveCounts } from './LibraryList';
import { LibraryOutletFilter } from './LibraryOutletFilter';
import { LibrarySortControl, type LibrarySortOrder } from './LibrarySortControl';
import { LibraryStatusFilter } from './LibraryStatusFilter';
import { STATUS_LABELS } from './documentStatusNames';
import { TextSearchResults } from './TextSearchResults';
import { useDocumentStatus } from './useDocumentStatus';
import { useLibraryPages } from './useLibraryPages';
import { useSlashToFocus } from './useSlashToFocus';

/// The pause after typing in the filter before the service is asked.
const FILTER_DEBOUNCE_MS = 150;

/// Props of {@link Library}.
export interface LibraryProps {
  /// Changes whenever the workspace did (an import, a restore, saved counts): the rows in view
  /// are read again.
  version: number;
  labels: Label[];
  /// The current annotator: whose status each row shows and the filter is by.
  me: string;
  /// Counts of the open documents as they are now, shown instead of the service's.
  liveCounts: ReadonlyMap<string, LiveCounts>;
  /// Open documents: id → 1-based number of the pane showing it.
  openPanes: ReadonlyMap<string, number>;
  /// Opens a document, in a new pane when `beside`, with the text span `at` selected if given;
  /// `listed` is its library row when it was opened from one.
  onOpen(docId: string, beside: boolean, at?: TextSpan, listed?: LibraryRow): void;
  /// Reads the library again after it could not be read.
  onRetry(): void;
  /// Opens a document's details form.
  onDetails(doc: ListedDocument): void;
  /// Asks to delete a document.
  onDelete(doc: ListedDocument): void;
  /// Told when a status set on a row (the `S` key) was saved, or with why it could not be.
  onStatusSaved(): void;
  onStatusFailed(text: string): void;
}

/// `value`, once it has stayed the same for `ms` (at once when it becomes blank).
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value === '') return setSettled('');
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/// What an empty filtered list says: which filters left nothing.
function emptyNote(filter: string, outlet: string | undefined, status: DocumentStatus | undefined): string {
  const where = [outlet !== undefined ? ` from ${outlet}` : '', status !== undefined ? ` marked “${STATUS_LABELS[status]}” by you` : ''].join('');
  return filter ? `No title matches “${filter}”${where}.` : `No article${where}.`;
}

/// The library sidebar.
export function Library({ version, labels, me, liveCounts, openPanes, onOpen, onRetry, onDetails, onDelete, onStatusSaved, onStatusFailed }: LibraryProps) {
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<LibrarySortOrder>({ sort: 'imported', descending: false });
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashToFocus(searchRef);
  const filter = useDebounced(query.trim(), FILTER_DEBOUNCE_MS);
  const [outlet, setOutlet] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<DocumentStatus | undefined>(undefined);
  const libraryOrder = useMemo(
    () => ({ ...order, filter, ...(outlet !== undefined ? { outlet } : {}), ...(status !== undefined ? { status } : {}), ...(me ? { annotator: me } : {}) }),
    [order, filter, outlet, status, me],
  );
  const filtered = !!filter || outlet !== undefined || status !== undefined;
  const pages = useLibraryPages(libraryOrder, version);
  const { total, all, error } = pages;
  const setStatusOf = useDocumentStatus(pages, onStatusSaved, onStatusFailed);
  const openRow = useCallback((doc: LibraryRow, beside: boolean) => onOpen(doc.id, beside, undefined, doc), [onOpen]);

  return (
    <aside className="library" aria-label="Library">
      <div className="library-head">
        <h2 className="section-heading">Library</h2>
        {all !== null && total !== null && (
          <span className="library-total" data-testid="library-total">
            {filtered && total !== all ? `${formatInteger(total)} of ${plural(all, 'article')}` : plural(all, 'article')}
          </span>
        )}
      </div>
      <div className="library-search">
        <input
          ref={searchRef}
          type="search"
          className="search-input"
          data-testid="library-search"
          placeholder="Filter titles, find in text  /"
          aria-label="Filter the library by title and find a phrase in the text"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
        />
        <LibrarySortControl order={order} onChange={setOrder} />
        <LibraryOutletFilter outlet={outlet} version={version} onChange={setOutlet} />
        <LibraryStatusFilter status={status} onChange={setStatus} />
      </div>
      {error !== null && (
        <p className="library-note is-error" role="alert" data-testid="library-error">
          Could not read the library: {error}
          <button type="button" className="button button-small" onClick={onRetry}>
            Try again
          </button>
        </p>
      )}
      {total === null || all === null ? (
        error === null && <p className="library-note">Loading…</p>
      ) : all === 0 ? (
        <p className="library-note">No articles yet. Use “Import…” to add .txt, .md, .html, .pdf or .docx files.</p>
      ) : total === 0 ? (
        <p className="library-note">{emptyNote(filter, outlet, status)}</p>
      ) : (
        <LibraryList
          pages={pages}
          total={total}
          labels={labels}
          liveCounts={liveCounts}
          openPanes={openPanes}
          onOpen={openRow}
          onDetails={onDetails}
          onDelete={onDelete}
          onSetStatus={setStatusOf}
          listKey={JSON.stringify(libraryOrder)}
        />
      )}
      {all !== null && all > 0 && <TextSearchResults phrase={query} onOpen={onOpen} />}
    </aside>
  );
}
