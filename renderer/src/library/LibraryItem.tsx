/// One row of the library: title, source file, pane badge, the current annotator's status of the
/// document (a symbol and a word; `S` on the row steps it to do → in progress → done), per-label
/// counts, the annotations that are yours and others', and size, with an "Open beside" button. Rows are placed by {@link LibraryList} (only those near the viewport are
/// rendered), so each carries its place in the whole list for screen readers. A row whose page is
/// still on its way says "Loading…"; it has the same buttons (which do nothing yet), so the
/// keyboard focus can rest on it and stays when the row fills in.
import { memo, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { DocumentStatus, Label, LibraryRow, ListedDocument } from '../../../preload/api';
import { formatInteger, plural, sourceLine, totalCount } from '../format';
import { nextStatus, STATUS_LABELS, STATUS_SYMBOLS } from './documentStatusNames';

/// Props of {@link LibraryItem}.
export interface LibraryItemProps {
  /// The article the row shows; undefined while its page is being fetched.
  doc: LibraryRow | undefined;
  /// The workspace's labels, for the per-label counts.
  labels: Label[];
  /// 1-based number of the pane showing the document, if it is open.
  pane: number | undefined;
  /// 0-based place in the (filtered, sorted) list, and the list's length.
  index: number;
  setSize: number;
  /// Whether the row is the list's one Tab stop (its open button; "Open beside" never is).
  tabStop: boolean;
  /// Distance of the row's top from the top of the list, in CSS pixels.
  top: number;
  /// Called with the row's element so the list learns its real height.
  measureRef(element: HTMLLIElement | null): void;
  /// Opens the article, in a new pane when `beside`.
  onOpen(doc: ListedDocument, beside: boolean): void;
  /// Opens the article's details form (Alt+Enter on the row).
  onDetails(doc: ListedDocument): void;
  /// Asks to delete the article (the Delete key on the row).
  onDelete(doc: ListedDocument): void;
  /// Sets the current annotator's status of the article (the S key on the row).
  onSetStatus(doc: ListedDocument, status: DocumentStatus): void;
}

function wantsBeside(e: MouseEvent | KeyboardEvent): boolean {
  return e.ctrlKey || e.metaKey || e.shiftKey;
}

/// A library row (`data-testid="library-item"`); re-renders only when its own props change.
export const LibraryItem = memo(function LibraryItem({ doc, labels, pane, index, setSize, tabStop, top, measureRef, onOpen, onDetails, onDelete, onSetStatus }: LibraryItemProps) {
  const title = doc ? doc.title.trim() || 'Untitled' : 'Loading…';
  const open = (beside: boolean) => doc && onOpen(doc, beside);
  return (
    <li
      ref={measureRef}
      className={['library-item', pane && 'is-open', !doc && 'is-loading'].filter(Boolean).join(' ')}
      style={{ top }}
      data-testid="library-item"
      data-doc-id={doc?.id}
      data-index={index}
      data-open={pane ? 'true' : undefined}
      data-status={doc?.status}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      aria-busy={doc ? undefined : 'true'}
    >
      <button
        type="button"
        className="library-open"
        tabIndex={tabStop ? 0 : -1}
        title={doc ? `${title}\n\nClick to read · Ctrl/⌘+click to open beside · Alt+Enter for its details · S to change your status · Delete to delete it` : undefined}
        aria-keyshortcuts={doc ? 'S Alt+Enter Delete' : undefined}
        aria-current={pane ? 'true' : undefined}
        aria-disabled={doc ? undefined : 'true'}
        onClick={(e) => open(wantsBeside(e))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.altKey && doc) {
            e.preventDefault();
            onDetails(doc);
          } else if ((e.key === 's' || e.key === 'S') && !e.altKey && !e.ctrlKey && !e.metaKey && doc) {
            e.preventDefault();
            onSetStatus(doc, nextStatus(doc.status));
          } else if (e.key === 'Delete' && doc) {
            e.preventDefault();
            onDelete(doc);
          } else if (e.key === 'Enter' && wantsBeside(e)) {
            e.preventDefault();
            open(true);
          }
        }}
      >
        <span className="library-title">{title}</span>
        {doc ? (
          <>
            <span className="library-source">
              {sourceLine(doc.meta) && (
                <span className="library-outlet" data-testid="library-outlet">
                  {sourceLine(doc.meta)}
                </span>
              )}
              <span className="library-file">{doc.sourceName}</span>
              {pane && <span className="pane-badge">pane {pane}</span>}
            </span>
            <RowMeta doc={doc} labels={labels} />
          </>
        ) : (
          <>
            <span className="library-skeleton" aria-hidden="true" />
            <span className="library-skeleton" aria-hidden="true" />
          </>
        )}
      </button>
      <button
        type="button"
        className="library-beside"
        tabIndex={-1}
        data-testid="open-beside"
        aria-label={doc ? `Open “${title}” beside` : 'Open beside (loading)'}
        aria-disabled={doc ? undefined : 'true'}
        title="Open in a new pane (Ctrl/⌘+click)"
        onClick={() => open(true)}
      >
        Open beside
      </button>
    </li>
  );
});

/// A row's status, per-label counts (or "No tags yet"), whose they are, and its length.
function RowMeta({ doc, labels }: { doc: LibraryRow; labels: Label[] }) {
  const annotations = totalCount(doc.counts);
  const tagged = labels.filter((l) => (doc.counts[l.id] ?? 0) > 0);
  const others = Math.max(0, annotations - doc.mine);
  return (
    <span className="library-meta">
      <span className="library-status" data-testid="library-status" data-status={doc.status} aria-label={`Your status: ${STATUS_LABELS[doc.status]}`}>
        <span aria-hidden="true">{STATUS_SYMBOLS[doc.status]}</span> {STATUS_LABELS[doc.status]}
      </span>
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
      {annotations > 0 && (
        <span className="library-whose" data-testid="library-whose" title={`${plural(doc.mine, 'annotation')} by you, ${plural(others, 'annotation')} by others`}>
          {formatInteger(doc.mine)} yours · {formatInteger(others)} others
        </span>
      )}
      <span className="library-chars">{formatInteger(doc.characters)} chars</span>
    </span>
  );
}
