/// What the panes know of their documents from the library (title, file name and counts, shown
/// while a document loads), without the library's whole list: the row a document was opened from,
/// then `documents.summaries` of the open documents when the panes change and whenever `refreshKey`
/// does (the workspace changed underneath the app, the library was read again, the annotator
/// changed: a row holds the annotator's status). A pane whose document is no longer in
/// the workspace (a restore took it away) closes.
import { useCallback, useEffect, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import type { LibraryRow } from '../../preload/api';
import { workbench } from './api';
import type { PaneState } from './panes';
import { keepKnownPanes } from './workspaceReload';

/// The panes' documents by id, and `listed(row)` to remember the library row one was opened from.
export function usePaneDocuments(panes: PaneState, setPanes: Dispatch<SetStateAction<PaneState>>, refreshKey: string) {
  const [known, setKnown] = useState<ReadonlyMap<string, LibraryRow>>(() => new Map());
  const listed = useCallback((row: LibraryRow) => setKnown((map) => new Map(map).set(row.id, row)), []);
  const openIds = panes.panes.map((p) => p.docId).join('\n');

  useEffect(() => {
    const asked = openIds ? openIds.split('\n') : [];
    if (asked.length === 0) return;
    let live = true;
    workbench.documents.summaries(asked).then(
      (rows) => {
        if (!live) return;
        const found = new Map(rows.map((d) => [d.id, d]));
        // The same rows keep the same map: the panes and titles drawn from it stay as they are.
        setKnown((known) => (JSON.stringify([...known]) === JSON.stringify([...found]) ? known : found));
        // Only the panes asked about: one opened meanwhile is not known to be gone.
        setPanes((s) => keepKnownPanes(s, new Set(s.panes.map((p) => p.docId).filter((id) => found.has(id) || !asked.includes(id)))));
      },
      () => undefined, // a pane reading its document reports an unreachable service itself
    );
    return () => {
      live = false;
    };
  }, [openIds, refreshKey, setPanes]);

  return useMemo(() => ({ known, listed }), [known, listed]);
}
