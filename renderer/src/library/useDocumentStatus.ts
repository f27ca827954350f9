/// Setting the current annotator's status of a document from the library: the row shows the new
/// status at once, the changes are sent one after another (two quick presses of `S` arrive in
/// order), and the library is read again once each is saved (a filtered list drops the row).
import { useCallback, useRef } from 'react';
import type { DocumentStatus, ListedDocument } from '../../../preload/api';
import { workbench } from '../api';
import type { LibraryPages } from './libraryPages';

/// A function that sets a document's status; `onSaved` after each save, `onFailed` with why not
/// (the library is read again then too, to show what is stored).
export function useDocumentStatus(pages: LibraryPages, onSaved: () => void, onFailed: (text: string) => void) {
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(
    (doc: ListedDocument, status: DocumentStatus) => {
      pages.patch(doc.id, { status });
      queue.current = queue.current.then(() =>
        workbench.documents.setStatus(doc.id, status).then(onSaved, (error: unknown) => {
          onFailed(`Could not set your status of “${doc.title.trim() || 'Untitled'}”: ${error instanceof Error ? error.message : String(error)}`);
          onSaved();
        }),
      );
    },
    [pages, onSaved, onFailed],
  );
}
