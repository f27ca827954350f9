/// The "Library" sidebar: every document of the workspace, filterable by title, marking the ones
/// that are open. Click opens in the focused pane; Ctrl/Cmd/Shift+click or "Open beside" opens a
/// new pane. The list itself is virtualised ({@link LibraryList}).
import { useMemo, useRef, useState } from 'react';
import type { ListedDocument, Label } from '../../../preload/api';
import { plural } from '../format';
import type { TextSpan } from '../editor/textPositions';
import { filterLibrary } from './libraryRows';
import { LibraryList } from './LibraryList';
import { TextSearchResults } from './TextSearchResults';
import { useSlashToFocus } from './useSlashToFocus';

/// Props of {@link Library}.
export interface LibraryProps {
  /// The documents, or null while the list is loading.
  documents: ListedDocument[] | null;
  labels: Label[];
  /// Open documents: id → 1-based number of the pane showing it.
  openPanes: ReadonlyMap<string, number>;
  /// Opens a document, in a new pane when `beside`, with the text span `at` selected if given.
  onOpen(docId: string, beside: boolean, at?: TextSpan): void;
}

/// The library sidebar.
export function Library({ documents, labels, openPanes, onOpen }: LibraryProps) {
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashToFocus(searchRef);
  const shown = useMemo(() => (documents ? filterLibrary(documents, query) : null), [documents, query]);

  return (
    <aside className="library" aria-label="Library">
      <div className="library-head">
        <h2 className="section-heading">Library</h2>
        {documents && (
          <span className="library-total" data-testid="library-total">
            {plural(documents.length, 'article')}
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
      </div>
      {documents === null || shown === null ? (
        <p className="library-note">Loading…</p>
      ) : documents.length === 0 ? (
        <p className="library-note">No articles yet. Use “Import…” to add .txt, .md or .html files.</p>
      ) : shown.length === 0 ? (
        <p className="library-note">No title matches “{query.trim()}”.</p>
      ) : (
        <LibraryList documents={shown} labels={labels} openPanes={openPanes} onOpen={onOpen} filter={query.trim()} />
      )}
      {documents && documents.length > 0 && <TextSearchResults phrase={query} onOpen={onOpen} />}
    </aside>
  );
}
