/// Selecting a place in a document that may not be open yet (a search result's match, a Compare
/// row's span): the span is selected in its view at once if the document is shown, or as soon as
/// its view is. Asked for an annotation, that annotation is selected (and shown in the inspector)
/// instead of the bare text.
import { useCallback, useRef } from 'react';
import type { DocumentViewHandle } from './editor/DocumentView';
import type { TextSpan } from './editor/textPositions';
import type { OpenViews } from './openViews';
import { store } from './state/useWorkbench';

/// What to select: a span of text, or the annotation `annotationId` there ('' for the one that
/// covers exactly that span, when there is one).
interface Target {
  docId: string;
  span: TextSpan;
  annotationId?: string;
}

function selectTarget({ docId, span, annotationId }: Target, handle: DocumentViewHandle): void {
  if (annotationId !== undefined) {
    const annotations = store.doc(docId)?.annotations;
    const found = annotationId ? annotations?.get(annotationId) : [...(annotations?.values() ?? [])].find((a) => a.start === span.start && a.end === span.end);
    if (found) return store.select({ docId, id: found.id }, true);
  }
  handle.selectSpan(span);
}

/// `selectWhenShown(docId, span, annotationId?)` asks for the selection, replacing any still
/// waiting (a null span asks for none: a document opened plainly must not pick up a match asked
/// for earlier); `viewShown(docId, handle)` is to be called with each new view handle.
export function useSpanToSelect(views: OpenViews) {
  const pending = useRef<Target | null>(null);
  const selectWhenShown = useCallback(
    (docId: string, span: TextSpan | null, annotationId?: string) => {
      const handle = views.get(docId);
      pending.current = span && !handle ? { docId, span, annotationId } : null;
      if (span && handle) selectTarget({ docId, span, annotationId }, handle);
    },
    [views],
  );
  const viewShown = useCallback((docId: string, handle: DocumentViewHandle) => {
    const wanted = pending.current;
    if (wanted?.docId !== docId) return;
    pending.current = null;
    selectTarget(wanted, handle);
  }, []);
  return { selectWhenShown, viewShown };
}
