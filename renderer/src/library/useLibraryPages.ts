/// The library's rows for React: a {@link LibraryPages} cache over `documents.list`, re-rendering
/// the library whenever a page arrives.
import { useEffect, useReducer, useState } from 'react';
import { workbench } from '../api';
import { LibraryPages, type LibraryOrder } from './libraryPages';

/// The library's rows in `order`; the calling component renders again whenever a page arrives.
/// `version` changes when the workspace did (an import, a restore, saved counts), which fetches
/// the rows in view again.
export function useLibraryPages(order: LibraryOrder, version: number) {
  const [, pageArrived] = useReducer((n: number) => n + 1, 0);
  const [pages] = useState(() => new LibraryPages((query) => workbench.documents.list(query), pageArrived));
  // During render, so that this render already reads the new generation (see LibraryPages).
  pages.setQuery(order, version);
  useEffect(() => pages.fetchMissing(), [pages, order.sort, order.descending, order.filter, order.outlet, order.status, order.annotator, version]);
  return pages;
}
