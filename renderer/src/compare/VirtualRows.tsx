/// A long list of rows of one height drawn as a window (only the rows in view are in the DOM), so
/// that a table of 50,000 figures opens at once. One row is current: ↑/↓, Page Up/Down, Home/End
/// move it, Enter or a click opens it (`onOpen`), and Tab leaves the list (one tab stop).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/// Props of {@link VirtualRows}.
export interface VirtualRowsProps {
  count: number;
  rowHeight: number;
  /// The list's accessible name.
  label: string;
  testId: string;
  renderRow(index: number): ReactNode;
  onOpen(index: number): void;
  /// The key of what the rows show: the current row goes back to the first when it changes (not
  /// when the same rows are read again, after a save).
  dataKey: unknown;
  /// Tells which row is current (for a view beside the list).
  onCurrent?(index: number): void;
}

/// `data-testid={testId}`; rows carry `data-row-index`.
export function VirtualRows({ count, rowHeight, label, testId, renderRow, onOpen, dataKey, onCurrent }: VirtualRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 8 });
  useEffect(() => {
    setCurrent(0);
    virtualizer.scrollToOffset(0);
  }, [dataKey, virtualizer]);
  // Fewer rows after a reload: the current row stays within them.
  const shownCurrent = Math.min(current, Math.max(0, count - 1));
  useEffect(() => onCurrent?.(shownCurrent), [shownCurrent, onCurrent]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(count - 1, to));
    setCurrent(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const perPage = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
  const onKeyDown = (event: KeyboardEvent) => {
    const current = shownCurrent;
    const to: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + perPage, PageUp: current - perPage, Home: 0, End: count - 1 };
    if (event.key in to) {
      event.preventDefault();
      move(to[event.key]);
    } else if (event.key === 'Enter' && count > 0) {
      event.preventDefault();
      onOpen(current);
    }
  };

  return (
    <div
      ref={scrollRef}
      className="compare-rows"
      role="listbox"
      aria-label={label}
      aria-activedescendant={count ? `${testId}-${shownCurrent}` : undefined}
      tabIndex={0}
      data-testid={testId}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            id={`${testId}-${row.index}`}
            role="option"
            aria-selected={row.index === shownCurrent}
            className={row.index === shownCurrent ? 'compare-row is-current' : 'compare-row'}
            data-row-index={row.index}
            style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${row.start}px)` }}
            onClick={() => {
              setCurrent(row.index);
              onOpen(row.index);
            }}
          >
            {renderRow(row.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
