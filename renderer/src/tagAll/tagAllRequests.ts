/// How the "Tag all occurrences" action (DESIGN §12) is asked for from wherever it is offered (the
/// selection toolbar, the inspector, the `t` key): a request names the phrase, the document it
/// was found in and the label to start with; the one dialog host listens.

/// What "Tag all" starts from.
export interface TagAllOrigin {
  /// The text to find: a selected span's quote, or the selection snapped to whole words.
  phrase: string;
  /// The document it was taken from ("this document").
  docId: string;
  /// The label to tag with: the selected span's, else none yet (the dialog offers the first).
  label: string | null;
}

type Listener = (origin: TagAllOrigin) => void;
const listeners = new Set<Listener>();

/// Asks for the "Tag all" dialog.
export function requestTagAll(origin: TagAllOrigin): void {
  listeners.forEach((l) => l(origin));
}

/// Calls `listener` on every request; returns the unsubscribe.
export function onTagAllRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
