/// "Show more" of a Compare tab sent a page at a time: the rows of the first page, then those of
/// each page asked for after it, until a new first page (another filter, group or reload) starts
/// the list again.
import { useMemo, useState } from 'react';

/// The rows so far, and asking for the next page.
export interface MorePages<T> {
  rows: T[];
  loading: boolean;
  error: string | null;
  showMore(): Promise<void>;
}

/// `first` is the first page (its identity tells a new list); `fetchAfter(count)` reads the rows
/// after the first `count`.
export function useMorePages<P, T>(first: P, firstRows: readonly T[], fetchAfter: (count: number) => Promise<T[]>): MorePages<T> {
  const [more, setMore] = useState<{ for: P; rows: T[]; loading: boolean; error: string | null }>({ for: first, rows: [], loading: false, error: null });
  const extra = more.for === first ? more : { for: first, rows: [], loading: false, error: null };
  const rows = useMemo(() => (extra.rows.length ? [...firstRows, ...extra.rows] : [...firstRows]), [firstRows, extra.rows]);
  const showMore = async () => {
    setMore({ ...extra, loading: true, error: null });
    try {
      const next = await fetchAfter(rows.length);
      setMore((m) => (m.for === first ? { ...m, rows: [...m.rows, ...next], loading: false } : m));
    } catch (error) {
      setMore((m) => (m.for === first ? { ...m, loading: false, error: error instanceof Error ? error.message : String(error) } : m));
    }
  };
  return { rows, loading: extra.loading, error: extra.error, showMore };
}
