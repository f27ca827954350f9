/// Spares a read-only ProseMirror view from reading the browser selection on every update.
///
/// ProseMirror reads `getSelection()`'s anchor and focus on each update that redraws something
/// (to keep the selection in place in Chrome); Chromium answers only after styling and laying out
/// the whole document, which costs tens of milliseconds on a long article. Once a read has shown
/// the selection outside the view, it cannot have moved into the view without a selection change
/// or a user input event (the view itself only writes the selection when it holds it); until one
/// of those happens, the view is told there is no selection at all, which ProseMirror treats the
/// same way (it then leaves the selection alone).
import type { EditorView } from '@tiptap/pm/view';

let inputSerial = 0;
const bump = () => void (inputSerial += 1);

const INPUT_EVENTS = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'focusin', 'focusout', 'selectstart'];

if (typeof document !== 'undefined') {
  // Registered before any view exists, so it runs before ProseMirror's own listeners.
  document.addEventListener('selectionchange', bump, true);
  for (const type of INPUT_EVENTS) window.addEventListener(type, bump, true);
}

/// What ProseMirror's internal `EditorView.domSelectionRange()` returns.
interface DomSelectionRange {
  anchorNode: Node | null;
  anchorOffset: number;
  focusNode: Node | null;
  focusOffset: number;
}

/// The internal method this module wraps (not in ProseMirror's public types).
interface SelectionReadingView {
  dom: HTMLElement;
  domSelectionRange(): DomSelectionRange;
}

const NO_SELECTION: DomSelectionRange = { anchorNode: null, anchorOffset: 0, focusNode: null, focusOffset: 0 };

/// Makes `view` read the browser selection only when it may have changed since a read showed it
/// outside the view; returns the function that undoes it. For a view just created, pass
/// `createdNow`: the browser selection cannot be in DOM nodes that did not exist when it was
/// made, so the view need not read it (and lay the page out) until the next input.
export function readSelectionOnlyWhenNeeded(editorView: EditorView, createdNow = false): () => void {
  const view = editorView as unknown as SelectionReadingView;
  const read = view.domSelectionRange.bind(view);
  let outsideAsOf = createdNow ? inputSerial : -1;
  view.domSelectionRange = () => {
    if (outsideAsOf === inputSerial) return NO_SELECTION;
    const range = read();
    const inside = [range.anchorNode, range.focusNode].some((node) => node !== null && view.dom.contains(node));
    outsideAsOf = inside ? -1 : inputSerial;
    return range;
  };
  return () => void (view.domSelectionRange = read);
}
