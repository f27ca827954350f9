/// The library's list of articles, virtualised over every row the service counts: only the rows
/// near the viewport (and the row holding the keyboard focus) are in the DOM, each placed at its
/// offset in a list as tall as all rows, and only their pages are fetched ({@link LibraryPages});
/// a row whose page has not arrived yet says so until it does. Heights are estimated until a row
/// is drawn and measured (a title takes one or two lines). Each row tells screen readers its place
/// in the whole list (`aria-posinset` of `aria-setsize`). The list is one Tab stop (a roving
/// tabindex: the row last focused, kept rendered, is the one Tab reaches); ↑/↓, Page Up/Down, Home
/// and End move the focus from row to row, fetched or not; → and ← go to a row's "Open beside"
/// button and back.
import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { DocumentStatus, Label, LibraryRow, ListedDocument } from '../../../preload/api';
import { LibraryItem } from './LibraryItem';
import type { LibraryPages } from './libraryPages';
import { rowForKey, withKeptRow } from './libraryRows';

/// Estimated height of a row before it is measured (two title lines), and the space between rows.
const ROW_ESTIMATE_PX = 97;
const ROW_GAP_PX = 2;
/// Rows rendered beyond each edge of the viewport.
const OVERSCAN_ROWS = 6;
/// The list's inner padding above the first row and below the last.
const PADDING_TOP_PX = 6;
const PADDING_BOTTOM_PX = 16;

/// Props of {@link LibraryList}.
export interface LibraryListProps {
  /// The rows, fetched as they come into view.
  pages: LibraryPages;
  /// How many rows the list has (the service's count of documents matching the filter).
  total: number;
  labels: Label[];
  /// Counts of the open documents as they are now, shown instead of the listed ones.
  liveCounts: ReadonlyMap<string, LiveCounts>;
  /// Open documents: id → 1-based number of the pane showing it.
  openPanes: ReadonlyMap<string, number>;
  onOpen(doc: LibraryRow, beside: boolean): void;
  onDetails(doc: ListedDocument): void;
  onDelete(doc: ListedDocument): void;
  /// Sets the current annotator's status of the document.
  onSetStatus(doc: ListedDocument, status: DocumentStatus): void;
  /// Names the list's query: when it changes (another filter or order) the list scrolls back to
  /// its top.
  listKey: string;
}

/// A row's height as laid out, fractions kept: rounding (the library's default) would set rows a
/// pixel apart from where the browser would stack them.
function rowHeight(element: Element, entry: ResizeObserverEntry | undefined): number {
  return entry?.borderBoxSize?.[0]?.blockSize ?? element.getBoundingClientRect().height;
}

function rowElement(target: EventTarget | null): HTMLElement | null {
  return target instanceof HTMLElement ? target.closest<HTMLElement>('[data-index]') : null;
}

/// An open document's counts as they are now: per label, and the current annotator's own.
export interface LiveCounts {
  counts: Record<string, number>;
  mine: number;
}

/// The row as shown: with the live counts when the document is open.
function withLiveCounts(doc: LibraryRow | undefined, liveCounts: ReadonlyMap<string, LiveCounts>): LibraryRow | undefined {
  const live = doc && liveCounts.get(doc.id);
  return live ? { ...doc!, counts: live.counts, mine: live.mine } : doc;
}

/// The scrolling list of library rows (`ul.library-list` inside `div.library-scroll`).
export function LibraryList({ pages, total, labels, liveCounts, openPanes, onOpen, onDetails, onDelete, onSetStatus, listKey }: LibraryListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  /// The row Tab reaches (the one last focused), kept rendered.
  const [activeIndex, setActiveIndex] = useState(0);
  const tabStopIndex = Math.min(activeIndex, total - 1);
  /// A row the keyboard moved to, focused once it is rendered.
  const pendingFocus = useRef<number | null>(null);
  /// A row the keyboard moved to before its page arrived, scrolled to again once it did (it was
  /// placed by the height of a row still loading).
  const pendingReveal = useRef<number | null>(null);

  const rangeExtractor = useCallback((range: Range) => withKeptRow(defaultRangeExtractor(range), tabStopIndex), [tabStopIndex]);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    measureElement: rowHeight,
    rangeExtractor,
    overscan: OVERSCAN_ROWS,
    gap: ROW_GAP_PX,
    paddingStart: PADDING_TOP_PX,
    paddingEnd: PADDING_BOTTOM_PX,
  });

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setActiveIndex(0);
  }, [listKey]);

  // The pages of the rows in view (and of the focused row) are fetched, far ones dropped.
  const first = virtualizer.range?.startIndex ?? 0;
  const last = virtualizer.range?.endIndex ?? 0;
  useEffect(() => pages.show({ first, last }, tabStopIndex >= 0 ? [tabStopIndex] : []), [pages, first, last, tabStopIndex]);

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const button = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] .library-open`);
    if (!button) return;
    pendingFocus.current = null;
    button.focus({ preventScroll: true });
  });
  useEffect(() => {
    const index = pendingReveal.current;
    if (index === null || !pages.rowAt(index)) return;
    pendingReveal.current = null;
    // After the frame that measured the filled row (and not cancelled by the render that follows).
    requestAnimationFrame(() => scrollRef.current && virtualizer.scrollToIndex(index, { align: 'auto' }));
  });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const row = rowElement(e.target);
    if (!row) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      row.querySelector<HTMLElement>(e.key === 'ArrowRight' ? '.library-beside' : '.library-open')?.focus();
      return;
    }
    const pageRows = Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_ESTIMATE_PX);
    const to = rowForKey(e.key, Number(row.dataset.index), total, pageRows);
    if (to === null) return;
    e.preventDefault();
    pendingFocus.current = to;
    pendingReveal.current = pages.rowAt(to) ? null : to;
    setActiveIndex(to);
    virtualizer.scrollToIndex(to, { align: 'auto' });
  };
  const onFocus = (e: FocusEvent<HTMLUListElement>) => {
    const index = rowElement(e.target)?.dataset.index;
    if (index !== undefined) setActiveIndex(Number(index));
  };

  return (
    <div className="library-scroll" ref={scrollRef}>
      <ul
        className="library-list"
        data-testid="library-list"
        aria-label="Articles"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const doc = withLiveCounts(pages.rowAt(row.index), liveCounts);
          return (
            <LibraryItem
              key={row.key}
              doc={doc}
              labels={labels}
              pane={doc && openPanes.get(doc.id)}
              index={row.index}
              tabStop={row.index === tabStopIndex}
              setSize={total}
              top={row.start}
              measureRef={virtualizer.measureElement}
              onOpen={onOpen}
              onDetails={onDetails}
              onDelete={onDelete}
              onSetStatus={onSetStatus}
            />
          );
        })}
      </ul>
    </div>
  );
}
