/// How the open panes share the reading area: side by side while each gets at least
/// {@link MIN_PANE_WIDTH}; beyond that, the last column shows the remaining panes as tabs.

/// The narrowest a document pane is drawn (about 38 characters of the reading text a line).
export const MIN_PANE_WIDTH = 350;
/// The gap between panes (the reading area's CSS `gap`).
export const PANE_GAP = 10;

/// The columns drawn and the index of the first pane shown as a tab (null: no tabs).
export interface PaneColumns {
  columns: number;
  tabsFrom: number | null;
}

/// How many panes of at least {@link MIN_PANE_WIDTH} fit side by side in `width` (never fewer than one).
export function columnsThatFit(width: number): number {
  return Math.max(1, Math.floor((width + PANE_GAP) / (MIN_PANE_WIDTH + PANE_GAP)));
}

/// The columns for `count` panes in a reading area `width` wide (its content box): every pane
/// side by side when they fit, else all but the last column side by side and the rest as tabs
/// in the last one.
export function paneColumns(count: number, width: number): PaneColumns {
  if (count === 0) return { columns: 0, tabsFrom: null };
  const fit = columnsThatFit(width);
  if (count <= fit) return { columns: count, tabsFrom: null };
  return { columns: fit, tabsFrom: fit - 1 };
}
