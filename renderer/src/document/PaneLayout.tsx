/// The reading area: the open panes side by side, each at least {@link MIN_PANE_WIDTH} wide;
/// those that do not fit share the last column as tabs (a tab strip of their titles over the
/// active one). Every pane stays mounted in one flat list (its place set by the grid), so a
/// pane moving into or out of the tabs keeps its view, scroll and selection.
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { Pane } from '../panes';
import { MIN_PANE_WIDTH, paneColumns } from './paneColumns';

/// Where one pane goes: its element id, grid place, whether it is a tab (hidden when not the active one).
export interface PaneSlot {
  id: string;
  style: CSSProperties;
  hidden: boolean;
  /// The id of its tab, when it is one.
  tabId: string | null;
}

/// Props of {@link PaneLayout}.
export interface PaneLayoutProps {
  panes: readonly Pane[];
  focused: string | null;
  titleOf(docId: string): string | undefined;
  onFocusPane(key: string): void;
  renderPane(pane: Pane, index: number, slot: PaneSlot): ReactNode;
  /// Shown when no pane is open.
  empty: ReactNode;
}

/// The width of an element's content box, kept up to date.
function useContentWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const style = getComputedStyle(element);
      setWidth(element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

const tabId = (key: string) => `pane-tab-${key}`;
const paneId = (key: string) => `pane-${key}`;

/// The `<main>` reading area with its panes (or `empty`).
export function PaneLayout({ panes, focused, titleOf, onFocusPane, renderPane, empty }: PaneLayoutProps) {
  const area = useRef<HTMLElement>(null);
  const width = useContentWidth(area);
  // Before the first measurement every pane is simply side by side.
  const { columns, tabsFrom } = width > 0 ? paneColumns(panes.length, width) : { columns: panes.length, tabsFrom: null };
  const tabs = tabsFrom === null ? [] : panes.slice(tabsFrom);
  // The active tab: the focused pane when it is a tab, else the tab last focused.
  const [lastTab, setLastTab] = useState<string | null>(null);
  const focusedTab = tabs.find((p) => p.key === focused);
  useEffect(() => {
    if (focusedTab) setLastTab(focusedTab.key);
  }, [focusedTab]);
  const active = focusedTab ?? tabs.find((p) => p.key === lastTab) ?? tabs[tabs.length - 1];
  const strip = useRef<HTMLDivElement>(null);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    onFocusPane(next.key);
    strip.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(next.key))}`)?.focus();
  };

  const slotOf = (pane: Pane, index: number): PaneSlot => {
    const isTab = tabsFrom !== null && index >= tabsFrom;
    return {
      id: paneId(pane.key),
      style: isTab ? { gridColumn: columns, gridRow: 2 } : { gridColumn: index + 1, gridRow: '1 / span 2' },
      hidden: isTab && pane !== active,
      tabId: isTab ? tabId(pane.key) : null,
    };
  };

  return (
    <main
      ref={area}
      className="reading-area"
      data-pane-count={panes.length}
      data-columns={columns}
      style={{ gridTemplateColumns: `repeat(${Math.max(columns, 1)}, minmax(${panes.length ? `min(${MIN_PANE_WIDTH}px, 100%)` : 0}, 1fr))` }}
    >
      {tabs.length > 0 && (
        <div ref={strip} className="pane-tabs" role="tablist" aria-label="Open articles not shown side by side" data-testid="pane-tabs" style={{ gridColumn: columns, gridRow: 1 }}>
          {tabs.map((pane, index) => (
            <button
              key={pane.key}
              type="button"
              role="tab"
              id={tabId(pane.key)}
              className="pane-tab"
              data-testid="pane-tab"
              data-doc-id={pane.docId}
              aria-selected={pane === active}
              aria-controls={paneId(pane.key)}
              tabIndex={pane === active ? 0 : -1}
              title={titleOf(pane.docId)}
              onClick={() => onFocusPane(pane.key)}
              onKeyDown={(e) => onTabKey(e, index)}
            >
              <span className="pane-tab-number" aria-hidden="true">
                {(tabsFrom ?? 0) + index + 1}
              </span>
              <span className="pane-tab-title">{titleOf(pane.docId) ?? 'Loading…'}</span>
            </button>
          ))}
        </div>
      )}
      {panes.length ? panes.map((pane, index) => renderPane(pane, index, slotOf(pane, index))) : empty}
    </main>
  );
}
