/// Selecting a place in a document that may not be open yet (a search result's match): the span
/// is selected in its view at once if the document is shown, or as soon as its view is.
import { useCallback, useRef } from 'react';
import type { DocumentViewHandle } from './editor/DocumentView';
import type { TextSpan } from './editor/textPositions';
import type { OpenViews } from './openViews';

/// `selectWhenShown(docId, span)` asks for the selection, replacing any still waiting (null asks
/// for none: a document opened plainly must not pick up a match asked for earlier);
/// `viewShown(docId, handle)` is to be called with each new view handle.
export function useSpanToSelect(views: OpenViews) {
  const pending = useRef<{ docId: string; span: TextSpan } | null>(null);
  const selectWhenShown = useCallback(
    (docId: string, span: TextSpan | null) => {
      const handle = views.get(docId);
      pending.current = span && !handle ? { docId, span } : null;
      if (span) handle?.selectSpan(span);
    },
    [views],
  );
  const viewShown = useCallback((docId: string, handle: DocumentViewHandle) => {
    const wanted = pending.current;
    if (wanted?.docId !== docId) return;
    pending.current = null;
    handle.selectSpan(wanted.span);
  }, []);
  return { selectWhenShown, viewShown };
}
