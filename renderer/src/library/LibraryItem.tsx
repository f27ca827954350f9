/// One row of the library: title, source file, pane badge, per-label counts and size, with an
/// "Open beside" button. Rows are placed by {@link LibraryList} (only those near the viewport are
/// rendered), so each carries its place in the whole list for screen readers.
import { memo, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { ListedDocument, Label } from '../../../preload/api';
import { formatInteger, plural, totalCount } from '../format';

/// Props of {@link LibraryItem}.
export interface LibraryItemProps {
  /// The article the row shows.
  doc: ListedDocument;
  /// The workspace's labels, for the per-label counts.
  labels: Label[];
  /// 1-based number of the pane showing the document, if it is open.
  pane: number | undefined;
  /// 0-based place in the (filtered) list, and the list's length.
  index: number;
  setSize: number;
  /// Distance of the row's top from the top of the list, in CSS pixels.
  top: number;
  /// Called with the row's element so the list learns its real height.
  measureRef(element: HTMLLIElement | null): void;
  /// Opens the article, in a new pane when `beside`.
  onOpen(docId: string, beside: boolean): void;
}

function wantsBeside(e: MouseEvent | KeyboardEvent): boolean {
  return e.ctrlKey || e.metaKey || e.shiftKey;
}

/// A library row (`data-testid="library-item"`); re-renders only when its own props change.
export const LibraryItem = memo(function LibraryItem({ doc, labels, pane, index, setSize, top, measureRef, onOpen }: LibraryItemProps) {
  const title = doc.title.trim() || 'Untitled';
  const annotations = totalCount(doc.counts);
  const tagged = labels.filter((l) => (doc.counts[l.id] ?? 0) > 0);
  return (
    <li
      ref={measureRef}
      className={pane ? 'library-item is-open' : 'library-item'}
      style={{ top }}
      data-testid="library-item"
      data-doc-id={doc.id}
      data-index={index}
      data-open={pane ? 'true' : undefined}
      aria-setsize={setSize}
      aria-posinset={index + 1}
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
});
