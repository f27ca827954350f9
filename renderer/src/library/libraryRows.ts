/// Pure pieces of the library list: the row a navigation key moves to, and the rows kept rendered
/// besides those near the viewport. (The service filters and sorts; see libraryPages.ts.)

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
