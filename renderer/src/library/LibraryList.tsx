/// The library's list of articles, virtualised: only the rows near the viewport (and the row
/// holding the keyboard focus) are in the DOM, each placed at its offset in a list as tall as all
/// rows. Heights are estimated until a row is drawn and measured (a title takes one or two lines).
/// Each row tells screen readers its place in the whole list (`aria-posinset` of `aria-setsize`).
/// Tab moves through the rendered rows as before (the list scrolls to the focused row, which draws
/// the next ones); ↑/↓, Page Up/Down, Home and End move the focus from row to row.
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { ListedDocument, Label } from '../../../preload/api';
import { LibraryItem } from './LibraryItem';
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
  /// The rows to list (already filtered), in order.
  documents: readonly ListedDocument[];
  labels: Label[];
  /// Open documents: id → 1-based number of the pane showing it.
  openPanes: ReadonlyMap<string, number>;
  onOpen(docId: string, beside: boolean): void;
  /// The filter text: when it changes the list scrolls back to its top.
  filter: string;
}

/// A row's height as laid out, fractions kept: rounding (the library's default) would set rows a
/// pixel apart from where the browser would stack them.
function rowHeight(element: Element, entry: ResizeObserverEntry | undefined): number {
  return entry?.borderBoxSize?.[0]?.blockSize ?? element.getBoundingClientRect().height;
}

function rowElement(target: EventTarget | null): HTMLElement | null {
  return target instanceof HTMLElement ? target.closest<HTMLElement>('[data-index]') : null;
}

/// The scrolling list of library rows (`ul.library-list` inside `div.library-scroll`).
export function LibraryList({ documents, labels, openPanes, onOpen, filter }: LibraryListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  /// A row the keyboard moved to, focused once it is rendered.
  const pendingFocus = useRef<string | null>(null);
  const focusedIndex = useMemo(() => (focusedId === null ? -1 : documents.findIndex((d) => d.id === focusedId)), [documents, focusedId]);

  const getItemKey = useCallback((index: number) => documents[index].id, [documents]);
  const rangeExtractor = useCallback((range: Range) => withKeptRow(defaultRangeExtractor(range), focusedIndex), [focusedIndex]);
  const virtualizer = useVirtualizer({
    count: documents.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    measureElement: rowHeight,
    getItemKey,
    rangeExtractor,
    overscan: OVERSCAN_ROWS,
    gap: ROW_GAP_PX,
    paddingStart: PADDING_TOP_PX,
    paddingEnd: PADDING_BOTTOM_PX,
  });

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [filter]);

  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    const button = scrollRef.current?.querySelector<HTMLElement>(`[data-doc-id="${CSS.escape(id)}"] .library-open`);
    if (!button) return;
    pendingFocus.current = null;
    button.focus({ preventScroll: true });
  });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const row = rowElement(e.target);
    if (!row) return;
    const pageRows = Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_ESTIMATE_PX);
    const to = rowForKey(e.key, Number(row.dataset.index), documents.length, pageRows);
    if (to === null) return;
    e.preventDefault();
    pendingFocus.current = documents[to].id;
    setFocusedId(documents[to].id);
    virtualizer.scrollToIndex(to, { align: 'auto' });
  };
  const onFocus = (e: FocusEvent<HTMLUListElement>) => {
    const id = rowElement(e.target)?.dataset.docId;
    if (id) setFocusedId(id);
  };
  const onBlur = (e: FocusEvent<HTMLUListElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget)) setFocusedId(null);
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
        onBlur={onBlur}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const doc = documents[row.index];
          return (
            <LibraryItem
              key={row.key}
              doc={doc}
              labels={labels}
              pane={openPanes.get(doc.id)}
              index={row.index}
              setSize={documents.length}
              top={row.start}
              measureRef={virtualizer.measureElement}
              onOpen={onOpen}
            />
          );
        })}
      </ul>
    </div>
  );
}
