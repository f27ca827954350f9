/// The "Library" sidebar: every document of the workspace, filterable by title, marking the ones
/// that are open. Click opens in the focused pane; Ctrl/Cmd/Shift+click or "Open beside" opens a
/// new pane.
import { useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { DocumentSummary, Label } from '../../preload/api';
import { formatInteger, plural, searchKey, totalCount } from './format';
import { TextSearchResults } from './TextSearchResults';
import { useSlashToFocus } from './useSlashToFocus';

/// Props of {@link Library}.
export interface LibraryProps {
  /// The documents, or null while the list is loading.
  documents: DocumentSummary[] | null;
  labels: Label[];
  /// Open documents: id → 1-based number of the pane showing it.
  openPanes: ReadonlyMap<string, number>;
  /// Opens a document, in a new pane when `beside`.
  onOpen(docId: string, beside: boolean): void;
}

/// The library sidebar.
export function Library({ documents, labels, openPanes, onOpen }: LibraryProps) {
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashToFocus(searchRef);
  const shown = useMemo(() => {
    const key = searchKey(query.trim());
    if (!documents || key === '') return documents;
    return documents.filter((d) => searchKey(`${d.title}\n${d.sourceName}`).includes(key));
  }, [documents, query]);

  return (
    <aside className="library" aria-label="Library">
      <div className="library-head">
        <h2 className="library-heading">Library</h2>
        {documents && <span className="library-total">{plural(documents.length, 'article')}</span>}
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
      {documents === null ? (
        <p className="library-note">Loading…</p>
      ) : documents.length === 0 ? (
        <p className="library-note">No articles yet. Use “Import…” to add .txt, .md or .html files.</p>
      ) : shown && shown.length === 0 ? (
        <p className="library-note">No title matches “{query.trim()}”.</p>
      ) : (
        <ul className="library-list">
          {shown?.map((doc) => (
            <LibraryItem key={doc.id} doc={doc} labels={labels} pane={openPanes.get(doc.id)} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {documents && documents.length > 0 && <TextSearchResults phrase={query} onOpen={onOpen} />}
    </aside>
  );
}

interface LibraryItemProps {
  doc: DocumentSummary;
  labels: Label[];
  pane: number | undefined;
  onOpen(docId: string, beside: boolean): void;
}

function wantsBeside(e: MouseEvent | KeyboardEvent): boolean {
  return e.ctrlKey || e.metaKey || e.shiftKey;
}

function LibraryItem({ doc, labels, pane, onOpen }: LibraryItemProps) {
  const title = doc.title.trim() || 'Untitled';
  const annotations = totalCount(doc.counts);
  const tagged = labels.filter((l) => (doc.counts[l.id] ?? 0) > 0);
  return (
    <li
      className={pane ? 'library-item is-open' : 'library-item'}
      data-testid="library-item"
      data-doc-id={doc.id}
      data-open={pane ? 'true' : undefined}
    >
      <button
        type="button"
        className="library-open"
        title={`${title}\n\nClick to read · Ctrl/⌘+click to open beside`}
        aria-current={pane ? 'true' : undefined}
        onClick={(e) => onOpen(doc.id, wantsBeside(e))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && wantsBeside(e)) {
            e.preventDefault();
            onOpen(doc.id, true);
          }
        }}
      >
        <span className="library-title">{title}</span>
        <span className="library-source">
          <span className="library-file">{doc.sourceName}</span>
          {pane && <span className="pane-badge">pane {pane}</span>}
        </span>
        <span className="library-meta">
          {tagged.length > 0 ? (
            <span
              className="library-counts"
              data-testid="library-counts"
              aria-label={tagged.map((l) => `${l.name} ${doc.counts[l.id]}`).join(', ')}
              title={`${plural(annotations, 'annotation')}\n${tagged.map((l) => `${l.name}: ${doc.counts[l.id]}`).join('\n')}`}
            >
              {tagged.map((l) => (
                <span key={l.id} className="count-chip" data-label={l.id} style={{ '--chip-color': l.color } as CSSProperties}>
                  {formatInteger(doc.counts[l.id])}
                </span>
              ))}
            </span>
          ) : (
            <span className="library-untagged">No tags yet</span>
          )}
          <span className="library-chars">{formatInteger(doc.characters)} chars</span>
        </span>
      </button>
      <button
        type="button"
        className="library-beside"
        data-testid="open-beside"
        aria-label={`Open “${title}” beside`}
        title="Open in a new pane (Ctrl/⌘+click)"
        onClick={() => onOpen(doc.id, true)}
      >
        Open beside
      </button>
    </li>
  );
}
