/// The document views on screen, by document id, so keyboard and toolbar actions can find where
/// the browser selection is.
import type { DocumentViewHandle } from './editor/DocumentView';
import type { TextSpan } from './editor/textPositions';

/// Open views by document id.
export type OpenViews = Map<string, DocumentViewHandle>;

/// A text selection inside one document view.
export interface TextSelection {
  docId: string;
  span: TextSpan;
}

/// The view holding a non-empty browser selection, and the selected span.
export function currentTextSelection(views: OpenViews): TextSelection | null {
  for (const [docId, view] of views) {
    const span = view.selectedSpan();
    if (span && span.end > span.start) return { docId, span };
  }
  return null;
}

/// Clears the text selection of every view (after tagging it).
export function clearTextSelection(views: OpenViews): void {
  for (const view of views.values()) view.clearSelection();
  window.getSelection()?.removeAllRanges();
}

/// Whether a key press is free for the workbench's shortcuts: not handled already, not part of a
/// composition, not typed into a field, not inside a dialog or behind a modal one.
export function isShortcutKey(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.isComposing || isTextEntry(e.target)) return false;
  return !(e.target instanceof Element && e.target.closest('dialog')) && !document.querySelector('dialog:modal');
}

/// Whether keys typed at `target` are text input (so shortcuts must leave them alone).
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
