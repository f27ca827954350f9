/// Pure pieces of the library list: the title filter, the row a navigation key moves to, and the
/// rows kept rendered besides those near the viewport.
import { searchKey } from '../format';

/// What the filter looks at in a library row.
export interface FilterableRow {
  title: string;
  sourceName: string;
}

/// Search keys by row object: a row keeps its object until its counts change, so typing in the
/// filter does not normalise 10,000 titles again at every keystroke.
const searchKeys = new WeakMap<FilterableRow, string>();

function searchKeyOf(row: FilterableRow): string {
  let key = searchKeys.get(row);
  if (key === undefined) {
    key = searchKey(`${row.title}\n${row.sourceName}`);
    searchKeys.set(row, key);
  }
  return key;
}

/// The rows whose title or file name contains `query` (case- and accent-insensitive), in their
/// order; `rows` itself when the query is blank.
export function filterLibrary<Row extends FilterableRow>(rows: readonly Row[], query: string): readonly Row[] {
  const wanted = searchKey(query.trim());
  if (wanted === '') return rows;
  return rows.filter((row) => searchKeyOf(row).includes(wanted));
}

/// The row that a navigation key moves the focus to, from row `index` of `count` rows
/// (`pageRows` rows fit in the viewport), or null when the key does not navigate.
export function rowForKey(key: string, index: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (n: number) => Math.min(last, Math.max(0, n));
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'PageDown':
      return clamp(index + Math.max(1, pageRows));
    case 'PageUp':
      return clamp(index - Math.max(1, pageRows));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/// The row indexes to render: `near` (ascending, the rows around the viewport) plus `kept` (the
/// row holding the keyboard focus, so scrolling away does not drop the focus), still ascending.
/// A negative `kept` adds nothing.
export function withKeptRow(near: readonly number[], kept: number): number[] {
  if (kept < 0 || near.includes(kept)) return [...near];
  const at = near.findIndex((i) => i > kept);
  return at === -1 ? [...near, kept] : [...near.slice(0, at), kept, ...near.slice(at)];
}
