/// Loads one Compare tab's data from the service: when the tab is first shown, and again when the
/// filter or the workspace changes while it is shown. A reply to an older request is dropped.
import { useEffect, useRef, useState } from 'react';
import type { CompareFilter } from '../../../preload/api';

/// What a tab has: its data (null until the first reply), whether a request is out, its failure.
export interface CompareData<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
}

/// Where the Figures tab marks the arrival of its data (`performance.mark`), from which the
/// first screen is measured (`compare-first-screen`).
export const FIGURES_ARRIVED_MARK = 'compare-figures-arrived';

/// `load(filter)` while `shown`; `version` changes when the workspace did.
export function useCompareData<T>(load: (filter: CompareFilter) => Promise<T>, filter: CompareFilter, shown: boolean, version: unknown, arrivedMark?: string): CompareData<T> {
  const [state, setState] = useState<CompareData<T>>({ data: null, loading: false, error: null });
  const loaded = useRef<{ filter: CompareFilter; version: unknown } | null>(null);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (!shown || (loaded.current?.filter === filter && loaded.current.version === version)) return;
    loaded.current = { filter, version };
    const request = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    loadRef.current(filter).then(
      (data) => {
        if (request !== latest.current) return;
        if (arrivedMark) performance.mark(arrivedMark);
        setState({ data, loading: false, error: null });
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        loaded.current = null;
        setState((s) => ({ ...s, loading: false, error: error instanceof Error ? error.message : String(error) }));
      },
    );
  }, [filter, shown, version, arrivedMark]);
  return state;
}
